// Bad input on purpose (test/bad-input.e2e.test.ts): a success ratio of 1.5
export default {
  name: "expect-success-ratio-above-one",
  fixture: "same-region-cross-account",
  description: "a success ratio of 1.5",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2, expect: { success_ratio: 1.5 } }],
}
