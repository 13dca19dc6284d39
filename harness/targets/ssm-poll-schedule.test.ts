import { describe, expect, it } from 'vitest'
import { MAX_POLL_INTERVAL_MS, pollDelayMs } from './ssm-poll-schedule.js'

describe('pollDelayMs', () => {
  it('waits for the expected duration first, then backs off from the interval up to 2 s', () => {
    const delays = Array.from({ length: 8 }, (_, i) => pollDelayMs(i, { pollIntervalMs: 100, expectedMs: 3200 }))
    expect(delays).toEqual([3200, 100, 200, 400, 800, 1600, 2000, 2000])
  })

  it('never polls faster than the interval (AWS: 2 s), whatever the estimate', () => {
    expect(pollDelayMs(0, { pollIntervalMs: 2000, expectedMs: 50 })).toBe(2000)
    expect(pollDelayMs(0, { pollIntervalMs: 100 })).toBe(100)
    expect([1, 2, 3].map((i) => pollDelayMs(i, { pollIntervalMs: 2000 }))).toEqual([2000, 2000, 2000])
    expect(pollDelayMs(9, { pollIntervalMs: 100 })).toBe(MAX_POLL_INTERVAL_MS)
  })
})
