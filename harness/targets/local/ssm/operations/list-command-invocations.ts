// ListCommandInvocations by CommandId and/or InstanceId, newest first, paginated; with Details the
// plugin output (2,500 characters of stdout and stderr together) as the real service gives it.
import { z } from 'zod'
import type { InvocationRecord } from '../command-store.js'
import { SsmServiceError } from '../service-error.js'
import { formatCommandInvocation } from './invocation-view.js'
import { type Operation, decodeNextToken, encodeNextToken, parseInput } from './operation-context.js'

const schema = z.object({
  CommandId: z.string().length(36, 'Member must have length equal to 36').optional(),
  InstanceId: z.string().optional(),
  MaxResults: z
    .number()
    .int()
    .min(1, 'Member must have value greater than or equal to 1')
    .max(50, 'Member must have value less than or equal to 50')
    .optional(),
  NextToken: z.string().optional(),
  Filters: z.array(z.unknown()).optional(),
  Details: z.boolean().optional(),
})

/** Handles AmazonSSM.ListCommandInvocations. */
export const listCommandInvocations: Operation = (input, context) => {
  const request = parseInput(schema, input)
  if (request.Filters !== undefined && request.Filters.length > 0) {
    throw new SsmServiceError('InvalidFilterKey', 'Filters are not emulated by the local SSM endpoint; select by CommandId and InstanceId.')
  }
  const now = Date.now()
  const matching: InvocationRecord[] = []
  for (const command of context.store.all()) {
    if (request.CommandId !== undefined && command.commandId !== request.CommandId) continue
    for (const invocation of command.invocations.values()) {
      if (request.InstanceId !== undefined && invocation.instanceId !== request.InstanceId) continue
      if (now < invocation.visibleAt) continue
      matching.push(invocation)
    }
  }
  matching.sort((a, b) => b.requestedAt - a.requestedAt)
  const offset = decodeNextToken(request.NextToken)
  const pageSize = request.MaxResults ?? 50
  const page = matching.slice(offset, offset + pageSize)
  const next = offset + pageSize < matching.length ? { NextToken: encodeNextToken(offset + pageSize) } : {}
  return { CommandInvocations: page.map((i) => formatCommandInvocation(i, request.Details === true)), ...next }
}
