// Bad input on purpose (test/bad-input.e2e.test.ts): throws on import
throw new Error('boom while importing')
