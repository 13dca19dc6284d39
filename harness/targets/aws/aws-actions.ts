// The scenario actions (harness/core/scenario.ts) on AWS: accept a pending endpoint connection on
// the service owner's account, take one AZ's NLB targets out of service and back, read the
// endpoints' state. The ids the fixture outputs lack (service owner, NLB, target groups) are found
// from the endpoint service id, which the service name carries.
import {
  AcceptVpcEndpointConnectionsCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
  type ServiceConfiguration,
  type VpcEndpoint,
} from '@aws-sdk/client-ec2'
import {
  DeregisterTargetsCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  RegisterTargetsCommand,
  type TargetDescription,
  type TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { setTimeout as sleep } from 'node:timers/promises'
import type { EndpointOutput, HarnessOutput } from '../../core/contract.js'
import { InfrastructureError } from '../../core/errors.js'
import type { ActionStep } from '../../core/scenario.js'
import type { Logger } from '../../core/target.js'
import type { AwsClients } from './aws-clients.js'
import { awsErrorName, callAws, type AwsCallTarget } from './aws-call.js'
import { describeEndpoints, waitForEndpointsReady, type EndpointClient } from './endpoint-readiness.js'
import { toContractState } from './endpoint-states.js'

/** What the actions of one applied fixture share. */
export interface AwsActionContext {
  clients: AwsClients
  /** account id (as the outputs name it) → alias, resolved by the target once after apply */
  aliasOf(accountId: string): string
  /** terraform/<fixture>/outputs.tf, for messages about output fields */
  outputsFile: string
  /** between polls of AWS (≥ 2000 against AWS) */
  pollIntervalMs: number
  timeoutMs: number
  /** targets this run took out of service, per AZ, so that `healthy: true` registers exactly them again */
  removed: Map<string, Array<{ targetGroupArn: string; target: TargetDescription }>>
  signal?: AbortSignal
  log?: Logger
}

const AZ = /^[a-z]{2}(-[a-z]+)+-\d[a-z]$/

/** Runs one action; returns the outputs with fresh endpoint states (and ENI addresses after an accept). */
export async function runAwsAction(action: ActionStep, outputs: HarnessOutput, ctx: AwsActionContext): Promise<HarnessOutput> {
  switch (action.kind) {
    case 'accept-endpoint':
      return acceptEndpoints(outputs, ctx)
    case 'set-target-health':
      await setTargetHealth(action.az, action.healthy, outputs, ctx)
      return outputs
    case 'expect-endpoint-state':
      return refreshEndpoints(outputs, ctx)
    case 'wait':
      await sleep(action.seconds * 1000, undefined, { signal: ctx.signal })
      return outputs
  }
}

/** The endpoint service id inside a service name such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0. */
export function serviceIdOf(serviceName: string): string | undefined {
  return /(?:^|\.)(vpce-svc-[0-9a-z]+)$/.exec(serviceName)?.[1]
}

/** The consumer-side EC2 client of an endpoint: the account of the consumers in its region. */
export function endpointClient(endpoint: EndpointOutput, outputs: HarnessOutput, ctx: Pick<AwsActionContext, 'clients' | 'aliasOf'>): EndpointClient {
  const consumer = outputs.consumers.find((c) => c.region === endpoint.region) ?? outputs.consumers[0]!
  const alias = ctx.aliasOf(consumer.account)
  return { client: ctx.clients.ec2(alias, endpoint.region), target: { alias, region: endpoint.region } }
}

async function acceptEndpoints(outputs: HarnessOutput, ctx: AwsActionContext): Promise<HarnessOutput> {
  const owner = await findServiceOwner(outputs, ctx)
  const current = await refreshEndpoints(outputs, ctx)
  const pending = current.endpoints.filter((e) => e.state === 'pendingAcceptance').map((e) => e.id)
  if (pending.length > 0) {
    const result = await callAws(
      owner.target,
      'ec2:AcceptVpcEndpointConnections',
      () => ctx.clients.ec2(owner.target.alias, owner.target.region).send(new AcceptVpcEndpointConnectionsCommand({ ServiceId: owner.serviceId, VpcEndpointIds: pending })),
      { minDelayMs: ctx.pollIntervalMs, code: 'NOT_READY', signal: ctx.signal, log: ctx.log },
    )
    const refused = result.Unsuccessful ?? []
    if (refused.length > 0) {
      const detail = refused.map((u) => `${u.ResourceId}: ${u.Error?.Code ?? 'error'} ${u.Error?.Message ?? ''}`.trim()).join('; ')
      throw new InfrastructureError('NOT_READY', `AcceptVpcEndpointConnections on ${owner.serviceId} in account "${owner.target.alias}" refused: ${detail}`)
    }
    ctx.log?.info({ serviceId: owner.serviceId, endpoints: pending }, 'accepted endpoint connections')
  }
  const described = await waitForEndpointsReady({
    outputs: current,
    clientFor: (e) => endpointClient(e, current, ctx),
    acceptsPending: false,
    timeoutMs: ctx.timeoutMs,
    pollIntervalMs: ctx.pollIntervalMs,
    outputsFile: ctx.outputsFile,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...(ctx.log ? { log: ctx.log } : {}),
  })
  return withEnis(current, described, ctx)
}

/** The outputs with each endpoint's state as EC2 reports it now. */
export async function refreshEndpoints(outputs: HarnessOutput, ctx: AwsActionContext): Promise<HarnessOutput> {
  const endpoints = await Promise.all(
    outputs.endpoints.map(async (endpoint) => {
      const [described] = await describeEndpoints(endpointClient(endpoint, outputs, ctx), [endpoint.id], ctx.pollIntervalMs, ctx)
      const state = described?.State ?? 'deleted'
      return { ...endpoint, state: toContractState(state, endpoint.id) }
    }),
  )
  return { ...outputs, endpoints }
}

/** Fills `eni_ips` of endpoints whose outputs left them empty (the fixture cannot read them before acceptance). */
async function withEnis(outputs: HarnessOutput, described: Map<string, VpcEndpoint>, ctx: AwsActionContext): Promise<HarnessOutput> {
  const endpoints = await Promise.all(
    outputs.endpoints.map(async (endpoint) => {
      const vpce = described.get(endpoint.id)
      const state = vpce?.State ? toContractState(vpce.State, endpoint.id) : endpoint.state
      const eniIds = vpce?.NetworkInterfaceIds ?? []
      if (endpoint.eni_ips.length > 0 || eniIds.length === 0) return { ...endpoint, state }
      const client = endpointClient(endpoint, outputs, ctx)
      const enis = await callAws(client.target, 'ec2:DescribeNetworkInterfaces', () => client.client.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: eniIds })), {
        minDelayMs: ctx.pollIntervalMs,
        signal: ctx.signal,
        log: ctx.log,
      })
      const eniIps = (enis.NetworkInterfaces ?? [])
        .filter((n) => n.AvailabilityZone && n.PrivateIpAddress)
        .map((n) => ({ az: n.AvailabilityZone!, ip: n.PrivateIpAddress! }))
        .sort((a, b) => a.az.localeCompare(b.az))
      return { ...endpoint, state, eni_ips: eniIps }
    }),
  )
  return { ...outputs, endpoints }
}

