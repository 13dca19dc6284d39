// Bad input on purpose (test/bad-input.e2e.test.ts): a name with upper case and underscores
export default {
  name: "Bad_Name",
  fixture: "same-region-cross-account",
  description: "a name with upper case and underscores",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
