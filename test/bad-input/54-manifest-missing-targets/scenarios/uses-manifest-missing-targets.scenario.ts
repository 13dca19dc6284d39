// Bad input on purpose (test/bad-input.e2e.test.ts): runs the broken fixture manifest-missing-targets
export default {
  name: "uses-manifest-missing-targets",
  fixture: "manifest-missing-targets",
  description: "runs the broken fixture manifest-missing-targets",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
