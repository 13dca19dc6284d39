// Bad input on purpose (test/bad-input.e2e.test.ts): a failure class that does not exist
export default {
  name: "expect-unknown-failure",
  fixture: "same-region-cross-account",
  description: "a failure class that does not exist",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2, expect: { failure: 'explode' } }],
}
