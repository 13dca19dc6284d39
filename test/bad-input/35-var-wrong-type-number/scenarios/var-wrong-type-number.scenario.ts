// Bad input on purpose (test/bad-input.e2e.test.ts): az_count given as a string
export default {
  name: "var-wrong-type-number",
  fixture: "same-region-cross-account",
  description: "az_count given as a string",
  vars: { az_count: 'two' },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
