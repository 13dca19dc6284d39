// Bad input on purpose (test/bad-input.e2e.test.ts): runs an aws-only fixture locally
export default {
  name: "uses-aws-only",
  fixture: "aws-only",
  description: "runs an aws-only fixture locally",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
