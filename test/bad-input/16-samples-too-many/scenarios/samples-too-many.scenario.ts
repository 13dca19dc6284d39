// Bad input on purpose (test/bad-input.e2e.test.ts): more samples than a probe step allows
export default {
  name: "samples-too-many",
  fixture: "same-region-cross-account",
  description: "more samples than a probe step allows",
  steps: [{ kind: 'probe', names: ['regional'], samples: 1001 }],
}
