// GetCommandInvocation, including the eventual consistency a client must cope with: right after
// SendCommand the invocation is unknown (InvocationDoesNotExist) for a while.
import { z } from 'zod'
import { SsmServiceError } from '../service-error.js'
import { formatInvocationResult, PLUGIN_NAME } from './invocation-view.js'
import { type Operation, parseInput } from './operation-context.js'

const schema = z.object({
  CommandId: z.string({ required_error: 'Member must not be null' }).length(36, 'Member must have length equal to 36'),
  InstanceId: z
    .string({ required_error: 'Member must not be null' })
    .regex(/(^i-(\w{8}|\w{17})$)|(^mi-\w{17}$)/, 'Member must satisfy regular expression pattern: (^i-(\\w{8}|\\w{17})$)|(^mi-\\w{17}$)'),
  PluginName: z.string().optional(),
})

/** Handles AmazonSSM.GetCommandInvocation. */
export const getCommandInvocation: Operation = (input, context) => {
  const request = parseInput(schema, input)
  const now = Date.now()
  const invocation = context.store.get(request.CommandId)?.invocations.get(request.InstanceId)
  if (invocation === undefined || now < invocation.visibleAt) {
    throw new SsmServiceError('InvocationDoesNotExist', `No invocation of command ${request.CommandId} on ${request.InstanceId} is known (yet).`)
  }
  if (request.PluginName !== undefined && request.PluginName !== PLUGIN_NAME) {
    throw new SsmServiceError('InvalidPluginName', `The plugin name ${request.PluginName} isn't valid.`)
  }
  return formatInvocationResult(invocation, now)
}