interface ServiceOwner {
  serviceId: string
  target: AwsCallTarget
  configuration: ServiceConfiguration
}

/**
 * The account that owns the endpoint service: the producers' account when the outputs list
 * producers, else whichever configured account can describe the service (the contract has no
 * field for the owner; see the report on issue 3).
 */
export async function findServiceOwner(outputs: HarnessOutput, ctx: AwsActionContext): Promise<ServiceOwner> {
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

/** Every target of the service's NLB with its target group and AZ. */
async function listTargets(outputs: HarnessOutput, owner: ServiceOwner, ctx: AwsActionContext): Promise<Array<{ targetGroupArn: string; description: TargetHealthDescription; az: string | undefined }>> {
  const elbv2 = ctx.clients.elbv2(owner.target.alias, owner.target.region)
  const call = { minDelayMs: ctx.pollIntervalMs, signal: ctx.signal, log: ctx.log }
  const found: Array<{ targetGroupArn: string; description: TargetHealthDescription; az: string | undefined }> = []
  for (const lbArn of owner.configuration.NetworkLoadBalancerArns ?? []) {
    const groups = await callAws(owner.target, 'elasticloadbalancing:DescribeTargetGroups', () => elbv2.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: lbArn })), call)
    for (const group of groups.TargetGroups ?? []) {
      const health = await callAws(owner.target, 'elasticloadbalancing:DescribeTargetHealth', () => elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: group.TargetGroupArn })), call)
      for (const description of health.TargetHealthDescriptions ?? []) found.push({ targetGroupArn: group.TargetGroupArn!, description, az: undefined })
    }
  }
  // AZ: from ELB where it names one, else the producer instance (by id, or by IP for IP targets across a peering), else EC2
  const producers = outputs.producers ?? []
  const unknown: string[] = []
  for (const t of found) {
    const id = t.description.Target?.Id ?? ''
    const elbAz = t.description.Target?.AvailabilityZone
    t.az = elbAz && AZ.test(elbAz) ? elbAz : producers.find((p) => p.instance_id === id || p.private_ip === id)?.az
    if (t.az === undefined && id.startsWith('i-')) unknown.push(id)
  }
  if (unknown.length > 0) {
    const out = await callAws(owner.target, 'ec2:DescribeInstances', () => ctx.clients.ec2(owner.target.alias, owner.target.region).send(new DescribeInstancesCommand({ InstanceIds: [...new Set(unknown)] })), call)
    const azById = new Map((out.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => [i.InstanceId, i.Placement?.AvailabilityZone]))
    for (const t of found) t.az ??= azById.get(t.description.Target?.Id)
  }
  return found
}

