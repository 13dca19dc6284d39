// Bad input on purpose (test/bad-input.e2e.test.ts): runs the broken fixture hcl-no-harness-output
export default {
  name: "uses-hcl-no-harness-output",
  fixture: "hcl-no-harness-output",
  description: "runs the broken fixture hcl-no-harness-output",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
