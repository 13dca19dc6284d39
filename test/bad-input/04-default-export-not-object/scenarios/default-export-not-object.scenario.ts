// Bad input on purpose (test/bad-input.e2e.test.ts): the default export is not an object
export default 'same-region-cross-account'
