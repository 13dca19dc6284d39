// Interface VPC endpoints (the consumer side of PrivateLink): one requester-managed ENI per subnet,
// DnsEntries with the regional name and one zonal name per AZ in AWS's format
// (`<vpce-id>-<8 chars>[-<az>].<service-id>.<region>.vpce.amazonaws.com`; for AWS services the
// service's short name stands for the service id), and the private DNS name of an AWS service when
// private DNS is on. States: pending → available, or pendingAcceptance when the service requires
// acceptance. Gateway and Gateway Load Balancer endpoints are not emulated.
import type {
  CreateVpcEndpointRequest,
  CreateVpcEndpointResult,
  DeleteVpcEndpointsRequest,
  DeleteVpcEndpointsResult,
  DescribeVpcEndpointsRequest,
  DescribeVpcEndpointsResult,
  DnsEntry,
  ModifyVpcEndpointRequest,
  ModifyVpcEndpointResult,
  SecurityGroup,
  State,
  Subnet,
  UnsuccessfulItem,
  VpcEndpoint,
} from '@aws-sdk/client-ec2'
import { createHash, randomBytes } from 'node:crypto'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError, missingParameter, notEmulated } from '../../server/api-error.js'
import type { AwsStore, ResourceRecord } from '../../store/aws-store.js'
import { findAvailabilityZone } from '../../store/availability-zones.js'
import { tagsFromSpecifications } from '../../store/describe-filters.js'
import { awsServiceId, awsServiceShortName } from './aws-managed-services.js'
import { describeRecords, EC2_TYPES, render, requireRecord } from './ec2-records.js'
import { scheduleTransition, TRANSITION_MS } from './lifecycle.js'
import { createNetworkInterface, deleteNetworkInterface } from './network-interfaces.js'
import { findServiceByName, principalAllowed, supportedAndAvailable, type ServiceData } from './vpc-endpoint-services.js'
import type { VpcData } from './vpcs.js'

/** What an endpoint record keeps beyond the SDK shape. */
export interface VpcEndpointLocal {
  /** the endpoint service's id (`vpce-svc-…`), or the AWS service's stable id */
  serviceId: string
  /** the service owner's account; undefined for AWS services */
  serviceOwner?: string
  /** the 8 characters after the endpoint id in its DNS names */
  label: string
  /** the AWS service's short name (`ssm`) for AWS services */
  awsService?: string
}

export type VpcEndpointData = VpcEndpoint & { local: VpcEndpointLocal }

const TYPE = EC2_TYPES.vpcEndpoint.type
/** The requester id AWS puts on endpoint ENIs is an AWS-owned account; the local target uses this one. */
export const ENDPOINT_ENI_REQUESTER = '727180483921'
const DEFAULT_POLICY = JSON.stringify({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] })
/** The hosted zone of `*.vpce.amazonaws.com` names (us-east-1's is AWS's published one; others are derived). */
const VPCE_ZONE: Record<string, string> = { 'us-east-1': 'Z7HUB22UULQXV' }
const vpceZone = (region: string): string => VPCE_ZONE[region] ?? `Z${createHash('sha256').update(`vpce/${region}`).digest('hex').slice(0, 12).toUpperCase()}`

/** The endpoint's DnsEntries: regional, then one zonal name per subnet AZ, then the private DNS name. */
export function endpointDnsEntries(input: { id: string; label: string; serviceLabel: string; region: string; azs: string[]; privateDnsName?: string; privateZoneId?: string }): DnsEntry[] {
  const suffix = `${input.serviceLabel}.${input.region}.vpce.amazonaws.com`
  const zone = vpceZone(input.region)
  const entries: DnsEntry[] = [{ DnsName: `${input.id}-${input.label}.${suffix}`, HostedZoneId: zone }]
  for (const az of input.azs) entries.push({ DnsName: `${input.id}-${input.label}-${az}.${suffix}`, HostedZoneId: zone })
  if (input.privateDnsName) entries.push({ DnsName: input.privateDnsName, HostedZoneId: input.privateZoneId })
  return entries
}

const randomLabel = (): string => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  return [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('')
}

