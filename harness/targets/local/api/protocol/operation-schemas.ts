// Finds an operation's input and output schemas in an SDK client module. The @aws-sdk/client-*
// packages export every operation's schema as `<Action>$` ([9, namespace, name, traits, input,
// output]); the same schemas drive the clients' own serializers, so the local API and the
// harness's clients read one model, updated with the lockfile.
import { NormalizedSchema } from '@smithy/core/schema'

/** An operation's shapes, ready to walk. */
export interface OperationSchemas {
  name: string
  input: NormalizedSchema
  output: NormalizedSchema
}

const cache = new WeakMap<object, Map<string, OperationSchemas | null>>()

/** The operation named `action` in `schemas` (a client module's exports), or undefined. */
export function findOperation(schemas: Record<string, unknown>, action: string): OperationSchemas | undefined {
  let perModule = cache.get(schemas)
  if (perModule === undefined) {
    perModule = new Map()
    cache.set(schemas, perModule)
  }
  const cached = perModule.get(action)
  if (cached !== undefined) return cached ?? undefined
  const operation = /^[A-Za-z0-9]+$/.test(action) ? schemas[`${action}$`] : undefined
  let found: OperationSchemas | null = null
  if (Array.isArray(operation) && operation[0] === 9) {
    found = { name: action, input: NormalizedSchema.of(operation[4]), output: NormalizedSchema.of(operation[5]) }
  }
  perModule.set(action, found)
  return found ?? undefined
}
