// Bad input on purpose (test/bad-input.e2e.test.ts): runs the broken fixture manifest-unknown-topology
export default {
  name: "uses-manifest-unknown-topology",
  fixture: "manifest-unknown-topology",
  description: "runs the broken fixture manifest-unknown-topology",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
