// Bad input on purpose (test/bad-input.e2e.test.ts): a fractional sample count
export default {
  name: "samples-fractional",
  fixture: "same-region-cross-account",
  description: "a fractional sample count",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2.5 }],
}
