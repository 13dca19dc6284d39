// Bad input on purpose (test/bad-input.e2e.test.ts): a misspelt name kind (regonal for regional)
export default {
  name: 'enum-value-close',
  fixture: 'same-region-cross-account',
  description: 'a misspelt name kind',
  steps: [{ kind: 'probe', names: ['regonal'], samples: 2 }],
}
