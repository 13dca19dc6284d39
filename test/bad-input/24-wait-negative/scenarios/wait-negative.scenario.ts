// Bad input on purpose (test/bad-input.e2e.test.ts): a wait step with negative seconds
export default {
  name: "wait-negative",
  fixture: "same-region-cross-account",
  description: "a wait step with negative seconds",
  steps: [{ kind: 'probe', names: ['regional'] }, { kind: 'wait', seconds: -1 }],
}
