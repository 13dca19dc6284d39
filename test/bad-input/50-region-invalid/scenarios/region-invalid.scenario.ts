// Bad input on purpose (test/bad-input.e2e.test.ts): a region AWS does not spell so
export default {
  name: "region-invalid",
  fixture: "same-region-cross-account",
  description: "a region AWS does not spell so",
  vars: { region: 'mars-north' },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
