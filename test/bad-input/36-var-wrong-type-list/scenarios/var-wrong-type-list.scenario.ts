// Bad input on purpose (test/bad-input.e2e.test.ts): listener_ports given as strings
export default {
  name: "var-wrong-type-list",
  fixture: "same-region-cross-account",
  description: "listener_ports given as strings",
  vars: { listener_ports: ['80'] },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
