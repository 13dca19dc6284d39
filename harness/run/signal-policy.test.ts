import { describe, expect, it } from 'vitest'
import { actionForSignal, exitCodeForInterruptedRun } from './signal-policy.js'

describe('signal policy', () => {
  it('waits for teardown on the first signal and stops waiting on any later one', () => {
    expect(actionForSignal(1)).toBe('graceful')
    expect(actionForSignal(2)).toBe('force')
    expect(actionForSignal(5)).toBe('force')
  })

  it('exits 128 + the signal number, or 4 when something was left behind', () => {
    expect(exitCodeForInterruptedRun('SIGINT', false)).toBe(130)
    expect(exitCodeForInterruptedRun('SIGTERM', false)).toBe(143)
    expect(exitCodeForInterruptedRun('SIGINT', true)).toBe(4)
  })
})
