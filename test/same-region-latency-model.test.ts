// Same-region and TLS latency is not checked against the latency model yet, and the test suite
// says so instead of staying silent: the shipped same-region scenarios bound p95 at 250 ms,
// roughly 100 times the model's 2–4 ms, so a regression adding 20 ms to every same-region
// connection would still pass. The emulator's own overhead on those paths (socket-agent IPC,
// a shared event loop, the TLS handshake) is larger than the model's figures today, so a
// `within_model` expectation there would fail on the emulator, not on the model. Once that
// overhead is fixed (issue "Probes that cost less and measure truer"), this skip gives way to
// `within_model` on same-region and TLS paths in `latency-model-fidelity` or a sibling scenario.
import { describe, it } from 'vitest'

const reason =
  "same-region latency is not checked against the model until the emulator's same-region overhead is fixed (issue \"Probes that cost less and measure truer\"); the shipped same-region scenarios only bound p95 at 250 ms"
console.warn(`same-region latency model: skipped — ${reason}`)

describe('same-region and TLS latency against the latency model', () => {
  it.skip(`within_model on every same-region and TLS path (skipped: ${reason})`)
})
