// Bad input on purpose (test/bad-input.e2e.test.ts): set-target-health without healthy
export default {
  name: "set-target-health-no-healthy",
  fixture: "same-region-cross-account",
  description: "set-target-health without healthy",
  steps: [{ kind: 'set-target-health', az: 'us-east-1a' }],
}
