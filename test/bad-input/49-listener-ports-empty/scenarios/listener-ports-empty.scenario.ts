// Bad input on purpose (test/bad-input.e2e.test.ts): no listener port
export default {
  name: "listener-ports-empty",
  fixture: "same-region-cross-account",
  description: "no listener port",
  vars: { listener_ports: [] },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
