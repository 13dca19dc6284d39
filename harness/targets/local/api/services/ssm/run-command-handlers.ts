// Run Command on the local AWS API: the operations of ../../ssm/operations (SendCommand,
// GetCommandInvocation, ListCommandInvocations, DescribeInstanceInformation), which already speak
// SSM's JSON, served as handlers of the one API. One command store per region, as SSM is regional;
// which instances are registered is the caller's (the data plane's) answer.
import type { Logger } from '../../../../../core/target.js'
import { createCommandStore, type CommandStore } from '../../../ssm/command-store.js'
import type { InstanceRegistry } from '../../../ssm/instance-registry.js'
import { operations } from '../../../ssm/operations/index.js'
import type { OperationContext } from '../../../ssm/operations/operation-context.js'
import { SsmServiceError } from '../../../ssm/service-error.js'
import type { ActionHandler, ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'

export interface RunCommandOptions {
  /** the instances of one account and region that SSM knows (registered, whatever their delay) */
  instancesFor(account: string, region: string): InstanceRegistry
  /** how long after `registeredAt` an instance shows Online (default 1500) */
  registrationDelayMs?: number
  /** how long an invocation stays invisible after SendCommand (default 300) */
  invocationVisibleAfterMs?: number
  log?: Logger
}

/** The handlers, and `close()` that stops every running script. */
export function createRunCommandHandlers(options: RunCommandOptions): { handlers: Record<string, ActionHandler>; close(): Promise<void>; calls(): Record<string, number> } {
  const stores = new Map<string, { store: CommandStore; context: OperationContext }>()
  const calls: Record<string, number> = {}
  const registrationDelayMs = options.registrationDelayMs ?? 1500
  const contextFor = (request: ApiRequestContext): OperationContext => {
    const key = `${request.account}/${request.region}`
    let entry = stores.get(key)
    if (entry === undefined) {
      const registry = options.instancesFor(request.account, request.region)
      const store = createCommandStore({ registry, invocationVisibleAfterMs: options.invocationVisibleAfterMs ?? 300, log: options.log })
      const context: OperationContext = {
        region: request.region,
        store,
        onlineInstances: () => registry.list().filter((i) => i.registeredAt + registrationDelayMs <= Date.now()),
        log: options.log,
      }
      entry = { store, context }
      stores.set(key, entry)
    }
    return entry.context
  }
  const handlers: Record<string, ActionHandler> = {}
  for (const [name, operation] of Object.entries(operations)) {
    handlers[name] = (input, request) => {
      calls[name] = (calls[name] ?? 0) + 1
      try {
        return operation(input, contextFor(request))
      } catch (error) {
        if (error instanceof SsmServiceError) throw new AwsApiError(error.type, error.message, { status: error.status })
        throw error
      }
    }
  }
  return {
    handlers,
    calls: () => ({ ...calls }),
    async close() {
      await Promise.all([...stores.values()].map((s) => s.store.close()))
    },
  }
}
