// The NLB behind the fixture's endpoint service, as ELBv2 reports it: who owns the service, every
// target of its target groups with its AZ and health, and a bounded wait for target states.
// Readiness (every target healthy before the first probe) and the target actions share it. The
// ids the fixture outputs lack (service owner, NLB, target groups) are found from the endpoint
// service id, which the service name carries.
import { DescribeInstancesCommand, DescribeVpcEndpointServiceConfigurationsCommand, type ServiceConfiguration } from '@aws-sdk/client-ec2'
import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand, type TargetDescription, type TargetHealthDescription } from '@aws-sdk/client-elastic-load-balancing-v2'
import { setTimeout as sleep } from 'node:timers/promises'
import type { HarnessOutput } from '../../core/contract.js'
import { InfrastructureError } from '../../core/errors.js'
import type { Logger } from '../../core/target.js'
import type { AwsClients } from './aws-clients.js'
import { awsErrorName, callAws, type AwsCallTarget } from './aws-call.js'

/** What looking at the NLB needs: clients per account, the alias map, polling and deadline. */
export interface NlbContext {
  clients: AwsClients
  /** account id (as the outputs name it) → alias, resolved by the target once after apply */
  aliasOf(accountId: string): string
  /** terraform/<fixture>/outputs.tf, for messages about output fields */
  outputsFile: string
  /** between polls of AWS (≥ 2000 against AWS) */
  pollIntervalMs: number
  timeoutMs: number
  signal?: AbortSignal
  log?: Logger
}

export interface ServiceOwner {
  serviceId: string
  target: AwsCallTarget
  configuration: ServiceConfiguration
}

/** One target of one target group, with the AZ it serves: an AZ name, `all` (ELB's AZ of IP targets outside the NLB's VPC), or undefined when nothing says. */
export interface NlbTargetEntry {
  targetGroupArn: string
  description: TargetHealthDescription
  az: string | undefined
}

/** ELB's AvailabilityZone of a target registered to serve every AZ (IP targets outside the VPC, e.g. across a peering). */
export const ALL_AZS = 'all'

const AZ = /^[a-z]{2}(-[a-z]+)+-\d[a-z]$/

/** The endpoint service id inside a service name such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0. */
export function serviceIdOf(serviceName: string): string | undefined {
  return /(?:^|\.)(vpce-svc-[0-9a-z]+)$/.exec(serviceName)?.[1]
}

/**
 * The account that owns the endpoint service: the producers' account when the outputs list
 * producers, else whichever configured account can describe the service (the contract has no
 * field for the owner; see the report on issue 3).
 */
export async function findServiceOwner(outputs: HarnessOutput, ctx: NlbContext): Promise<ServiceOwner> {
  const serviceId = serviceIdOf(outputs.service.name)
  if (!serviceId) throw new InfrastructureError('NOT_READY', `${ctx.outputsFile}: harness.service.name: ${outputs.service.name} carries no endpoint service id (vpce-svc-…)`)
  const region = outputs.service.region
  const producerAccount = outputs.producers?.[0]?.account
  const first = producerAccount === undefined ? [] : [ctx.aliasOf(producerAccount)]
  const candidates = [...new Set([...first, ...ctx.clients.aliases()])]
  const tried: string[] = []
  for (const alias of candidates) {
    const target = { alias, region }
    try {
      const out = await callAws(
        target,
        'ec2:DescribeVpcEndpointServiceConfigurations',
        () => ctx.clients.ec2(alias, region).send(new DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: [serviceId] })),
        { minDelayMs: ctx.pollIntervalMs, signal: ctx.signal, log: ctx.log },
      )
      const configuration = out.ServiceConfigurations?.find((c) => c.ServiceId === serviceId)
      if (configuration) return { serviceId, target, configuration }
      tried.push(`${alias}: not found`)
    } catch (error) {
      const name = awsErrorName((error as Error).cause)
      if (!/NotFound|Malformed/.test(name)) throw error
      tried.push(`${alias}: ${name}`)
    }
  }
  throw new InfrastructureError('NOT_READY', `no configured account owns endpoint service ${serviceId} in ${region} (${tried.join('; ')})`, { fields: { serviceId } })
}

