// aws_lb_target_group_attachment and the harness's own actions: RegisterTargets, DeregisterTargets,
// DescribeTargetHealth. Instance targets must be running instances of the group's VPC; IP targets
// inside the VPC take the AZ of their subnet, IP targets outside it (across a peering) need
// AvailabilityZone `all`, as on AWS.
import type { Instance, Subnet, Vpc } from '@aws-sdk/client-ec2'
import type {
  DeregisterTargetsInput,
  DeregisterTargetsOutput,
  DescribeTargetHealthInput,
  DescribeTargetHealthOutput,
  RegisterTargetsInput,
  RegisterTargetsOutput,
  TargetDescription,
  TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import type { ResourceRecord } from '../../store/aws-store.js'
import { cidrContains, parseCidr, parseIpv4 } from '../../../topology/cidr.js'
import { drainingEndsAt, targetHealthAt, targetKey } from './target-health.js'
import { TARGET_GROUP, findLoadBalancer, loadBalancersOfTargetGroup, requireTargetGroup, type RegisteredTarget, type TargetGroupData } from './records.js'

function vpcCidrs(context: ApiRequestContext, vpcId: string | undefined): string[] {
  const vpc = vpcId === undefined ? undefined : context.store.get<Vpc>(context.account, context.region, 'vpc', vpcId)
  if (vpc === undefined) return []
  const cidrs = new Set<string>()
  if (vpc.data.CidrBlock) cidrs.add(vpc.data.CidrBlock)
  for (const association of vpc.data.CidrBlockAssociationSet ?? []) if (association.CidrBlock) cidrs.add(association.CidrBlock)
  return [...cidrs]
}

const inAny = (cidrs: string[], ip: string): boolean =>
  cidrs.some((text) => {
    const cidr = parseCidr(text)
    return !('error' in cidr) && cidrContains(cidr, ip)
  })

/** Checks one target against the group and returns how it is stored. */
function registration(context: ApiRequestContext, group: TargetGroupData, target: TargetDescription, now: number): RegisteredTarget {
  const id = target.Id ?? ''
  const port = target.Port ?? group.Port!
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new AwsApiError('ValidationError', `Port '${port}' must be between 1 and 65535`)
  if (group.TargetType === 'instance') {
    const instance = context.store.get<Instance>(context.account, context.region, 'instance', id)
    if (instance === undefined) throw new AwsApiError('InvalidTarget', `The following targets are not valid instances: '${id}'`)
    if (instance.data.VpcId !== group.VpcId) throw new AwsApiError('InvalidTarget', `The following targets are not in the target group VPC '${group.VpcId ?? ''}': '${id}'`)
    if (instance.data.State?.Name !== 'running') throw new AwsApiError('InvalidTarget', `The following targets are not in a running state and cannot be registered: '${id}'`)
    return { Id: id, Port: port, registeredAt: now }
  }
  if (parseIpv4(id) === null) throw new AwsApiError('ValidationError', `The IP address '${id}' is not a valid IPv4 address`)
  if (inAny(vpcCidrs(context, group.VpcId), id)) {
    if (target.AvailabilityZone === 'all') throw new AwsApiError('ValidationError', `Availability zone 'all' is only valid for IP addresses outside the target group VPC: '${id}'`)
    const subnet = context.store
      .list<Subnet>({ type: 'subnet', account: context.account, region: context.region })
      .find((s) => s.data.VpcId === group.VpcId && s.data.CidrBlock !== undefined && inAny([s.data.CidrBlock], id))
    if (subnet === undefined) throw new AwsApiError('InvalidTarget', `The IP address '${id}' is not in a subnet of VPC '${group.VpcId ?? ''}'`)
    return { Id: id, Port: port, AvailabilityZone: subnet.data.AvailabilityZone, registeredAt: now }
  }
  if (target.AvailabilityZone !== 'all') {
    throw new AwsApiError('ValidationError', `The IP address '${id}' is outside the VPC; specify the Availability Zone 'all' for it`)
  }
  return { Id: id, Port: port, AvailabilityZone: 'all', registeredAt: now }
}

/** Drops registrations whose draining is over (they are then simply not registered). */
function pruneDrained(group: TargetGroupData, now: number): RegisteredTarget[] {
  return group.local.targets.filter((t) => {
    const end = drainingEndsAt(group, t)
    return end === undefined || now < end
  })
}

export function registerTargets(input: RegisterTargetsInput, context: ApiRequestContext): RegisterTargetsOutput {
  const record = requireTargetGroup(context, input.TargetGroupArn)
  if (!input.Targets?.length) throw new AwsApiError('ValidationError', 'At least one target must be specified')
  const now = Date.now()
  const added = input.Targets.map((t) => registration(context, record.data, t, now))
  context.store.update<TargetGroupData>(record.account, record.region, TARGET_GROUP, record.id, (r) => {
    const targets = pruneDrained(r.data, now)
    for (const target of added) {
      const existing = targets.find((t) => targetKey(t) === targetKey(target))
      // Registering a registered target is a no-op; registering a draining one makes it new again.
      if (existing === undefined) targets.push(target)
      else if (existing.deregisteredAt !== undefined) Object.assign(existing, target, { deregisteredAt: undefined })
    }
    r.data.local.targets = targets
  })
  return {}
}

export function deregisterTargets(input: DeregisterTargetsInput, context: ApiRequestContext): DeregisterTargetsOutput {
  const record = requireTargetGroup(context, input.TargetGroupArn)
  if (!input.Targets?.length) throw new AwsApiError('ValidationError', 'At least one target must be specified')
  const now = Date.now()
  const targets = pruneDrained(record.data, now)
  // Deregistering a target that is not registered (or already draining) succeeds, as on AWS: a
  // scenario may take a target out of service before terraform destroys its attachment. Only an
  // instance that does not exist at all is an InvalidTarget.
  if (record.data.TargetType === 'instance') {
    const unknown = input.Targets.filter((t) => context.store.get(context.account, context.region, 'instance', t.Id ?? '') === undefined)
    if (unknown.length > 0) throw new AwsApiError('InvalidTarget', `The following targets are not valid instances: ${unknown.map((t) => `'${t.Id ?? ''}'`).join(', ')}`)
  }
  const keys = input.Targets.map((t) => targetKey({ Id: t.Id, Port: t.Port ?? record.data.Port }))
  context.store.update<TargetGroupData>(record.account, record.region, TARGET_GROUP, record.id, (r) => {
    for (const target of targets) if (keys.includes(targetKey(target)) && target.deregisteredAt === undefined) target.deregisteredAt = now
    r.data.local.targets = targets
  })
  return {}
}

function healthInputs(context: ApiRequestContext, record: ResourceRecord<TargetGroupData>, now: number) {
  const loadBalancers = loadBalancersOfTargetGroup(context, record.id)
  const provisioning = loadBalancers.some((arn) => {
    const lb = findLoadBalancer(context, arn)
    return lb !== undefined && lb.data.State?.Code === 'provisioning' && now < lb.data.local.activeAt
  })
  return { group: record.data, inUse: loadBalancers.length > 0, loadBalancerProvisioning: provisioning, now }
}

export function describeTargetHealth(input: DescribeTargetHealthInput, context: ApiRequestContext): DescribeTargetHealthOutput {
  const record = requireTargetGroup(context, input.TargetGroupArn)
  const now = Date.now()
  const inputs = healthInputs(context, record, now)
  const current = pruneDrained(record.data, now)
  const healthCheckPort = (t: { Port?: number }): string => (record.data.HealthCheckPort === 'traffic-port' ? String(t.Port ?? record.data.Port) : (record.data.HealthCheckPort ?? ''))
  const describe = (target: { Id: string; Port: number; AvailabilityZone?: string }, registered: RegisteredTarget | undefined): TargetHealthDescription => ({
    Target: { Id: target.Id, Port: target.Port, ...(target.AvailabilityZone !== undefined ? { AvailabilityZone: target.AvailabilityZone } : {}) },
    HealthCheckPort: healthCheckPort(target),
    TargetHealth: targetHealthAt(registered, inputs),
  })
  if (input.Targets?.length) {
    return {
      TargetHealthDescriptions: input.Targets.map((t) => {
        const wanted = { Id: t.Id ?? '', Port: t.Port ?? record.data.Port!, AvailabilityZone: t.AvailabilityZone }
        const registered = current.find((r) => targetKey(r) === targetKey(wanted))
        return describe(registered ?? wanted, registered)
      }),
    }
  }
  return { TargetHealthDescriptions: current.map((t) => describe(t, t)) }
}
