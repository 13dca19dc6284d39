// Readiness of the fixture's instances on AWS: every consumer and producer Online in SSM, asked
// per account alias and region (each account sees only its own instances).
import type { HarnessOutput } from '../../core/contract.js'
import { InfrastructureError } from '../../core/errors.js'
import type { Logger } from '../../core/target.js'
import { waitForInstancesOnline } from '../wait-for-instances-online.js'
import type { AwsClients } from './aws-clients.js'

export interface InstancesReadinessOptions {
  clients: AwsClients
  /** account id (as the outputs name it) → alias */
  aliasOf(accountId: string): string
  timeoutMs: number
  pollIntervalMs: number
  signal: AbortSignal
  log?: Logger
}

/** Resolves once every instance of the outputs is Online; NOT_READY naming the account alias and region otherwise. */
export async function waitForInstancesOnlinePerAccount(outputs: HarnessOutput, options: InstancesReadinessOptions): Promise<void> {
  const groups = new Map<string, { alias: string; region: string; ids: string[] }>()
  for (const instance of [...outputs.consumers, ...(outputs.producers ?? [])]) {
    const alias = options.aliasOf(instance.account)
    const key = `${alias}:${instance.region}`
    const group = groups.get(key) ?? { alias, region: instance.region, ids: [] }
    group.ids.push(instance.instance_id)
    groups.set(key, group)
  }
  await Promise.all(
    [...groups.values()].map(async ({ alias, region, ids }) => {
      try {
        await waitForInstancesOnline(options.clients.ssm(alias, region), ids, {
          timeoutMs: options.timeoutMs,
          pollIntervalMs: options.pollIntervalMs,
          signal: options.signal,
          ...(options.log ? { log: options.log } : {}),
        })
      } catch (error) {
        if (error instanceof InfrastructureError) {
          throw new InfrastructureError(error.code, `account "${alias}" (${region}): ${error.message}`, { cause: error, fields: { ...error.fields, account: alias, region } })
        }
        throw error
      }
    }),
  )
}
