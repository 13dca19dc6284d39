// Bad input on purpose (test/bad-input.e2e.test.ts): listener port 0
export default {
  name: "listener-port-zero",
  fixture: "same-region-cross-account",
  description: "listener port 0",
  vars: { listener_ports: [80, 0] },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
