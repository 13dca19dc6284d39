// Bad input on purpose (test/bad-input.e2e.test.ts): a latency timing curl does not report
export default {
  name: "expect-latency-unknown-timing",
  fixture: "same-region-cross-account",
  description: "a latency timing curl does not report",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2, expect: { latency: { timing: 'time_dns', p50: 5 } } }],
}