/** The service an endpoint asks for, resolved as AWS does (InvalidServiceName for anything the caller may not use). */
function resolveService(context: ApiRequestContext, serviceName: string, serviceRegion: string): { id: string; label: string; owner?: string; awsService?: string; service?: ServiceData; privateDnsName?: string } {
  const invalid = () => new AwsApiError('InvalidServiceName', `The Vpc Endpoint Service '${serviceName}' does not exist`)
  const short = awsServiceShortName(serviceName, serviceRegion)
  if (short !== undefined) {
    if (serviceRegion !== context.region) throw invalid()
    return { id: awsServiceId(short, serviceRegion), label: short, awsService: short, privateDnsName: `${short}.${serviceRegion}.amazonaws.com` }
  }
  const record = findServiceByName(context.store, serviceName)
  if (record === undefined || record.region !== serviceRegion) throw invalid()
  if (!principalAllowed(record.data, context.account, record.account)) throw invalid()
  // a supported region still Pending refuses the endpoint, as AWS can (issue 21: the AWS target waits for Available)
  if (serviceRegion !== context.region && !supportedAndAvailable(record.data, context.region)) throw invalid()
  return { id: record.id, label: record.id, owner: record.account, service: record.data, privateDnsName: record.data.PrivateDnsName }
}

/** CreateVpcEndpoint (Interface only). */
export function createVpcEndpoint(input: CreateVpcEndpointRequest, context: ApiRequestContext): CreateVpcEndpointResult {
  const { store, account, region } = context
  const type = input.VpcEndpointType ?? 'Gateway'
  if (type !== 'Interface') throw notEmulated('EC2', `CreateVpcEndpoint with VpcEndpointType ${type}`)
  const vpc = requireRecord<VpcData>(context, EC2_TYPES.vpc, input.VpcId)
  if (!input.ServiceName) throw missingParameter('ServiceName')
  const serviceRegion = input.ServiceRegion ?? region
  const service = resolveService(context, input.ServiceName, serviceRegion)
  const subnets = (input.SubnetIds ?? []).map((id) => requireRecord<Subnet>(context, EC2_TYPES.subnet, id))
  const seenZones = new Set<string>()
  for (const subnet of subnets) {
    if (subnet.data.VpcId !== vpc.id) throw new AwsApiError('InvalidParameter', `The subnet ${subnet.id} does not belong to VPC ${vpc.id}`)
    if (seenZones.has(subnet.data.AvailabilityZoneId!)) throw new AwsApiError('DuplicateSubnetsInSameZone', `Found another VPC endpoint subnet in the availability zone of ${subnet.id}. VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.`)
    seenZones.add(subnet.data.AvailabilityZoneId!)
    // Zone ids are what two accounts share: the service's zones are named as its owner sees them.
    if (service.service !== undefined && serviceRegion === region) {
      const served = (service.service.AvailabilityZones ?? []).map((z) => findAvailabilityZone(service.owner!, serviceRegion, z)?.id)
      if (!served.includes(subnet.data.AvailabilityZoneId)) throw new AwsApiError('InvalidParameter', `The Vpc Endpoint Service '${input.ServiceName}' does not support the availability zone of the subnet: ${subnet.id}.`)
    }
  }
  const privateDns = input.PrivateDnsEnabled ?? service.awsService !== undefined
  if (privateDns) {
    if (service.privateDnsName === undefined) throw new AwsApiError('InvalidParameter', `Private DNS can't be enabled because the service ${input.ServiceName} does not provide a private DNS name.`)
    if (!vpc.data.local.enableDnsSupport || !vpc.data.local.enableDnsHostnames) throw new AwsApiError('InvalidParameter', `Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for ${vpc.id}`)
    const clash = store.list<VpcEndpointData>({ type: TYPE, account, region }).some((e) => e.data.VpcId === vpc.id && e.data.PrivateDnsEnabled && e.data.local.serviceId === service.id)
    if (clash) throw new AwsApiError('InvalidParameter', `private-dns-enabled cannot be set because there is already a conflicting DNS domain for ${service.privateDnsName} in the VPC ${vpc.id}`)
  }
  const groupIds = input.SecurityGroupIds && input.SecurityGroupIds.length > 0 ? input.SecurityGroupIds : [defaultGroup(store, account, region, vpc.id)]
  const groups = groupIds.map((id) => requireRecord<SecurityGroup>(context, EC2_TYPES.securityGroup, id))
  const id = store.newId('vpce')
  const label = randomLabel()
  const enis = subnets.map((s) =>
    createNetworkInterface({ store, account, region, subnetId: s.id, description: `VPC Endpoint Interface ${id}`, interfaceType: 'vpc_endpoint', requesterId: ENDPOINT_ENI_REQUESTER, securityGroupIds: groups.map((g) => g.id) }),
  )
  const initial = service.service?.AcceptanceRequired ? 'pendingAcceptance' : 'pending'
  const data: VpcEndpointData = {
    VpcEndpointId: id,
    VpcEndpointType: 'Interface',
    VpcId: vpc.id,
    ServiceName: input.ServiceName,
    ServiceRegion: serviceRegion,
    State: initial as State,
    PolicyDocument: input.PolicyDocument ?? DEFAULT_POLICY,
    RouteTableIds: [],
    SubnetIds: subnets.map((s) => s.id),
    Groups: groups.map((g) => ({ GroupId: g.id, GroupName: g.data.GroupName })),
    IpAddressType: 'ipv4',
    DnsOptions: { DnsRecordIpType: 'ipv4', PrivateDnsOnlyForInboundResolverEndpoint: false },
    PrivateDnsEnabled: privateDns,
    RequesterManaged: false,
    NetworkInterfaceIds: enis.map((e) => e.id),
    DnsEntries: endpointDnsEntries({ id, label, serviceLabel: service.label, region, azs: subnets.map((s) => s.data.AvailabilityZone!), privateDnsName: privateDns ? service.privateDnsName : undefined, privateZoneId: `Z${createHash('sha256').update(id).digest('hex').slice(0, 20).toUpperCase()}` }),
    CreationTimestamp: new Date(),
    OwnerId: account,
    local: { serviceId: service.id, serviceOwner: service.owner, label, awsService: service.awsService },
  }
  const record = store.put({ type: TYPE, id, account, region, tags: tagsFromSpecifications(input.TagSpecifications, 'vpc-endpoint'), data })
  if (initial === 'pending') {
    scheduleTransition<VpcEndpointData>(store, record, TRANSITION_MS.endpointAvailable, (r) => {
      if (String(r.data.State) === 'pending') r.data.State = 'available' as State
    })
  }
  return { VpcEndpoint: withoutLocal(render(record)), ClientToken: input.ClientToken }
}

