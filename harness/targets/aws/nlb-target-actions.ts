// The two ways a scenario takes one AZ's NLB targets out, kept apart because AWS treats them
// apart: `set-target-health` makes the targets fail their health checks for real (the producer
// service is stopped on the instance through SSM; ELB reports `unhealthy`), `set-target-registration`
// deregisters them (ELB reports `unused`, or nothing). An unhealthy target and a deregistered one
// can differ in what the NLB and the endpoint's DNS do, so a scenario says which it means.
import { DeregisterTargetsCommand, RegisterTargetsCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import type { HarnessOutput, InstanceRef } from '../../core/contract.js'
import { InfrastructureError } from '../../core/errors.js'
import type { AwsActionContext } from './aws-actions.js'
import { callAws } from './aws-call.js'
import { ALL_AZS, byTargetGroup, findServiceOwner, listTargets, waitForTargets, type NlbTargetEntry, type ServiceOwner } from './nlb-targets.js'

/** The producer service of every shipped fixture (terraform/modules/ssm-instances/templates/producer-user-data.sh.tftpl). */
export const PRODUCER_SERVICE_UNIT = 'plh-producer.service'

/** The script that stops (fails: true) or starts the producer service on an instance. */
export function buildProducerServiceScript(fail: boolean): string {
  return `systemctl ${fail ? 'stop' : 'start'} ${PRODUCER_SERVICE_UNIT}`
}

/** Makes the targets in `az` fail (healthy: false) or pass their health checks, and waits until ELB reports it. */
export async function setTargetHealth(az: string, healthy: boolean, outputs: HarnessOutput, ctx: AwsActionContext): Promise<void> {
  const owner = await findServiceOwner(outputs, ctx)
  const inAz = targetsInAz(await listTargets(outputs, owner, ctx), az, owner, 'set-target-health')
  const instances = producersOf(inAz, outputs, az)
  for (const instance of instances) {
    const result = await ctx.runCommand(instance, buildProducerServiceScript(!healthy))
    if (result.status !== 'Success') {
      throw new InfrastructureError('NOT_READY', `set-target-health: \`${buildProducerServiceScript(!healthy)}\` on ${instance.instance_id} (${az}) ended ${result.status} (code ${result.responseCode}): ${result.stderr.slice(0, 300)}`, {
        fields: { instanceId: instance.instance_id, commandId: result.commandId },
      })
    }
  }
  ctx.log?.info({ az, healthy, instances: instances.map((i) => i.instance_id) }, healthy ? 'started the producer service' : 'stopped the producer service')
  const groups = byTargetGroup(inAz.map((t) => ({ targetGroupArn: t.targetGroupArn, target: t.description.Target! })))
  const wanted = healthy ? 'healthy' : 'unhealthy'
  await waitForTargets(owner, groups, (state) => state === wanted, `${wanted} in ${az}`, ctx)
}

/** Deregisters the targets in `az` (registered: false), or registers again exactly those this run took out. */
export async function setTargetRegistration(az: string, registered: boolean, outputs: HarnessOutput, ctx: AwsActionContext): Promise<void> {
  const owner = await findServiceOwner(outputs, ctx)
  const elbv2 = ctx.clients.elbv2(owner.target.alias, owner.target.region)
  const call = { minDelayMs: ctx.pollIntervalMs, signal: ctx.signal, log: ctx.log }
  if (!registered) {
    const inAz = targetsInAz(await listTargets(outputs, owner, ctx), az, owner, 'set-target-registration').map((t) => ({ targetGroupArn: t.targetGroupArn, target: t.description.Target! }))
    for (const [arn, list] of byTargetGroup(inAz)) {
      await callAws(owner.target, 'elasticloadbalancing:DeregisterTargets', () => elbv2.send(new DeregisterTargetsCommand({ TargetGroupArn: arn, Targets: list })), call)
    }
    ctx.removed.set(az, [...(ctx.removed.get(az) ?? []), ...inAz])
    await waitForTargets(owner, byTargetGroup(inAz), (state) => state === undefined || state === 'unused', `deregistered in ${az}`, ctx)
    return
  }
  const again = ctx.removed.get(az) ?? []
  if (again.length === 0) throw new InfrastructureError('NOT_READY', `set-target-registration: this run deregistered no target of ${owner.serviceId} in ${az}, so there is none to register again`)
  for (const [arn, list] of byTargetGroup(again)) {
    await callAws(owner.target, 'elasticloadbalancing:RegisterTargets', () => elbv2.send(new RegisterTargetsCommand({ TargetGroupArn: arn, Targets: list })), call)
  }
  ctx.removed.delete(az)
  await waitForTargets(owner, byTargetGroup(again), (state) => state === 'healthy', `healthy in ${az}`, ctx)
}

/**
 * The targets serving `az`. Targets ELB reports in AZ `all` (IP targets registered with
 * availability_zone = "all", as the relay's across its peering) take traffic from every NLB node:
 * no one AZ can be taken out there, so the action says so rather than picking an AZ.
 */
function targetsInAz(targets: NlbTargetEntry[], az: string, owner: ServiceOwner, action: string): NlbTargetEntry[] {
  const everywhere = targets.filter((t) => t.az === ALL_AZS)
  if (everywhere.length > 0) {
    const ids = everywhere.map((t) => `${t.description.Target?.Id}:${t.description.Target?.Port}`).join(', ')
    throw new InfrastructureError(
      'NOT_READY',
      `${action}: the NLB of ${owner.serviceId} has targets registered in AZ "all" (${ids}): every NLB node sends to them, so ${az} alone cannot be taken out of service in this fixture`,
      { fields: { serviceId: owner.serviceId, az } },
    )
  }
  const inAz = targets.filter((t) => t.az === az)
  if (inAz.length === 0) {
    const azs = [...new Set(targets.map((t) => t.az ?? 'unknown'))].join(', ')
    throw new InfrastructureError('NOT_READY', `${action}: the NLB of ${owner.serviceId} has no target in ${az} (targets are in: ${azs || 'none'})`, { fields: { serviceId: owner.serviceId, az } })
  }
  return inAz
}

/** The SSM-managed producer instance behind each target (by instance id, or by private IP for IP targets). */
function producersOf(targets: NlbTargetEntry[], outputs: HarnessOutput, az: string): InstanceRef[] {
  const producers = outputs.producers ?? []
  const found = new Map<string, InstanceRef>()
  for (const t of targets) {
    const id = t.description.Target?.Id ?? ''
    const producer = producers.find((p) => p.instance_id === id || p.private_ip === id)
    if (!producer) {
      throw new InfrastructureError(
        'NOT_READY',
        `set-target-health stops the service on the target through SSM, but target ${id} in ${az} is not one of the fixture's SSM-managed producers (harness.producers; set producer_ssm = true in the scenario's vars), or use set-target-registration, which needs no SSM`,
        { fields: { target: id, az } },
      )
    }
    found.set(producer.instance_id, producer)
  }
  return [...found.values()]
}
