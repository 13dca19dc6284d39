// Bad input on purpose (test/bad-input.e2e.test.ts): no default export
export const scenario = {
  name: 'no-default-export',
  fixture: 'same-region-cross-account',
  description: 'named export only',
  steps: [{ kind: 'probe', names: ['regional'] }],
}
