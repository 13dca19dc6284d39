// Bad input on purpose (test/bad-input.e2e.test.ts): an account id that is not 12 digits
export default {
  name: "account-id-invalid",
  fixture: "same-region-cross-account",
  description: "an account id that is not 12 digits",
  vars: { consumer_account_id: '1234' },
  steps: [{ kind: 'probe', names: ['regional'], samples: 2 }],
}
