import { describe, expect, it } from 'vitest'
import { MAX_POLL_INTERVAL_MS, pollDelayMs } from './ssm-poll-schedule.js'

describe('pollDelayMs', () => {
  it('waits for the expected duration first, then backs off from a tenth of it up to 2 s', () => {
    const delays = Array.from({ length: 6 }, (_, i) => pollDelayMs(i, { pollIntervalMs: 100, expectedMs: 3200 }))
    expect(delays).toEqual([3200, 320, 640, 1280, 2000, 2000])
    // a short command: the interval is the floor of the back-off
    expect([0, 1, 2].map((i) => pollDelayMs(i, { pollIntervalMs: 100, expectedMs: 400 }))).toEqual([400, 100, 200])
  })

  it('never polls faster than the interval (AWS: 2 s), whatever the estimate', () => {
    expect(pollDelayMs(0, { pollIntervalMs: 2000, expectedMs: 50 })).toBe(2000)
    expect(pollDelayMs(0, { pollIntervalMs: 100 })).toBe(100)
    expect([1, 2, 3].map((i) => pollDelayMs(i, { pollIntervalMs: 2000 }))).toEqual([2000, 2000, 2000])
    expect(pollDelayMs(9, { pollIntervalMs: 100 })).toBe(MAX_POLL_INTERVAL_MS)
  })
})
