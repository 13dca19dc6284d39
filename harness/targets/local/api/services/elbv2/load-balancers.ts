// aws_lb: CreateLoadBalancer, DescribeLoadBalancers, DeleteLoadBalancer and the load balancer's
// attributes. A load balancer is `provisioning` for LOAD_BALANCER_PROVISIONING_MS after it is
// created, then `active` (the provider polls for that, the reconciler builds only active ones);
// each subnet gets one node ENI.
import type {
  CreateLoadBalancerInput,
  CreateLoadBalancerOutput,
  DeleteLoadBalancerInput,
  DeleteLoadBalancerOutput,
  DescribeCapacityReservationInput,
  DescribeCapacityReservationOutput,
  DescribeLoadBalancerAttributesInput,
  DescribeLoadBalancerAttributesOutput,
  DescribeLoadBalancersInput,
  DescribeLoadBalancersOutput,
  LoadBalancer,
  ModifyLoadBalancerAttributesInput,
  ModifyLoadBalancerAttributesOutput,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import type { Subnet } from '@aws-sdk/client-ec2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import type { ResourceRecord } from '../../store/aws-store.js'
import { canonicalHostedZoneId, loadBalancerArn, loadBalancerArnSuffix, loadBalancerDnsName, newArnHash, validateElbName } from './arns.js'
import { createLoadBalancerNodes, deleteLoadBalancerNodes, type NodePlacement } from './load-balancer-nodes.js'
import {
  LISTENER,
  LOAD_BALANCER,
  applyAttributes,
  listListeners,
  listLoadBalancers,
  requireLoadBalancer,
  tagsOf,
  toAttributeList,
  withoutLocal,
  type LoadBalancerData,
} from './records.js'

/** How long a new load balancer stays `provisioning` (AWS: minutes; the provider first polls after 30 s). */
export const LOAD_BALANCER_PROVISIONING_MS = 3_000

/** An NLB's attributes as a new one has them (DescribeLoadBalancerAttributes on AWS). */
export function defaultNetworkLoadBalancerAttributes(): Record<string, string> {
  return {
    'access_logs.s3.enabled': 'false',
    'access_logs.s3.bucket': '',
    'access_logs.s3.prefix': '',
    'deletion_protection.enabled': 'false',
    'dns_record.client_routing_policy': 'any_availability_zone',
    'load_balancing.cross_zone.enabled': 'false',
    'zonal_shift.config.enabled': 'false',
  }
}

/** Moves a load balancer whose provisioning time is over to `active`; returns the current record. */
export function refreshLoadBalancerState(context: ApiRequestContext, record: ResourceRecord<LoadBalancerData>, now = Date.now()): ResourceRecord<LoadBalancerData> {
  if (record.data.State?.Code !== 'provisioning' || now < record.data.local.activeAt) return record
  return (
    context.store.update<LoadBalancerData>(record.account, record.region, LOAD_BALANCER, record.id, (r) => {
      r.data.State = { Code: 'active' }
    }) ?? record
  )
}

function requireSubnet(context: ApiRequestContext, subnetId: string): Subnet {
  const record = context.store.get<Subnet>(context.account, context.region, 'subnet', subnetId)
  if (record === undefined) throw new AwsApiError('SubnetNotFound', `The subnet ID '${subnetId}' is not valid`)
  return record.data
}

/** The subnets of the request, checked: they exist, share one VPC and have one AZ each. */
function placementsOf(context: ApiRequestContext, input: CreateLoadBalancerInput): NodePlacement[] {
  const requested: Array<{ subnetId: string; privateIpv4Address?: string }> = [
    ...(input.Subnets ?? []).map((subnetId) => ({ subnetId })),
    ...(input.SubnetMappings ?? []).map((m) => ({ subnetId: m.SubnetId ?? '', privateIpv4Address: m.PrivateIPv4Address })),
  ]
  if (requested.length === 0) throw new AwsApiError('ValidationError', 'At least one subnet must be specified')
  if (input.Subnets?.length && input.SubnetMappings?.length) throw new AwsApiError('ValidationError', 'You can specify subnets or subnet mappings, not both')
  const placements = requested.map((r) => ({ subnet: requireSubnet(context, r.subnetId), privateIpv4Address: r.privateIpv4Address }))
  const vpcs = new Set(placements.map((p) => p.subnet.VpcId))
  if (vpcs.size > 1) throw new AwsApiError('InvalidConfigurationRequest', 'All subnets must belong to the same VPC')
  const zones = new Set<string>()
  for (const p of placements) {
    const zone = p.subnet.AvailabilityZone ?? ''
    if (zones.has(zone)) throw new AwsApiError('InvalidConfigurationRequest', `A load balancer cannot be attached to multiple subnets in the same Availability Zone (${zone})`)
    zones.add(zone)
  }
  return placements
}

export function createLoadBalancer(input: CreateLoadBalancerInput, context: ApiRequestContext): CreateLoadBalancerOutput {
  const name = validateElbName(input.Name, 'load balancer')
  const type = input.Type ?? 'application'
  if (type !== 'network') throw new AwsApiError('ValidationError', `Load balancer type '${type}' is not emulated by the local target; only 'network' is`)
  const scheme = input.Scheme ?? 'internet-facing'
  const existing = listLoadBalancers(context).find((r) => r.data.LoadBalancerName === name)
  if (existing !== undefined) throw new AwsApiError('DuplicateLoadBalancerName', `A load balancer with the same name '${name}' exists, but with different settings`)
  const placements = placementsOf(context, input)
  const hash = newArnHash()
  const arn = loadBalancerArn(context.region, context.account, type, name, hash)
  const networkInterfaceIds = createLoadBalancerNodes(context, loadBalancerArnSuffix(arn), placements)
  const now = Date.now()
  const data: LoadBalancerData = {
    LoadBalancerArn: arn,
    DNSName: loadBalancerDnsName(name, type, scheme, hash, context.region),
    CanonicalHostedZoneId: canonicalHostedZoneId(context.region),
    CreatedTime: new Date(now),
    LoadBalancerName: name,
    Scheme: scheme,
    VpcId: placements[0]!.subnet.VpcId,
    State: { Code: 'provisioning' },
    Type: type,
    AvailabilityZones: placements.map((p) => ({
      ZoneName: p.subnet.AvailabilityZone,
      SubnetId: p.subnet.SubnetId,
      LoadBalancerAddresses: p.privateIpv4Address === undefined ? [] : [{ PrivateIPv4Address: p.privateIpv4Address }],
    })),
    ...(input.SecurityGroups?.length ? { SecurityGroups: input.SecurityGroups } : {}),
    IpAddressType: input.IpAddressType ?? 'ipv4',
    local: { attributes: defaultNetworkLoadBalancerAttributes(), networkInterfaceIds, activeAt: now + LOAD_BALANCER_PROVISIONING_MS },
  }
  const record = context.store.put({ type: LOAD_BALANCER, id: arn, account: context.account, region: context.region, tags: tagsOf(input.Tags), data, createdAt: now })
  // The data plane follows the store, not Describe calls: flip the state when provisioning ends even
  // if nobody asks (unref'd, so a stopped API never waits for it).
  setTimeout(() => {
    const current = context.store.get<LoadBalancerData>(record.account, record.region, LOAD_BALANCER, record.id)
    if (current !== undefined) refreshLoadBalancerState(context, current)
  }, LOAD_BALANCER_PROVISIONING_MS + 1).unref()
  return { LoadBalancers: [withoutLocal(data) as LoadBalancer] }
}

export function describeLoadBalancers(input: DescribeLoadBalancersInput, context: ApiRequestContext): DescribeLoadBalancersOutput {
  let records = listLoadBalancers(context)
  if (input.LoadBalancerArns?.length) {
    const missing = input.LoadBalancerArns.filter((arn) => !records.some((r) => r.id === arn))
    if (missing.length > 0) throw new AwsApiError('LoadBalancerNotFound', `Load balancers '[${missing.join(', ')}]' not found`)
    records = records.filter((r) => input.LoadBalancerArns!.includes(r.id))
  }
  if (input.Names?.length) {
    const missing = input.Names.filter((name) => !records.some((r) => r.data.LoadBalancerName === name))
    if (missing.length > 0) throw new AwsApiError('LoadBalancerNotFound', `Load balancers '[${missing.join(', ')}]' not found`)
    records = records.filter((r) => input.Names!.includes(r.data.LoadBalancerName ?? ''))
  }
  return { LoadBalancers: records.map((r) => withoutLocal(refreshLoadBalancerState(context, r).data) as LoadBalancer) }
}

export function deleteLoadBalancer(input: DeleteLoadBalancerInput, context: ApiRequestContext): DeleteLoadBalancerOutput {
  // Deleting a load balancer that is already gone succeeds, as on AWS.
  const record = listLoadBalancers(context).find((r) => r.id === input.LoadBalancerArn)
  if (record === undefined) return {}
  if (record.data.local.attributes['deletion_protection.enabled'] === 'true') {
    throw new AwsApiError('OperationNotPermitted', `Load balancer '${record.id}' cannot be deleted because deletion protection is enabled`)
  }
  for (const listener of listListeners(context)) {
    if (listener.data.LoadBalancerArn === record.id) context.store.delete(context.account, context.region, LISTENER, listener.id)
  }
  deleteLoadBalancerNodes(context, record.data.local.networkInterfaceIds)
  context.store.delete(context.account, context.region, LOAD_BALANCER, record.id)
  return {}
}

export function describeLoadBalancerAttributes(input: DescribeLoadBalancerAttributesInput, context: ApiRequestContext): DescribeLoadBalancerAttributesOutput {
  const record = requireLoadBalancer(context, input.LoadBalancerArn)
  return { Attributes: toAttributeList(record.data.local.attributes) }
}

export function modifyLoadBalancerAttributes(input: ModifyLoadBalancerAttributesInput, context: ApiRequestContext): ModifyLoadBalancerAttributesOutput {
  const record = requireLoadBalancer(context, input.LoadBalancerArn)
  // The provider drops a key AWS answers "is not supported on load balancers with type 'network'" for.
  const attributes = applyAttributes(record.data.local.attributes, input.Attributes, (key) => `Load balancer attribute key '${key}' is not supported on load balancers with type '${record.data.Type ?? 'network'}'`)
  for (const key of ['deletion_protection.enabled', 'load_balancing.cross_zone.enabled', 'zonal_shift.config.enabled', 'access_logs.s3.enabled']) {
    if (attributes[key] !== 'true' && attributes[key] !== 'false') throw new AwsApiError('ValidationError', `Load balancer attribute value '${attributes[key] ?? ''}' of key '${key}' must be 'true' or 'false'`)
  }
  context.store.update<LoadBalancerData>(record.account, record.region, LOAD_BALANCER, record.id, (r) => {
    r.data.local.attributes = attributes
  })
  return { Attributes: toAttributeList(attributes) }
}

/** No capacity reservation is modelled: every load balancer answers "no minimum, provisioned". */
export function describeCapacityReservation(input: DescribeCapacityReservationInput, context: ApiRequestContext): DescribeCapacityReservationOutput {
  const record = requireLoadBalancer(context, input.LoadBalancerArn)
  return {
    CapacityReservationState: (record.data.AvailabilityZones ?? []).map((zone) => ({ AvailabilityZone: zone.ZoneName, State: { Code: 'provisioned' } })),
  }
}
