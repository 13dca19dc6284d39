// Bad input on purpose (test/bad-input.e2e.test.ts): a variable the fixture does not declare
export default {
  name: "var-unknown",
  fixture: "same-region-cross-account",
  description: "a variable the fixture does not declare",
  vars: { no_such_variable: 1 },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
