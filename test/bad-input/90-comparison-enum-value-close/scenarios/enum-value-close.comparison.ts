// Bad input on purpose (test/bad-input.e2e.test.ts): a misspelt name kind (regionl for regional)
export default {
  name: 'enum-value-close',
  description: 'a misspelt name kind',
  a: 'only',
  b: 'other',
  name_kind: 'regionl',
}
