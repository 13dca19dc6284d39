// Readiness of the NLB behind the fixture's endpoint service: every target of every target group
// `healthy` before the first probe. ELB registers targets and runs their first health checks for
// minutes after apply (state `initial`, no traffic), so probes sent as soon as the endpoint is
// available and SSM is Online time out; and an action that takes one AZ out right after readiness
// must find the other AZ already serving.
import { setTimeout as sleep } from 'node:timers/promises'
import type { HarnessOutput } from '../../core/contract.js'
import { InfrastructureError } from '../../core/errors.js'
import { describeTarget, findServiceOwner, listTargets, type NlbContext, type NlbTargetEntry } from './nlb-targets.js'

/** Resolves once every target of the service's NLB is healthy; NOT_READY after `ctx.timeoutMs` naming each target that is not, per AZ, with ELB's reason. */
export async function waitForNlbTargetsHealthy(outputs: HarnessOutput, ctx: NlbContext): Promise<void> {
  const started = Date.now()
  const owner = await findServiceOwner(outputs, ctx)
  for (;;) {
    const targets = await listTargets(outputs, owner, ctx)
    const waiting = targets.filter((t) => t.description.TargetHealth?.State !== 'healthy')
    if (targets.length > 0 && waiting.length === 0) {
      ctx.log?.info({ serviceId: owner.serviceId, targets: targets.length }, 'NLB targets healthy')
      return
    }
    ctx.log?.debug({ serviceId: owner.serviceId, waiting: waiting.map(describeTarget) }, 'waiting for NLB targets to be healthy')
    if (Date.now() - started + ctx.pollIntervalMs > ctx.timeoutMs) {
      const detail = targets.length === 0 ? 'its target groups have no target registered' : describeByAz(waiting)
      throw new InfrastructureError('NOT_READY', `NLB targets of ${owner.serviceId} in account "${owner.target.alias}" (${owner.target.region}) not healthy within ${ctx.timeoutMs / 1000} s: ${detail}`, {
        fields: {
          serviceId: owner.serviceId,
          targets: waiting.map((t) => ({ id: t.description.Target?.Id, port: t.description.Target?.Port, az: t.az ?? null, state: t.description.TargetHealth?.State ?? null, reason: t.description.TargetHealth?.Reason ?? null })),
        },
      })
    }
    await sleep(ctx.pollIntervalMs, undefined, { signal: ctx.signal })
  }
}

/** `us-east-1a: i-…:80 in us-east-1a initial (Elb.RegistrationInProgress: …); us-east-1b: …` */
function describeByAz(targets: NlbTargetEntry[]): string {
  const byAz = new Map<string, string[]>()
  for (const t of targets) byAz.set(t.az ?? 'unknown AZ', [...(byAz.get(t.az ?? 'unknown AZ') ?? []), describeTarget(t)])
  return [...byAz.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([az, list]) => `${az}: ${list.join(', ')}`).join('; ')
}