function defaultGroup(store: AwsStore, account: string, region: string, vpcId: string): string {
  const group = store.list<SecurityGroup>({ type: EC2_TYPES.securityGroup.type, account, region }).find((g) => g.data.VpcId === vpcId && g.data.GroupName === 'default')
  if (group === undefined) throw new AwsApiError('InvalidGroup.NotFound', `The default security group of VPC ${vpcId} does not exist`)
  return group.id
}

const withoutLocal = (e: VpcEndpointData): VpcEndpoint => {
  const { local: _local, ...rest } = e
  return rest
}

const fields = {
  'vpc-endpoint-id': (e: VpcEndpointData) => e.VpcEndpointId,
  'vpc-id': (e: VpcEndpointData) => e.VpcId,
  'service-name': (e: VpcEndpointData) => e.ServiceName,
  'service-region': (e: VpcEndpointData) => e.ServiceRegion,
  'vpc-endpoint-state': (e: VpcEndpointData) => e.State,
  'vpc-endpoint-type': (e: VpcEndpointData) => e.VpcEndpointType,
  'ip-address-type': (e: VpcEndpointData) => e.IpAddressType,
}

/** DescribeVpcEndpoints by id and filter; an unknown id is InvalidVpcEndpointId.NotFound. */
export function describeVpcEndpoints(input: DescribeVpcEndpointsRequest, context: ApiRequestContext): DescribeVpcEndpointsResult {
  return { VpcEndpoints: describeRecords<VpcEndpointData>(context, { kind: EC2_TYPES.vpcEndpoint, ids: input.VpcEndpointIds, filters: input.Filters, fields }).map(withoutLocal) }
}

/** Removes an endpoint and its ENIs. */
function removeEndpoint(store: AwsStore, record: ResourceRecord<VpcEndpointData>): void {
  for (const eni of record.data.NetworkInterfaceIds ?? []) deleteNetworkInterface({ store, account: record.account, region: record.region, networkInterfaceId: eni })
  store.delete(record.account, record.region, TYPE, record.id)
}

