// Bad input on purpose (test/bad-input.e2e.test.ts): a listener port above 65535
export default {
  name: "listener-port-out-of-range",
  fixture: "same-region-cross-account",
  description: "a listener port above 65535",
  vars: { listener_ports: [70000] },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
