// Which SSM errors are worth another try, per operation, and why: retry policy as data (STYLE.md).
// The SDK already retries throttling and network errors itself (adaptive mode); these tables decide
// what happens once it gives up, and cover SSM's own eventual consistency, which the SDK does not.

/** The SSM operations the harness calls, each with its own retry table. */
export type SsmOperationName = 'SendCommand' | 'GetCommandInvocation' | 'DescribeInstanceInformation'

/** Transient for every operation. */
const TRANSIENT: Readonly<Record<string, string>> = {
  ThrottlingException: 'SSM throttled the call (Rate exceeded); polling less often avoids it',
  TooManyRequestsException: 'SSM throttled the call',
  RequestLimitExceeded: 'SSM throttled the call',
  InternalServerError: 'SSM reported an internal error',
  ServiceUnavailable: 'SSM was unavailable',
  ServiceUnavailableException: 'SSM was unavailable',
  TimeoutError: 'the call timed out on the network',
  ECONNRESET: 'the connection to SSM was reset',
  ETIMEDOUT: 'the connection to SSM timed out',
  EPIPE: 'the connection to SSM broke',
}

/** error name → why retrying it may succeed, per operation */
export const SSM_RETRYABLE_ERRORS: Readonly<Record<SsmOperationName, Readonly<Record<string, string>>>> = {
  // not idempotent: only errors that mean the command was not accepted
  SendCommand: TRANSIENT,
  GetCommandInvocation: {
    ...TRANSIENT,
    InvocationDoesNotExist: 'SSM does not show the invocation yet (it is eventually consistent for a second or so after SendCommand)',
  },
  DescribeInstanceInformation: {
    ...TRANSIENT,
    InvalidInstanceId: 'SSM does not know the instance yet (its agent has not registered)',
  },
}

/** error name → what it tells the operator; never retried */
export const SSM_FATAL_ERRORS: Readonly<Record<string, string>> = {
  AccessDeniedException: 'the credentials may not make this SSM call (check ssm:SendCommand, ssm:GetCommandInvocation, ssm:DescribeInstanceInformation in the IAM policy)',
  InvalidInstanceId: 'the instance is not a managed instance SSM can reach (not registered, agent stopped, or not Online)',
  UnrecognizedClientException: 'the access key is not known to the endpoint (wrong credentials or account)',
  InvalidSignatureException: 'the endpoint refused the request signature (wrong secret key, wrong region, or a skewed clock)',
  MissingAuthenticationTokenException: 'the request was not signed (no credentials were found)',
  IncompleteSignatureException: 'the request signature is malformed',
  ExpiredTokenException: 'the session credentials have expired',
  InvalidDocument: 'the document does not exist or may not be used',
  InvalidParameters: 'the document parameters were refused',
  ValidationException: 'the request was malformed',
  UnsupportedPlatformType: 'the instance platform cannot run this document',
}

/** The policy's reading of one error. */
export interface SsmErrorVerdict {
  retry: boolean
  /** the error's name (or network code), for messages and fields */
  name: string
  reason: string
}

/** Reads the tables: may `error` from `operation` be retried, and what does it mean? */
export function classifySsmError(operation: SsmOperationName, error: unknown): SsmErrorVerdict {
  const name = errorName(error)
  const retryReason = SSM_RETRYABLE_ERRORS[operation][name]
  if (retryReason !== undefined) return { retry: true, name, reason: retryReason }
  return { retry: false, name, reason: SSM_FATAL_ERRORS[name] ?? 'not known to be transient' }
}

function errorName(error: unknown): string {
  if (error === null || typeof error !== 'object') return String(error)
  const { name, code } = error as { name?: unknown; code?: unknown }
  if (typeof code === 'string' && code in TRANSIENT) return code
  return typeof name === 'string' ? name : 'Error'
}
