// Bad input on purpose (test/bad-input.e2e.test.ts): a misspelt top-level key (stepz)
export default {
  name: "unknown-top-level-key",
  fixture: "same-region-cross-account",
  description: "a misspelt top-level key (stepz)",
  stepz: [],
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
