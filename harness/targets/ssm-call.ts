// One SSM call with the harness's retry policy around it: p-retry with backoff for what the policy
// table calls transient, AbortError (no retry) for the rest.
import pRetry, { AbortError } from 'p-retry'
import type { Logger } from '../core/target.js'
import { classifySsmError, type SsmErrorVerdict, type SsmOperationName } from './ssm-retry-policy.js'

/** Backoff and bookkeeping for one retried SSM call. */
export interface SsmCallOptions {
  /** first backoff delay; later ones grow ×2 up to 8× this */
  minDelayMs: number
  retries: number
  signal?: AbortSignal
  log?: Logger
  /** called before every attempt, so that callers can count API calls */
  onAttempt?: () => void
}

/** Thrown when the call gave up: the last error and the policy's reading of it. */
export class SsmCallError extends Error {
  readonly operation: SsmOperationName
  readonly errorName: string
  readonly reason: string
  /** the policy counts the last error as transient: retries ran out, waiting longer may still help */
  readonly transient: boolean
  readonly attempts: number
  constructor(operation: SsmOperationName, verdict: SsmErrorVerdict, attempts: number, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause)
    super(`${operation} failed with ${verdict.name}: ${detail} (${verdict.reason}; ${attempts} attempt${attempts === 1 ? '' : 's'})`, { cause })
    this.name = 'SsmCallError'
    this.operation = operation
    this.errorName = verdict.name
    this.reason = verdict.reason
    this.transient = verdict.retry
    this.attempts = attempts
  }
}

/** Runs `call`, retrying what SSM_RETRYABLE_ERRORS lists for `operation`; rethrows an abort as the signal's reason. */
export async function callSsm<T>(operation: SsmOperationName, call: () => Promise<T>, options: SsmCallOptions): Promise<T> {
  options.signal?.throwIfAborted()
  let attempts = 0
  try {
    return await pRetry(
      async () => {
        attempts += 1
        options.onAttempt?.()
        try {
          return await call()
        } catch (error) {
          if (options.signal?.aborted) throw new AbortError(asError(options.signal.reason))
          const verdict = classifySsmError(operation, error)
          if (!verdict.retry) throw new AbortError(asError(error))
          options.log?.debug({ operation, error: verdict.name, attempt: attempts }, `SSM ${operation}: ${verdict.reason}; retrying`)
          throw error
        }
      },
      {
        retries: options.retries,
        factor: 2,
        minTimeout: options.minDelayMs,
        maxTimeout: options.minDelayMs * 8,
        randomize: true,
        signal: options.signal,
        shouldRetry: (error) => classifySsmError(operation, error).retry,
      },
    )
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason
    throw new SsmCallError(operation, classifySsmError(operation, error), attempts, error)
  }
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value))
}
