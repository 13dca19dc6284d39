// Bad input on purpose (test/bad-input.e2e.test.ts): port 65536
export default {
  name: "port-too-high",
  fixture: "same-region-cross-account",
  description: "port 65536",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2, port: 65536 }],
}
