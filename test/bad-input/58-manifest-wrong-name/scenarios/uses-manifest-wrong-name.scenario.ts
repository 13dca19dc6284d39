// Bad input on purpose (test/bad-input.e2e.test.ts): runs the broken fixture manifest-wrong-name
export default {
  name: "uses-manifest-wrong-name",
  fixture: "manifest-wrong-name",
  description: "runs the broken fixture manifest-wrong-name",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
