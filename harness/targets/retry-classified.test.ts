import { describe, expect, it } from 'vitest'
import { retryClassified, type RetryVerdict } from './retry-classified.js'

const classify = (error: unknown): RetryVerdict => {
  const name = (error as Error).name
  return name === 'Throttling' ? { retry: true, name, reason: 'throttled' } : { retry: false, name, reason: 'fatal' }
}
const named = (name: string) => Object.assign(new Error(name), { name })
const giveUp = (error: unknown, verdict: RetryVerdict, attempts: number) => new Error(`gave up on ${verdict.name} (${verdict.reason}) after ${attempts}`, { cause: error })

describe('retryClassified', () => {
  it('retries what the classifier calls transient, counting attempts and reporting each retry', async () => {
    let calls = 0
    const retried: number[] = []
    const value = await retryClassified(
      async () => {
        calls += 1
        if (calls < 3) throw named('Throttling')
        return 'ok'
      },
      classify,
      { minDelayMs: 1, retries: 5, giveUp, onRetry: (_v, attempt) => retried.push(attempt) },
    )
    expect(value).toBe('ok')
    expect(calls).toBe(3)
    expect(retried).toEqual([1, 2])
  })

  it('gives up at once on a fatal error, and after the retries on a transient one, through giveUp', async () => {
    await expect(retryClassified(() => Promise.reject(named('AccessDenied')), classify, { minDelayMs: 1, retries: 5, giveUp })).rejects.toThrow('gave up on AccessDenied (fatal) after 1')
    await expect(retryClassified(() => Promise.reject(named('Throttling')), classify, { minDelayMs: 1, retries: 2, giveUp })).rejects.toThrow('gave up on Throttling (throttled) after 3')
  })

  it('rethrows an abort as the signal\'s reason, without calling giveUp', async () => {
    const controller = new AbortController()
    const reason = new Error('stopped by the run')
    const call = retryClassified(
      () => {
        controller.abort(reason)
        return Promise.reject(named('Throttling'))
      },
      classify,
      { minDelayMs: 1, retries: 5, signal: controller.signal, giveUp },
    )
    await expect(call).rejects.toBe(reason)
  })
})
