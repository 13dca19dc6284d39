// Bad input on purpose (test/bad-input.e2e.test.ts): a misspelt expectation (statuz)
export default {
  name: "expect-unknown-key",
  fixture: "same-region-cross-account",
  description: "a misspelt expectation (statuz)",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2, expect: { statuz: 200 } }],
}
