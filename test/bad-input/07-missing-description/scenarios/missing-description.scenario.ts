// Bad input on purpose (test/bad-input.e2e.test.ts): no description
export default {
  name: 'missing-description',
  fixture: 'same-region-cross-account',
  steps: [{ kind: 'probe', names: ['regional'] }],
}
