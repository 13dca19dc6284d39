// Bad input on purpose (test/bad-input.e2e.test.ts): a port given as a string
export default {
  name: "port-string",
  fixture: "same-region-cross-account",
  description: "a port given as a string",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2, port: '80' }],
}
