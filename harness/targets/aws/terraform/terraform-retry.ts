// Which terraform failures are worth another try, as data (like terratest's
// DefaultRetryableTerraformErrors): the error text's pattern, the commands it applies to, how many
// attempts and how long to wait. Everything else fails at once. Pure.

export type TerraformCommand = 'init' | 'apply' | 'destroy'

export interface RetryRule {
  /** matched against the error diagnostics and stderr of the failed command */
  pattern: RegExp
  commands: readonly TerraformCommand[]
  /** why another attempt can succeed, shown in the log and the progress */
  reason: string
  /** total attempts, the first included */
  attempts: number
  backoff: { initialMs: number; factor: number; maxMs: number }
}

export interface RetryTable {
  dependencyViolation: RetryRule
  throttling: RetryRule
  endpointServiceNotFound: RetryRule
  instanceProfileNotFound: RetryRule
  iamNotPropagated: RetryRule
  providerInstallNetwork: RetryRule
}

export const defaultRetryTable: RetryTable = {
  dependencyViolation: {
    pattern: /DependencyViolation/,
    commands: ['destroy'],
    reason: 'the ENIs of interface endpoints and NLBs take minutes to go after their owner is deleted',
    attempts: 6,
    backoff: { initialMs: 30_000, factor: 2, maxMs: 180_000 },
  },
  throttling: {
    pattern: /Throttling|ThrottlingException|RequestLimitExceeded|Rate exceeded|TooManyRequestsException|SlowDown/,
    commands: ['apply', 'destroy'],
    reason: 'AWS throttled the API calls',
    attempts: 4,
    backoff: { initialMs: 10_000, factor: 2, maxMs: 60_000 },
  },
  // Only visibility to the consumer account: a supported region that is still Pending (minutes) is
  // waited for between apply stages (manifest apply_stages), not retried here. Never applies to a
  // scenario whose expect_apply_error matches (principal-not-allowed, cross-region-unsupported).
  endpointServiceNotFound: {
    pattern: /InvalidVpcEndpointServiceId\.NotFound|InvalidServiceName/,
    commands: ['apply'],
    reason: 'a just-created endpoint service is not visible to the consumer account yet (eventual consistency)',
    attempts: 4,
    backoff: { initialMs: 15_000, factor: 2, maxMs: 60_000 },
  },
  instanceProfileNotFound: {
    pattern: /Invalid IamInstanceProfile|InvalidParameterValue: Value \([^)]*\) for parameter iamInstanceProfile/,
    commands: ['apply'],
    reason: 'a just-created IAM instance profile is not usable by EC2 yet (eventual consistency)',
    attempts: 4,
    backoff: { initialMs: 10_000, factor: 2, maxMs: 40_000 },
  },
  iamNotPropagated: {
    pattern: /(role|principal|instance profile)[^\n]*does not exist|InvalidPrincipal/i,
    commands: ['apply'],
    reason: 'a just-created IAM role or principal has not propagated yet (eventual consistency)',
    attempts: 3,
    backoff: { initialMs: 10_000, factor: 2, maxMs: 40_000 },
  },
  providerInstallNetwork: {
    pattern:
      /(Failed to (query available provider packages|install provider|retrieve provider)|registry\.terraform\.io|releases\.hashicorp\.com)[\s\S]*(i\/o timeout|connection reset by peer|TLS handshake timeout|no such host|connection refused|unexpected EOF|Client\.Timeout|context deadline exceeded|\b50[234]\b)/,
    commands: ['init'],
    reason: 'downloading a provider or module hit a network error',
    attempts: 3,
    backoff: { initialMs: 5_000, factor: 2, maxMs: 20_000 },
  },
}

/** The default table with `overrides` (tests shrink the waits) merged in, rule by rule. */
export function mergeRetryTable(overrides: Partial<RetryTable> = {}): RetryTable {
  const merged = { ...defaultRetryTable }
  for (const [name, rule] of Object.entries(overrides) as [keyof RetryTable, RetryRule | undefined][]) if (rule) merged[name] = rule
  return merged
}

/**
 * The rule that makes this failure of `command` retryable, or undefined when it must fail now.
 * `expectedError` (a scenario's `expect_apply_error`) is never retried on apply: the scenario
 * passes because it happens, so waiting for it to go away only spends the retry budget.
 */
export function findRetryRule(
  table: RetryTable,
  command: TerraformCommand,
  errorText: string,
  options: { expectedError?: RegExp } = {},
): { name: keyof RetryTable; rule: RetryRule } | undefined {
  if (command === 'apply' && options.expectedError?.test(errorText)) return undefined
  for (const [name, rule] of Object.entries(table) as [keyof RetryTable, RetryRule][]) {
    if (rule.commands.includes(command) && rule.pattern.test(errorText)) return { name, rule }
  }
  return undefined
}

/** Attempts at most for `command`: the largest of its rules (p-retry's `retries` is this minus one). */
export function maxAttempts(table: RetryTable, command: TerraformCommand): number {
  return Math.max(1, ...Object.values(table).filter((r: RetryRule) => r.commands.includes(command)).map((r: RetryRule) => r.attempts))
}

/** Whether failed attempt number `attempt` (1-based) gets another try under `rule`. */
export function shouldRetryAttempt(rule: RetryRule, attempt: number): boolean {
  return attempt < rule.attempts
}

/** Wait before the attempt after failed attempt `attempt` (1-based): exponential, capped. */
export function backoffMs(rule: RetryRule, attempt: number): number {
  return Math.min(rule.backoff.maxMs, rule.backoff.initialMs * rule.backoff.factor ** (attempt - 1))
}