/** Every target of the service's NLB with its target group, health and AZ. */
export async function listTargets(outputs: HarnessOutput, owner: ServiceOwner, ctx: NlbContext): Promise<NlbTargetEntry[]> {
  const elbv2 = ctx.clients.elbv2(owner.target.alias, owner.target.region)
  const call = { minDelayMs: ctx.pollIntervalMs, signal: ctx.signal, log: ctx.log }
  const found: NlbTargetEntry[] = []
  for (const lbArn of owner.configuration.NetworkLoadBalancerArns ?? []) {
    const groups = await callAws(owner.target, 'elasticloadbalancing:DescribeTargetGroups', () => elbv2.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: lbArn })), call)
    for (const group of groups.TargetGroups ?? []) {
      const health = await callAws(owner.target, 'elasticloadbalancing:DescribeTargetHealth', () => elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: group.TargetGroupArn })), call)
      for (const description of health.TargetHealthDescriptions ?? []) found.push({ targetGroupArn: group.TargetGroupArn!, description, az: undefined })
    }
  }
  // AZ: from ELB where it names one (or `all`), else the producer instance (by id, or by IP), else EC2
  const producers = outputs.producers ?? []
  const unknown: string[] = []
  for (const t of found) {
    const id = t.description.Target?.Id ?? ''
    const elbAz = t.description.Target?.AvailabilityZone
    t.az = elbAz === ALL_AZS || (elbAz && AZ.test(elbAz)) ? elbAz : producers.find((p) => p.instance_id === id || p.private_ip === id)?.az
    if (t.az === undefined && id.startsWith('i-')) unknown.push(id)
  }
  if (unknown.length > 0) {
    const out = await callAws(owner.target, 'ec2:DescribeInstances', () => ctx.clients.ec2(owner.target.alias, owner.target.region).send(new DescribeInstancesCommand({ InstanceIds: [...new Set(unknown)] })), call)
    const azById = new Map((out.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => [i.InstanceId, i.Placement?.AvailabilityZone]))
    for (const t of found) t.az ??= azById.get(t.description.Target?.Id)
  }
  return found
}

/** One target for messages: id, port, AZ, state and ELB's reason, e.g. `i-0…:80 in us-east-1a initial (Elb.RegistrationInProgress: Target registration is in progress)`. */
export function describeTarget(entry: NlbTargetEntry): string {
  const { Target: target, TargetHealth: health } = entry.description
  const reason = health?.Reason ? ` (${health.Reason}${health.Description ? `: ${health.Description}` : ''})` : ''
  return `${target?.Id ?? '?'}:${target?.Port ?? '?'} in ${entry.az ?? 'an unknown AZ'} ${health?.State ?? 'unknown'}${reason}`
}

/** Groups targets by target group, as RegisterTargets and DeregisterTargets take them. */
export function byTargetGroup(items: ReadonlyArray<{ targetGroupArn: string; target: TargetDescription }>): Map<string, TargetDescription[]> {
  const groups = new Map<string, TargetDescription[]>()
  for (const i of items) groups.set(i.targetGroupArn, [...(groups.get(i.targetGroupArn) ?? []), i.target])
  return groups
}

/** Polls DescribeTargetHealth for `groups` until every target's state satisfies `done`; NOT_READY with each target's state and reason after the deadline. */
export async function waitForTargets(
  owner: ServiceOwner,
  groups: Map<string, TargetDescription[]>,
  done: (state: string | undefined) => boolean,
  describe: string,
  ctx: NlbContext,
): Promise<void> {
  const elbv2 = ctx.clients.elbv2(owner.target.alias, owner.target.region)
  const deadline = Date.now() + ctx.timeoutMs
  for (;;) {
    const states: string[] = []
    let allDone = true
    for (const [arn, list] of groups) {
      const out = await callAws(owner.target, 'elasticloadbalancing:DescribeTargetHealth', () => elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn, Targets: list })), {
        minDelayMs: ctx.pollIntervalMs,
        signal: ctx.signal,
        log: ctx.log,
      })
      for (const target of list) {
        const health = out.TargetHealthDescriptions?.find((d) => d.Target?.Id === target.Id && d.Target?.Port === target.Port)?.TargetHealth
        const reason = health?.Reason ? ` (${health.Reason})` : ''
        states.push(`${target.Id}:${target.Port} ${health?.State ?? 'gone'}${reason}`)
        if (!done(health?.State)) allDone = false
      }
    }
    if (allDone) return
    if (Date.now() + ctx.pollIntervalMs > deadline) {
      throw new InfrastructureError('NOT_READY', `NLB targets not ${describe} within ${ctx.timeoutMs / 1000} s: ${states.join(', ')}`)
    }
    await sleep(ctx.pollIntervalMs, undefined, { signal: ctx.signal })
  }
}
