import { describe, expect, it } from 'vitest'
import { actionForSignal, exitCodeForInterruptedRun, parentIsGone } from './signal-policy.js'

describe('signal policy', () => {
  it('waits for teardown on the first signal and stops waiting on any later one', () => {
    expect(actionForSignal(false, 'SIGINT')).toBe('graceful')
    expect(actionForSignal(true, 'SIGINT')).toBe('force')
    expect(actionForSignal(true, 'SIGTERM')).toBe('force')
    expect(actionForSignal(false, 'SIGHUP')).toBe('graceful')
    expect(actionForSignal(true, 'SIGQUIT')).toBe('force')
  })

  it('never lets a repeated hang-up cut the teardown short (kernel and shell both send one)', () => {
    expect(actionForSignal(true, 'SIGHUP')).toBe('ignore')
  })

  it('exits 128 + the signal number, or 4 when something was left behind', () => {
    expect(exitCodeForInterruptedRun('SIGINT', false)).toBe(130)
    expect(exitCodeForInterruptedRun('SIGTERM', false)).toBe(143)
    expect(exitCodeForInterruptedRun('SIGHUP', false)).toBe(129)
    expect(exitCodeForInterruptedRun('SIGQUIT', false)).toBe(131)
    expect(exitCodeForInterruptedRun('SIGINT', true)).toBe(4)
    expect(exitCodeForInterruptedRun('SIGHUP', true)).toBe(4)
  })

  it('takes a run for orphaned when its parent changed, never when it started detached', () => {
    expect(parentIsGone(4242, 4242)).toBe(false)
    expect(parentIsGone(4242, 1)).toBe(true)
    // reparented to a subreaper (systemd --user, a container's init) rather than to pid 1
    expect(parentIsGone(4242, 977)).toBe(true)
    expect(parentIsGone(1, 1)).toBe(false)
  })
})