async function setTargetHealth(az: string, healthy: boolean, outputs: HarnessOutput, ctx: AwsActionContext): Promise<void> {
  const owner = await findServiceOwner(outputs, ctx)
  const elbv2 = ctx.clients.elbv2(owner.target.alias, owner.target.region)
  const call = { minDelayMs: ctx.pollIntervalMs, signal: ctx.signal, log: ctx.log }
  const targets = await listTargets(outputs, owner, ctx)
  const byGroup = (items: Array<{ targetGroupArn: string; target: TargetDescription }>): Map<string, TargetDescription[]> => {
    const groups = new Map<string, TargetDescription[]>()
    for (const i of items) groups.set(i.targetGroupArn, [...(groups.get(i.targetGroupArn) ?? []), i.target])
    return groups
  }
  if (!healthy) {
    const inAz = targets.filter((t) => t.az === az).map((t) => ({ targetGroupArn: t.targetGroupArn, target: t.description.Target! }))
    if (inAz.length === 0) {
      const azs = [...new Set(targets.map((t) => t.az ?? 'unknown'))].join(', ')
      throw new InfrastructureError('NOT_READY', `set-target-health: the NLB of ${owner.serviceId} has no target in ${az} (targets are in: ${azs || 'none'})`)
    }
    for (const [arn, list] of byGroup(inAz)) {
      await callAws(owner.target, 'elasticloadbalancing:DeregisterTargets', () => elbv2.send(new DeregisterTargetsCommand({ TargetGroupArn: arn, Targets: list })), call)
    }
    ctx.removed.set(az, [...(ctx.removed.get(az) ?? []), ...inAz])
    await waitForTargets(owner, byGroup(inAz), (state) => state === undefined || state === 'unused', `out of service in ${az}`, ctx)
    return
  }
  const again = ctx.removed.get(az) ?? targets.filter((t) => t.az === az).map((t) => ({ targetGroupArn: t.targetGroupArn, target: t.description.Target! }))
  if (again.length === 0) throw new InfrastructureError('NOT_READY', `set-target-health: the NLB of ${owner.serviceId} has no target in ${az} to bring back`)
  for (const [arn, list] of byGroup(again)) {
    await callAws(owner.target, 'elasticloadbalancing:RegisterTargets', () => elbv2.send(new RegisterTargetsCommand({ TargetGroupArn: arn, Targets: list })), call)
  }
  ctx.removed.delete(az)
  await waitForTargets(owner, byGroup(again), (state) => state === 'healthy', `healthy in ${az}`, ctx)
}

/** Polls DescribeTargetHealth for `groups` until every target's state satisfies `done`. */
async function waitForTargets(
  owner: ServiceOwner,
  groups: Map<string, TargetDescription[]>,
  done: (state: string | undefined) => boolean,
  describe: string,
  ctx: AwsActionContext,
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
        const state = out.TargetHealthDescriptions?.find((d) => d.Target?.Id === target.Id && d.Target?.Port === target.Port)?.TargetHealth?.State
        states.push(`${target.Id}:${target.Port} ${state ?? 'gone'}`)
        if (!done(state)) allDone = false
      }
    }
    if (allDone) return
    if (Date.now() + ctx.pollIntervalMs > deadline) {
      throw new InfrastructureError('NOT_READY', `NLB targets not ${describe} within ${ctx.timeoutMs / 1000} s: ${states.join(', ')}`)
    }
    await sleep(ctx.pollIntervalMs, undefined, { signal: ctx.signal })
  }
}
