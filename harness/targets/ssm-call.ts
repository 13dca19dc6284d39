// One SSM call with the harness's retry policy around it (the policy table in ssm-retry-policy.ts,
// the loop in retry-classified.ts), and the error it throws when it gives up.
import type { Logger } from '../core/target.js'
import { retryClassified } from './retry-classified.js'
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
  return retryClassified(call, (error) => classifySsmError(operation, error), {
    minDelayMs: options.minDelayMs,
    retries: options.retries,
    signal: options.signal,
    ...(options.onAttempt ? { onAttempt: options.onAttempt } : {}),
    onRetry: (verdict, attempt) => options.log?.debug({ operation, error: verdict.name, attempt }, `SSM ${operation}: ${verdict.reason}; retrying`),
    giveUp: (error, verdict, attempts) => new SsmCallError(operation, verdict, attempts, error),
  })
}
