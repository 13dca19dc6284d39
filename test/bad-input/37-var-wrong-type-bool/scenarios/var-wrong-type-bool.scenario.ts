// Bad input on purpose (test/bad-input.e2e.test.ts): acceptance_required given as a string
export default {
  name: "var-wrong-type-bool",
  fixture: "same-region-cross-account",
  description: "acceptance_required given as a string",
  vars: { acceptance_required: 'yes' },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
