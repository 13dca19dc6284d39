// Bad input on purpose (test/bad-input.e2e.test.ts): port 0
export default {
  name: "port-zero",
  fixture: "same-region-cross-account",
  description: "port 0",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2, port: 0 }],
}
