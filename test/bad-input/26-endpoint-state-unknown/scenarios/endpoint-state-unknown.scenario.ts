// Bad input on purpose (test/bad-input.e2e.test.ts): an endpoint state AWS does not have
export default {
  name: "endpoint-state-unknown",
  fixture: "same-region-cross-account",
  description: "an endpoint state AWS does not have",
  steps: [{ kind: 'expect-endpoint-state', state: 'open' }],
}
