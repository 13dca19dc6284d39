// Bad input on purpose (test/bad-input.e2e.test.ts): a step with no kind
export default {
  name: "step-without-kind",
  fixture: "same-region-cross-account",
  description: "a step with no kind",
  steps: [{ names: ['regional'] }],
}
