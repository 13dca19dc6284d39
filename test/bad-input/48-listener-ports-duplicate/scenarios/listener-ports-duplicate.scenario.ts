// Bad input on purpose (test/bad-input.e2e.test.ts): the same listener port twice
export default {
  name: "listener-ports-duplicate",
  fixture: "same-region-cross-account",
  description: "the same listener port twice",
  vars: { listener_ports: [80, 80] },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
