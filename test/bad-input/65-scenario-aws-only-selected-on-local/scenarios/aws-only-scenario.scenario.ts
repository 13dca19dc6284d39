// Bad input on purpose (test/bad-input.e2e.test.ts): runs on aws only
export default {
  name: "aws-only-scenario",
  fixture: "same-region-cross-account",
  description: "runs on aws only",
  targets: ['aws'],
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
