// Bad input on purpose (test/bad-input.e2e.test.ts): runs the broken fixture manifest-no-harness-output
export default {
  name: "uses-manifest-no-harness-output",
  fixture: "manifest-no-harness-output",
  description: "runs the broken fixture manifest-no-harness-output",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
