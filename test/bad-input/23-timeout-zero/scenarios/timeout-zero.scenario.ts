// Bad input on purpose (test/bad-input.e2e.test.ts): a zero curl timeout
export default {
  name: "timeout-zero",
  fixture: "same-region-cross-account",
  description: "a zero curl timeout",
  steps: [{ kind: 'probe', names: ['regional'], samples: 2, timeout_s: 0 }],
}
