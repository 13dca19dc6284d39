// The janitor's one run: list every plh:run-id resource across the configured accounts and
// regions, plan (plan-janitor.ts), and with `delete` remove them stage by stage in dependency
// order. A failed delete does not stop the others; the report says what is left.
import { InputError } from '../../../core/errors.js'
import type { RunConfig } from '../../../core/run-config.js'
import type { Logger } from '../../../core/target.js'
import type { AwsClients } from '../aws-clients.js'
import { deleteTaggedResource, type DeleteOptions } from './delete-tagged-resource.js'
import { listTaggedResources } from './list-tagged-resources.js'
import { planJanitor, stagesOf, type JanitorPlan, type PlannedResource, type TaggedResource } from './plan-janitor.js'

export interface JanitorOptions {
  clients: AwsClients
  /** names the configuration in errors */
  configFile: string
  delete: boolean
  aliveTags: ReadonlySet<string>
  olderThanMs?: number
  now?: Date
  /** delete retries (tests make them short) */
  minDelayMs?: number
  retries?: number
  signal?: AbortSignal
  log?: Logger
}

export interface JanitorReport {
  plan: JanitorPlan
  deleted: PlannedResource[]
  /** already gone when the janitor got to them */
  gone: PlannedResource[]
  failed: Array<{ resource: PlannedResource; error: string }>
  /** account/region pairs the janitor could not list */
  scanErrors: Array<{ alias: string; region: string; error: string }>
  scanned: Array<{ alias: string; region: string }>
}

/** The (alias, region) pairs to scan: each account's regions, else the configuration's. */
export function scanTargets(config: RunConfig, configFile: string): Array<{ alias: string; region: string }> {
  const pairs: Array<{ alias: string; region: string }> = []
  for (const [alias, account] of Object.entries(config.accounts)) {
    const regions = account.regions ?? config.regions
    if (!regions?.length) throw new InputError(configFile, `accounts.${alias}.regions`, 'the janitor needs the regions to scan: set accounts.<alias>.regions or regions')
    for (const region of new Set(regions)) pairs.push({ alias, region })
  }
  return pairs
}

export async function runJanitor(options: JanitorOptions): Promise<JanitorReport> {
  const { clients } = options
  const scanned = scanTargets(clients.config, options.configFile)
  const scanErrors: JanitorReport['scanErrors'] = []
  const byArn = new Map<string, TaggedResource>()
  for (const { alias, region } of scanned) {
    try {
      const found = await listTaggedResources({ client: clients.tagging(alias, region), alias, region, ...pass(options) })
      // one account reached through two aliases lists the same ARNs twice (the account id is in the ARN)
      for (const resource of found) if (!byArn.has(resource.arn)) byArn.set(resource.arn, resource)
    } catch (error) {
      scanErrors.push({ alias, region, error: (error as Error).message })
    }
  }
  const plan = planJanitor({ resources: [...byArn.values()], aliveTags: options.aliveTags, now: options.now ?? new Date(), ...(options.olderThanMs !== undefined ? { olderThanMs: options.olderThanMs } : {}) })
  const report: JanitorReport = { plan, deleted: [], gone: [], failed: [], scanErrors, scanned }
  if (!options.delete) return report
  const deleteOptions: DeleteOptions = { clients, ...pass(options), ...(options.retries !== undefined ? { retries: options.retries } : {}) }
  for (const stage of stagesOf(plan.remove)) {
    options.log?.info({ kind: stage.kind, count: stage.resources.length }, 'janitor: deleting')
    const outcomes = await Promise.allSettled(stage.resources.map((r) => deleteTaggedResource(r, deleteOptions)))
    outcomes.forEach((outcome, i) => {
      const resource = stage.resources[i]!
      if (outcome.status === 'rejected') report.failed.push({ resource, error: (outcome.reason as Error).message })
      else (outcome.value === 'gone' ? report.gone : report.deleted).push(resource)
    })
  }
  return report
}

function pass(options: JanitorOptions): { minDelayMs?: number; signal?: AbortSignal; log?: Logger } {
  return {
    ...(options.minDelayMs !== undefined ? { minDelayMs: options.minDelayMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.log ? { log: options.log } : {}),
  }
}
