// Bad input on purpose (test/bad-input.e2e.test.ts): a body pattern that is not a regular expression
export default {
  name: "expect-body-bad-regex",
  fixture: "same-region-cross-account",
  description: "a body pattern that is not a regular expression",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2, expect: { body: '(unclosed' } }],
}
