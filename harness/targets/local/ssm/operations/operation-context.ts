// What every operation handler receives, and the helpers they share: input validation with
// AWS-style ValidationException messages, epoch-second timestamps, pagination tokens.
import type { ZodType } from 'zod'
import type { Logger } from '../../../../core/target.js'
import type { CommandStore } from '../command-store.js'
import type { RegisteredInstance } from '../instance-registry.js'
import { SsmServiceError, createValidationError } from '../service-error.js'

/** The endpoint state an operation may read or change. */
export interface OperationContext {
  region: string
  store: CommandStore
  /** instances whose registration delay has passed: the only ones SSM knows about */
  onlineInstances(): RegisteredInstance[]
  log?: Logger
}

/** One emulated API operation: validated JSON in, JSON out, SsmServiceError on refusal. */
export type Operation = (input: unknown, context: OperationContext) => unknown

/** Parses a request body with `schema`, or throws the ValidationException AWS would send. */
export function parseInput<T extends ZodType>(schema: T, input: unknown): T['_output'] {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const path = issue?.path ?? []
  const field = path.map((part, i) => (i === 0 && typeof part === 'string' ? part.charAt(0).toLowerCase() + part.slice(1) : String(part))).join('.')
  throw createValidationError(field || '(body)', valueAt(input, path), issue?.message ?? 'invalid')
}

/** JSON 1.1 timestamps are epoch seconds. */
export function toEpochSeconds(ms: number): number {
  return ms / 1000
}

/** Opaque NextToken for offset pagination. */
export function encodeNextToken(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64url')
}

/** Reads a NextToken written by encodeNextToken, or throws InvalidNextToken. */
export function decodeNextToken(token: string | undefined): number {
  if (token === undefined) return 0
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'))
  if (!match) throw new SsmServiceError('InvalidNextToken', 'The specified token isn\'t valid.')
  return Number(match[1])
}

function valueAt(input: unknown, path: ReadonlyArray<string | number>): unknown {
  let value: unknown = input
  for (const part of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[part] : undefined
  return value === undefined ? 'null' : value
}
