// Bad input on purpose (test/bad-input.e2e.test.ts): a probe name kind that does not exist
export default {
  name: "unknown-name-kind",
  fixture: "same-region-cross-account",
  description: "a probe name kind that does not exist",
  steps: [{ kind: 'probe', names: ['regional', 'global'] }],
}
