// Bad input on purpose (test/bad-input.e2e.test.ts): runs the broken fixture manifest-local-without-topology
export default {
  name: "uses-manifest-local-without-topology",
  fixture: "manifest-local-without-topology",
  description: "runs the broken fixture manifest-local-without-topology",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
