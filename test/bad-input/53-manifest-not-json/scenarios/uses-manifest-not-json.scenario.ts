// Bad input on purpose (test/bad-input.e2e.test.ts): runs the broken fixture manifest-not-json
export default {
  name: "uses-manifest-not-json",
  fixture: "manifest-not-json",
  description: "runs the broken fixture manifest-not-json",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
