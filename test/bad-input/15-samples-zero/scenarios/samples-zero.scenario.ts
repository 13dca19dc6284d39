// Bad input on purpose (test/bad-input.e2e.test.ts): zero samples
export default {
  name: "samples-zero",
  fixture: "same-region-cross-account",
  description: "zero samples",
  steps: [{ kind: 'probe', names: ['regional'], samples: 0 }],
}