/** DeleteVpcEndpoints: gone at once with their ENIs (AWS passes through `deleting`; the provider waits for not-found). */
export function deleteVpcEndpoints(input: DeleteVpcEndpointsRequest, context: ApiRequestContext): DeleteVpcEndpointsResult {
  const Unsuccessful: UnsuccessfulItem[] = []
  for (const id of input.VpcEndpointIds ?? []) {
    const record = context.store.get<VpcEndpointData>(context.account, context.region, TYPE, id)
    if (record === undefined) Unsuccessful.push({ ResourceId: id, Error: { Code: 'InvalidVpcEndpoint.NotFound', Message: `The Vpc Endpoint Id '${id}' does not exist` } })
    else removeEndpoint(context.store, record)
  }
  return { Unsuccessful }
}

/** ModifyVpcEndpoint: security groups, subnets (with their ENIs and zonal names), private DNS, policy. */
export function modifyVpcEndpoint(input: ModifyVpcEndpointRequest, context: ApiRequestContext): ModifyVpcEndpointResult {
  const { store, account, region } = context
  const record = requireRecord<VpcEndpointData>(context, EC2_TYPES.vpcEndpoint, input.VpcEndpointId)
  const added = (input.AddSecurityGroupIds ?? []).map((id) => requireRecord<SecurityGroup>(context, EC2_TYPES.securityGroup, id))
  const newSubnets = (input.AddSubnetIds ?? []).map((id) => requireRecord<Subnet>(context, EC2_TYPES.subnet, id))
  store.update<VpcEndpointData>(account, region, TYPE, record.id, (r) => {
    const d = r.data
    const groups = (d.Groups ?? []).filter((g) => !(input.RemoveSecurityGroupIds ?? []).includes(g.GroupId!))
    for (const g of added) if (!groups.some((x) => x.GroupId === g.id)) groups.push({ GroupId: g.id, GroupName: g.data.GroupName })
    d.Groups = groups
    for (const subnetId of input.RemoveSubnetIds ?? []) {
      const eni = (d.NetworkInterfaceIds ?? []).find((n) => store.get<{ SubnetId?: string }>(account, region, EC2_TYPES.networkInterface.type, n)?.data.SubnetId === subnetId)
      if (eni) deleteNetworkInterface({ store, account, region, networkInterfaceId: eni })
      d.NetworkInterfaceIds = (d.NetworkInterfaceIds ?? []).filter((n) => n !== eni)
      d.SubnetIds = (d.SubnetIds ?? []).filter((s) => s !== subnetId)
    }
    for (const subnet of newSubnets) {
      const eni = createNetworkInterface({ store, account, region, subnetId: subnet.id, description: `VPC Endpoint Interface ${record.id}`, interfaceType: 'vpc_endpoint', requesterId: ENDPOINT_ENI_REQUESTER, securityGroupIds: groups.map((g) => g.GroupId!) })
      d.NetworkInterfaceIds = [...(d.NetworkInterfaceIds ?? []), eni.id]
      d.SubnetIds = [...(d.SubnetIds ?? []), subnet.id]
    }
    for (const eniId of d.NetworkInterfaceIds ?? []) {
      store.update<{ Groups?: Array<{ GroupId?: string; GroupName?: string }> }>(account, region, EC2_TYPES.networkInterface.type, eniId, (n) => {
        n.data.Groups = groups
      })
    }
    if (input.PrivateDnsEnabled !== undefined) d.PrivateDnsEnabled = input.PrivateDnsEnabled
    if (input.PolicyDocument !== undefined) d.PolicyDocument = input.PolicyDocument
    if (input.ResetPolicy) d.PolicyDocument = DEFAULT_POLICY
    const azs = (d.SubnetIds ?? []).map((s) => store.get<Subnet>(account, region, EC2_TYPES.subnet.type, s)?.data.AvailabilityZone).filter((z): z is string => z !== undefined)
    const privateEntry = (d.DnsEntries ?? []).find((e) => !e.DnsName?.endsWith('.vpce.amazonaws.com'))
    const serviceLabel = d.local.awsService ?? d.local.serviceId
    d.DnsEntries = endpointDnsEntries({ id: record.id, label: d.local.label, serviceLabel, region, azs, privateDnsName: d.PrivateDnsEnabled ? (privateEntry?.DnsName ?? (d.local.awsService ? `${d.local.awsService}.${d.ServiceRegion}.amazonaws.com` : undefined)) : undefined, privateZoneId: privateEntry?.HostedZoneId })
  })
  return { Return: true }
}
