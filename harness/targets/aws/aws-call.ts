// One EC2 / ELBv2 / STS / tagging call with the AWS target's retry policy around it: a table of
// retryable errors (STYLE.md: retry policy is data), p-retry with backoff for those, and a clear
// error naming the account alias and region for the rest (AccessDenied above all, where the fix is
// an IAM policy in one particular account).
import { InfrastructureError, type ErrorCode } from '../../core/errors.js'
import type { Logger } from '../../core/target.js'
import { retryClassified, type RetryVerdict } from '../retry-classified.js'

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
  if (!Number.isFinite(minDelayMs) || minDelayMs < 1) throw new TypeError(`callAws: options.minDelayMs must be ≥ 1, got ${minDelayMs}`)
  const classify = (error: unknown): RetryVerdict => {
    const name = awsErrorName(error)
    const reason = AWS_RETRYABLE_ERRORS[name] ?? options.alsoRetry?.[name]
    return reason === undefined ? { retry: false, name, reason: AWS_FATAL_ERRORS[name] ?? 'not known to be transient' } : { retry: true, name, reason }
  }
  return retryClassified(call, classify, {
    minDelayMs,
    retries: options.retries ?? 5,
    signal: options.signal,
    onRetry: (verdict, attempt) =>
      options.log?.debug({ operation, account: target.alias, region: target.region, error: verdict.name, attempt }, `${operation}: ${verdict.reason}; retrying`),
    giveUp: (error, verdict, attempts) => {
      const detail = error instanceof Error ? error.message : String(error)
      const meaning = verdict.retry ? `${verdict.reason}; gave up` : verdict.reason
      return new InfrastructureError(
        options.code ?? 'NOT_READY',
        `${operation} in account "${target.alias}" (${target.region}) failed with ${verdict.name}: ${detail} (${meaning}; ${attempts} attempt${attempts === 1 ? '' : 's'})`,
        { cause: error, fields: { operation, account: target.alias, region: target.region, errorName: verdict.name, attempts } },
      )
    },
  })
}
