// Bad input on purpose (test/bad-input.e2e.test.ts): a misspelt probe field (sample for samples)
export default {
  name: 'unknown-key-close',
  fixture: 'same-region-cross-account',
  description: 'a misspelt probe field',
  steps: [{ kind: 'probe', names: ['regional'], sample: 2 }],
}
