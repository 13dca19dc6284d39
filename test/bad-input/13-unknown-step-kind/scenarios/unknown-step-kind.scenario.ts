// Bad input on purpose (test/bad-input.e2e.test.ts): a step kind that does not exist
export default {
  name: "unknown-step-kind",
  fixture: "same-region-cross-account",
  description: "a step kind that does not exist",
  steps: [{ kind: 'teleport' }],
}
