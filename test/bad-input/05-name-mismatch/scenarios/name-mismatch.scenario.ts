// Bad input on purpose (test/bad-input.e2e.test.ts): the name differs from the file name
export default {
  name: "another-name",
  fixture: "same-region-cross-account",
  description: "the name differs from the file name",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
