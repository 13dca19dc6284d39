// Bad input on purpose (test/bad-input.e2e.test.ts): a misspelt field (nam_kind for name_kind)
export default {
  name: 'unknown-key-close',
  description: 'a misspelt field',
  a: 'only',
  b: 'other',
  nam_kind: 'zonal',
}
