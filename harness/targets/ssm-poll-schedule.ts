// When to ask SSM whether a command has finished. Polling at a fixed short interval costs one
// GetCommandInvocation per interval (AWS throttles tight polling; the benchmark counts API calls
// per probe sample), so the first poll waits for the caller's estimate of the command's duration
// and later polls back off from a tenth of that estimate (at least the interval): 1×, 2×, 4×… up
// to a ceiling.

/** The ceiling of the back-off: AWS's advice is to poll every 2 s or more. */
export const MAX_POLL_INTERVAL_MS = 2000

/** Delay before poll number `attempt` (0 = the first poll after SendCommand), in ms. */
export function pollDelayMs(attempt: number, options: { pollIntervalMs: number; expectedMs?: number }): number {
  const { pollIntervalMs } = options
  if (attempt === 0) return Math.max(pollIntervalMs, Math.round(options.expectedMs ?? 0))
  const ceiling = Math.max(pollIntervalMs, MAX_POLL_INTERVAL_MS)
  const first = Math.max(pollIntervalMs, Math.round((options.expectedMs ?? 0) / 10))
  return Math.min(ceiling, first * 2 ** (attempt - 1))
}
