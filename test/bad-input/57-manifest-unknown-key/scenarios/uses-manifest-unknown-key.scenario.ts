// Bad input on purpose (test/bad-input.e2e.test.ts): runs the broken fixture manifest-unknown-key
export default {
  name: "uses-manifest-unknown-key",
  fixture: "manifest-unknown-key",
  description: "runs the broken fixture manifest-unknown-key",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
