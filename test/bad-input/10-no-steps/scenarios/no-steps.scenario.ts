// Bad input on purpose (test/bad-input.e2e.test.ts): no steps and no expected apply error
export default {
  name: "no-steps",
  fixture: "same-region-cross-account",
  description: "no steps and no expected apply error",
  steps: [],
}
