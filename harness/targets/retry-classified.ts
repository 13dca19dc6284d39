// The one retry loop of the AWS-facing calls (SSM on both targets; EC2, ELBv2, STS and tagging on
// AWS): p-retry with exponential backoff for what a classifier calls transient, no retry for the
// rest, an abort rethrown as the signal's reason. Callers own the table and the error they throw.
import pRetry, { AbortError } from 'p-retry'

/** What a classifier says of one error. */
export interface RetryVerdict {
  retry: boolean
  /** the error's name (or network code), for messages */
  name: string
  reason: string
}

export interface RetryClassifiedOptions {
  /** first backoff delay; later ones grow ×2 up to 8× this */
  minDelayMs: number
  retries: number
  signal?: AbortSignal | undefined
  /** called before every attempt (API call counting) */
  onAttempt?: () => void
  /** called when a transient error is about to be retried */
  onRetry?: (verdict: RetryVerdict, attempt: number) => void
  /** the error to throw once the call gives up (a fatal error, or retries ran out) */
  giveUp: (error: unknown, verdict: RetryVerdict, attempts: number) => Error
}

/** Runs `call`, retrying while `classify` says the error is transient. */
export async function retryClassified<T>(call: () => Promise<T>, classify: (error: unknown) => RetryVerdict, options: RetryClassifiedOptions): Promise<T> {
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
          const verdict = classify(error)
          if (!verdict.retry) throw new AbortError(asError(error))
          options.onRetry?.(verdict, attempts)
          throw error
        }
      },
      {
        retries: options.retries,
        factor: 2,
        minTimeout: options.minDelayMs,
        maxTimeout: options.minDelayMs * 8,
        randomize: true,
        ...(options.signal ? { signal: options.signal } : {}),
        shouldRetry: (error) => classify(error).retry,
      },
    )
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason
    throw options.giveUp(error, classify(error), attempts)
  }
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value))
}
