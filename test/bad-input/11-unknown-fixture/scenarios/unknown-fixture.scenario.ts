// Bad input on purpose (test/bad-input.e2e.test.ts): a fixture that does not exist
export default {
  name: "unknown-fixture",
  fixture: "no-such-fixture",
  description: "a fixture that does not exist",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
