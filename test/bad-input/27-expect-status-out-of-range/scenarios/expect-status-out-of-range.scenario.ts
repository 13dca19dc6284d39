// Bad input on purpose (test/bad-input.e2e.test.ts): an HTTP status of 700
export default {
  name: "expect-status-out-of-range",
  fixture: "same-region-cross-account",
  description: "an HTTP status of 700",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2, expect: { status: 700 } }],
}
