// Bad input on purpose (test/bad-input.e2e.test.ts): a negative latency bound
export default {
  name: "expect-latency-negative",
  fixture: "same-region-cross-account",
  description: "a negative latency bound",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2, expect: { latency: { p95: -5 } } }],
}
