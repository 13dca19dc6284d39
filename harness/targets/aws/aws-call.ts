// One EC2 / ELBv2 / STS / tagging call with the AWS target's retry policy around it: a table of
// retryable errors (STYLE.md: retry policy is data), p-retry with backoff for those, and a clear
// error naming the account alias and region for the rest (AccessDenied above all, where the fix is
// an IAM policy in one particular account).
import pRetry, { AbortError } from 'p-retry'
import { InfrastructureError, type ErrorCode } from '../../core/errors.js'
import type { Logger } from '../../core/target.js'

/** error name → why another try may succeed. The SDK retries throttling itself (adaptive mode);
 * this table covers what is left once it gives up, and AWS's eventual consistency. */
export const AWS_RETRYABLE_ERRORS: Readonly<Record<string, string>> = {
  ThrottlingException: 'AWS throttled the call (Rate exceeded)',
  Throttling: 'AWS throttled the call',
  RequestLimitExceeded: 'EC2 throttled the call (RequestLimitExceeded)',
  TooManyRequestsException: 'AWS throttled the call',
  InternalError: 'AWS reported an internal error',
  InternalFailure: 'AWS reported an internal error',
  ServiceUnavailable: 'AWS was unavailable',
  Unavailable: 'AWS was unavailable',
  TimeoutError: 'the call timed out on the network',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
}

/** error name → what it tells the operator; never retried. */
export const AWS_FATAL_ERRORS: Readonly<Record<string, string>> = {
  AccessDeniedException: 'the credentials may not make this call: add the action to the IAM policy of this account (docs/aws-permissions.md)',
  AccessDenied: 'the credentials may not make this call: add the action to the IAM policy of this account (docs/aws-permissions.md)',
  UnauthorizedOperation: 'the credentials may not make this EC2 call: add the action to the IAM policy of this account (docs/aws-permissions.md)',
  AuthFailure: 'AWS did not accept the credentials of this account',
  ExpiredToken: 'the session credentials of this account have expired',
  ExpiredTokenException: 'the session credentials of this account have expired',
  InvalidClientTokenId: 'the access key of this account is not known to AWS',
  UnrecognizedClientException: 'the access key of this account is not known to AWS',
  CredentialsProviderError: 'no credentials were found for this account (profile or role in the run configuration)',
}

/** Where a call goes, for messages: the run configuration's account alias and the region. */
export interface AwsCallTarget {
  alias: string
  region: string
}

/** Backoff and bookkeeping for one retried call. */
export interface AwsCallOptions {
  /** first backoff delay (default 2000: AWS is polled no faster than every 2 s); later ones grow ×2 up to 8× */
  minDelayMs?: number
  /** default 5 */
  retries?: number
  /** extra retryable error names for this call only (e.g. DependencyViolation on deletes), name → reason */
  alsoRetry?: Readonly<Record<string, string>>
  /** error code of the InfrastructureError thrown when the call gives up (default NOT_READY) */
  code?: ErrorCode
  signal?: AbortSignal
  log?: Logger
}

/** The error's AWS name (or network code). */
export function awsErrorName(error: unknown): string {
  if (error === null || typeof error !== 'object') return String(error)
  const { name, code, Code } = error as { name?: unknown; code?: unknown; Code?: unknown }
  if (typeof code === 'string' && code in AWS_RETRYABLE_ERRORS) return code
  if (typeof Code === 'string') return Code
  return typeof name === 'string' ? name : 'Error'
}

/** Whether an error means "these credentials may not do this" (the message then names the alias). */
export function isAccessDenied(error: unknown): boolean {
  return /AccessDenied|UnauthorizedOperation|AuthFailure/.test(awsErrorName(error))
}

/** Runs `call` as `operation` against `target`, retrying what the tables call transient. */
export async function callAws<T>(target: AwsCallTarget, operation: string, call: () => Promise<T>, options: AwsCallOptions = {}): Promise<T> {
  const minDelayMs = options.minDelayMs ?? 2000
  const retries = options.retries ?? 5
  if (!Number.isFinite(minDelayMs) || minDelayMs < 1) throw new TypeError(`callAws: options.minDelayMs must be ≥ 1, got ${minDelayMs}`)
  const retryable = (error: unknown): string | undefined => {
    const name = awsErrorName(error)
    return AWS_RETRYABLE_ERRORS[name] ?? options.alsoRetry?.[name]
  }
  options.signal?.throwIfAborted()
  let attempts = 0
  try {
    return await pRetry(
      async () => {
        attempts += 1
        try {
          return await call()
        } catch (error) {
          if (options.signal?.aborted) throw new AbortError(toError(options.signal.reason))
          const reason = retryable(error)
          if (reason === undefined) throw new AbortError(toError(error))
          options.log?.debug({ operation, account: target.alias, region: target.region, error: awsErrorName(error), attempt: attempts }, `${operation}: ${reason}; retrying`)
          throw error
        }
      },
      { retries, factor: 2, minTimeout: minDelayMs, maxTimeout: minDelayMs * 8, randomize: true, signal: options.signal, shouldRetry: (error) => retryable(error) !== undefined },
    )
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason
    const name = awsErrorName(error)
    const detail = error instanceof Error ? error.message : String(error)
    const meaning = retryable(error) ? `${retryable(error)}; gave up` : (AWS_FATAL_ERRORS[name] ?? 'not known to be transient')
    throw new InfrastructureError(
      options.code ?? 'NOT_READY',
      `${operation} in account "${target.alias}" (${target.region}) failed with ${name}: ${detail} (${meaning}; ${attempts} attempt${attempts === 1 ? '' : 's'})`,
      { cause: error, fields: { operation, account: target.alias, region: target.region, errorName: name, attempts } },
    )
  }
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value))
}
