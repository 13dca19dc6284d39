// The producer side of PrivateLink: endpoint service configurations in front of NLBs (read from the
// ELBv2 service's `load-balancer` records), their allowed principals, supported regions and the
// connections consumers' endpoints make to them; and DescribeVpcEndpointServices, the consumer's
// view, which shows a service only to principals it allows (AWS's InvalidServiceName otherwise).
import type {
  AcceptVpcEndpointConnectionsRequest,
  AcceptVpcEndpointConnectionsResult,
  AllowedPrincipal,
  CreateVpcEndpointServiceConfigurationRequest,
  CreateVpcEndpointServiceConfigurationResult,
  DeleteVpcEndpointServiceConfigurationsRequest,
  DeleteVpcEndpointServiceConfigurationsResult,
  DescribeVpcEndpointConnectionsRequest,
  DescribeVpcEndpointConnectionsResult,
  DescribeVpcEndpointServiceConfigurationsRequest,
  DescribeVpcEndpointServiceConfigurationsResult,
  DescribeVpcEndpointServicePermissionsRequest,
  DescribeVpcEndpointServicePermissionsResult,
  DescribeVpcEndpointServicesRequest,
  DescribeVpcEndpointServicesResult,
  ModifyVpcEndpointServiceConfigurationRequest,
  ModifyVpcEndpointServiceConfigurationResult,
  ModifyVpcEndpointServicePermissionsRequest,
  ModifyVpcEndpointServicePermissionsResult,
  RejectVpcEndpointConnectionsRequest,
  RejectVpcEndpointConnectionsResult,
  ServiceConfiguration,
  ServiceDetail,
  State,
  UnsuccessfulItem,
  VpcEndpointConnection,
} from '@aws-sdk/client-ec2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError, missingParameter } from '../../server/api-error.js'
import type { AwsStore, ResourceRecord } from '../../store/aws-store.js'
import { findAvailabilityZone } from '../../store/availability-zones.js'
import { tagsFromSpecifications } from '../../store/describe-filters.js'
import { awsServiceDetails } from './aws-managed-services.js'
import { describeRecords, EC2_TYPES, filtered, render, requireRecord } from './ec2-records.js'
import { scheduleTransition, TRANSITION_MS } from './lifecycle.js'
import type { VpcEndpointData } from './vpc-endpoints.js'

/** What a service record keeps beyond the SDK shape: its allowed principals. */
export type ServiceData = ServiceConfiguration & { local: { principals: AllowedPrincipal[] } }

const SERVICE = EC2_TYPES.vpcEndpointService.type
const ENDPOINT = EC2_TYPES.vpcEndpoint.type

/** The part of an ELBv2 `load-balancer` record this service reads. */
interface LoadBalancerRecordData {
  LoadBalancerArn?: string
  Type?: string
  Scheme?: string
  State?: { Code?: string }
  AvailabilityZones?: Array<{ ZoneName?: string }>
}

/** Whether `account` is allowed by a service's principals (`*`, the account root, or any of its IAM principals). */
export function principalAllowed(service: ServiceData, account: string, ownerAccount: string): boolean {
  if (account === ownerAccount) return true
  return service.local.principals.some((p) => p.Principal === '*' || p.Principal === `arn:aws:iam::${account}:root` || p.Principal?.startsWith(`arn:aws:iam::${account}:`))
}

/** Every endpoint service record whose ServiceName is `name` (any account, any region). */
export function findServiceByName(store: AwsStore, name: string): ResourceRecord<ServiceData> | undefined {
  return store.list<ServiceData>({ type: SERVICE }).find((r) => r.data.ServiceName === name)
}

const withoutLocal = (s: ServiceData): ServiceConfiguration => {
  const { local: _local, ...rest } = s
  return rest
}

const KNOWN_REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/

/** CreateVpcEndpointServiceConfiguration in front of network load balancers of the caller's region. */
export function createVpcEndpointServiceConfiguration(input: CreateVpcEndpointServiceConfigurationRequest, context: ApiRequestContext): CreateVpcEndpointServiceConfigurationResult {
  const { store, account, region } = context
  if (input.GatewayLoadBalancerArns && input.GatewayLoadBalancerArns.length > 0) throw new AwsApiError('NotEmulatedByLocalTarget', 'not emulated: EC2:CreateVpcEndpointServiceConfiguration with GatewayLoadBalancerArns (the local target emulates NLB services only)')
  const arns = input.NetworkLoadBalancerArns ?? []
  if (arns.length === 0) throw missingParameter('NetworkLoadBalancerArns')
  const zones = new Set<string>()
  for (const arn of arns) {
    const lb = store.get<LoadBalancerRecordData>(account, region, 'load-balancer', arn)
    if (lb === undefined || lb.data.Type !== 'network') throw new AwsApiError('InvalidParameter', `Network Load Balancer ARN ${arn} is invalid or does not exist in ${region}`)
    for (const z of lb.data.AvailabilityZones ?? []) if (z.ZoneName) zones.add(z.ZoneName)
  }
  const regions = [...new Set([region, ...(input.SupportedRegions ?? [])])]
  for (const r of regions) if (!KNOWN_REGION.test(r)) throw new AwsApiError('InvalidParameter', `Invalid value '${r}' for SupportedRegions`)
  const id = store.newId('vpce-svc')
  const sortedZones = [...zones].sort()
  const data: ServiceData = {
    ServiceType: [{ ServiceType: 'Interface' }],
    ServiceId: id,
    ServiceName: `com.amazonaws.vpce.${region}.${id}`,
    ServiceState: 'Pending',
    AvailabilityZones: sortedZones,
    AvailabilityZoneIds: sortedZones.map((z) => findAvailabilityZone(account, region, z)?.id ?? z),
    AcceptanceRequired: input.AcceptanceRequired ?? false,
    ManagesVpcEndpoints: false,
    NetworkLoadBalancerArns: arns,
    GatewayLoadBalancerArns: [],
    SupportedIpAddressTypes: ['ipv4'],
    BaseEndpointDnsNames: [`${id}.${region}.vpce.amazonaws.com`],
    PrivateDnsName: input.PrivateDnsName,
    PayerResponsibility: 'ServiceOwner',
    // a remote supported region has its own state, Pending at first, as on AWS (the provider does not wait for it)
    SupportedRegions: regions.map((Region) => ({ Region, ServiceState: Region === region ? 'Available' : 'Pending' })),
    RemoteAccessEnabled: false,
    local: { principals: [] },
  }
  const record = store.put({ type: SERVICE, id, account, region, tags: tagsFromSpecifications(input.TagSpecifications, 'vpc-endpoint-service'), data })
  scheduleTransition<ServiceData>(store, record, TRANSITION_MS.serviceAvailable, (r) => {
    if (r.data.ServiceState === 'Pending') r.data.ServiceState = 'Available'
  })
  scheduleSupportedRegionsAvailable(store, record)
  return { ServiceConfiguration: withoutLocal(render(record)), ClientToken: input.ClientToken }
}

/** Whether a consumer in `region` can use the service: a supported region whose own state is Available. */
export function supportedAndAvailable(service: ServiceData, region: string): boolean {
  return (service.SupportedRegions ?? []).some((s) => s.Region === region && s.ServiceState === 'Available')
}

/** Every Pending supported region becomes Available after a while, as AWS moves them. */
function scheduleSupportedRegionsAvailable(store: AwsStore, record: Pick<ResourceRecord, 'account' | 'region' | 'type' | 'id'>): void {
  scheduleTransition<ServiceData>(store, record, TRANSITION_MS.supportedRegionAvailable, (r) => {
    for (const s of r.data.SupportedRegions ?? []) if (s.ServiceState === 'Pending') s.ServiceState = 'Available'
  })
}

const serviceFields = {
  'service-id': (s: ServiceData) => s.ServiceId,
  'service-name': (s: ServiceData) => s.ServiceName,
  'service-state': (s: ServiceData) => s.ServiceState,
  'supported-ip-address-types': (s: ServiceData) => s.SupportedIpAddressTypes ?? [],
}

/** DescribeVpcEndpointServiceConfigurations: the caller's own services. */
export function describeVpcEndpointServiceConfigurations(input: DescribeVpcEndpointServiceConfigurationsRequest, context: ApiRequestContext): DescribeVpcEndpointServiceConfigurationsResult {
  return { ServiceConfigurations: describeRecords<ServiceData>(context, { kind: EC2_TYPES.vpcEndpointService, ids: input.ServiceIds, filters: input.Filters, fields: serviceFields }).map(withoutLocal) }
}

/** ModifyVpcEndpointServiceConfiguration: acceptance, load balancers, supported regions, private DNS name. */
export function modifyVpcEndpointServiceConfiguration(input: ModifyVpcEndpointServiceConfigurationRequest, context: ApiRequestContext): ModifyVpcEndpointServiceConfigurationResult {
  const record = requireRecord<ServiceData>(context, EC2_TYPES.vpcEndpointService, input.ServiceId)
  for (const arn of input.AddNetworkLoadBalancerArns ?? []) {
    if (context.store.get(context.account, context.region, 'load-balancer', arn) === undefined) throw new AwsApiError('InvalidParameter', `Network Load Balancer ARN ${arn} is invalid or does not exist in ${context.region}`)
  }
  context.store.update<ServiceData>(context.account, context.region, SERVICE, record.id, (r) => {
    const d = r.data
    if (input.AcceptanceRequired !== undefined) d.AcceptanceRequired = input.AcceptanceRequired
    if (input.AddNetworkLoadBalancerArns) d.NetworkLoadBalancerArns = [...new Set([...(d.NetworkLoadBalancerArns ?? []), ...input.AddNetworkLoadBalancerArns])]
    if (input.RemoveNetworkLoadBalancerArns) d.NetworkLoadBalancerArns = (d.NetworkLoadBalancerArns ?? []).filter((a) => !input.RemoveNetworkLoadBalancerArns!.includes(a))
    if (input.AddSupportedRegions) for (const Region of input.AddSupportedRegions) if (!(d.SupportedRegions ?? []).some((s) => s.Region === Region)) d.SupportedRegions = [...(d.SupportedRegions ?? []), { Region, ServiceState: 'Pending' }]
    if (input.RemoveSupportedRegions) d.SupportedRegions = (d.SupportedRegions ?? []).filter((s) => s.Region === context.region || !input.RemoveSupportedRegions!.includes(s.Region!))
    if (input.PrivateDnsName !== undefined) d.PrivateDnsName = input.PrivateDnsName
    if (input.RemovePrivateDnsName) d.PrivateDnsName = undefined
  })
  if (input.AddSupportedRegions && input.AddSupportedRegions.length > 0) scheduleSupportedRegionsAvailable(context.store, record)
  return { Return: true }
}

/** Endpoints of any account connected to a service (not deleted or rejected). */
export function serviceEndpoints(store: AwsStore, serviceId: string): ResourceRecord<VpcEndpointData>[] {
  return store.list<VpcEndpointData>({ type: ENDPOINT }).filter((e) => e.data.local.serviceId === serviceId)
}

/** DeleteVpcEndpointServiceConfigurations: refused (Unsuccessful) while endpoints are connected, as on AWS. */
export function deleteVpcEndpointServiceConfigurations(input: DeleteVpcEndpointServiceConfigurationsRequest, context: ApiRequestContext): DeleteVpcEndpointServiceConfigurationsResult {
  const Unsuccessful: UnsuccessfulItem[] = []
  for (const id of input.ServiceIds ?? []) {
    const record = context.store.get<ServiceData>(context.account, context.region, SERVICE, id)
    if (record === undefined) {
      Unsuccessful.push({ ResourceId: id, Error: { Code: 'InvalidVpcEndpointService.NotFound', Message: `The VpcEndpointService Id '${id}' does not exist` } })
      continue
    }
    const active = serviceEndpoints(context.store, id).filter((e) => ['available', 'pending', 'pendingAcceptance'].includes(String(e.data.State)))
    if (active.length > 0) {
      Unsuccessful.push({ ResourceId: id, Error: { Code: 'ExistingVpcEndpointConnections', Message: `Service has existing active VPC Endpoint connections!` } })
      continue
    }
    context.store.delete(context.account, context.region, SERVICE, id)
  }
  return { Unsuccessful }
}

const principalType = (principal: string): AllowedPrincipal['PrincipalType'] =>
  principal === '*' ? 'All' : principal.endsWith(':root') ? 'Account' : principal.includes(':role/') ? 'Role' : principal.includes(':user/') ? 'User' : 'Service'

/** ModifyVpcEndpointServicePermissions: add and remove allowed principals (ARNs or `*`). */
export function modifyVpcEndpointServicePermissions(input: ModifyVpcEndpointServicePermissionsRequest, context: ApiRequestContext): ModifyVpcEndpointServicePermissionsResult {
  const record = requireRecord<ServiceData>(context, EC2_TYPES.vpcEndpointService, input.ServiceId)
  for (const p of input.AddAllowedPrincipals ?? []) {
    if (p !== '*' && !/^arn:aws[a-z-]*:iam::\d{12}:(root|role\/.+|user\/.+)$/.test(p)) throw new AwsApiError('InvalidPrincipal', `Invalid principal ${p}`)
  }
  const added: AllowedPrincipal[] = []
  context.store.update<ServiceData>(context.account, context.region, SERVICE, record.id, (r) => {
    const principals = r.data.local.principals.filter((p) => !(input.RemoveAllowedPrincipals ?? []).includes(p.Principal!))
    for (const p of input.AddAllowedPrincipals ?? []) {
      if (principals.some((x) => x.Principal === p)) continue
      const entry: AllowedPrincipal = { Principal: p, PrincipalType: principalType(p), ServicePermissionId: context.store.newId('vpce-svc-perm'), ServiceId: record.id, Tags: [] }
      principals.push(entry)
      added.push(entry)
    }
    r.data.local.principals = principals
  })
  return { ReturnValue: true, AddedPrincipals: added.map((p) => ({ Principal: p.Principal, PrincipalType: p.PrincipalType, ServicePermissionId: p.ServicePermissionId, ServiceId: p.ServiceId })) }
}

/** DescribeVpcEndpointServicePermissions: the allowed principals of one of the caller's services. */
export function describeVpcEndpointServicePermissions(input: DescribeVpcEndpointServicePermissionsRequest, context: ApiRequestContext): DescribeVpcEndpointServicePermissionsResult {
  const record = requireRecord<ServiceData>(context, EC2_TYPES.vpcEndpointService, input.ServiceId)
  const fields = { principal: (p: AllowedPrincipal) => p.Principal, 'principal-type': (p: AllowedPrincipal) => p.PrincipalType }
  return { AllowedPrincipals: filtered(record.data.local.principals, input.Filters, fields, () => ({})) }
}

/** The consumer's view of an endpoint service. */
function serviceDetail(record: ResourceRecord<ServiceData>): ServiceDetail {
  const s = record.data
  return {
    ServiceName: s.ServiceName,
    ServiceId: s.ServiceId,
    ServiceType: s.ServiceType,
    ServiceRegion: record.region,
    AvailabilityZones: s.AvailabilityZones,
    AvailabilityZoneIds: s.AvailabilityZoneIds,
    Owner: record.account,
    BaseEndpointDnsNames: s.BaseEndpointDnsNames,
    PrivateDnsName: s.PrivateDnsName,
    VpcEndpointPolicySupported: false,
    AcceptanceRequired: s.AcceptanceRequired,
    ManagesVpcEndpoints: false,
    PayerResponsibility: s.PayerResponsibility,
    SupportedIpAddressTypes: s.SupportedIpAddressTypes,
    Tags: [],
  }
}

/**
 * DescribeVpcEndpointServices: AWS's services of the region and the endpoint services that allow
 * the caller (in the caller's region, or in `ServiceRegions` that list the caller's region as
 * supported). A name asked for that the caller may not see is InvalidServiceName, as on AWS.
 */
export function describeVpcEndpointServices(input: DescribeVpcEndpointServicesRequest, context: ApiRequestContext): DescribeVpcEndpointServicesResult {
  const regions = input.ServiceRegions && input.ServiceRegions.length > 0 ? input.ServiceRegions : [context.region]
  const details: ServiceDetail[] = []
  for (const region of regions) {
    if (region === context.region) details.push(...awsServiceDetails(context.account, region))
    for (const record of context.store.list<ServiceData>({ type: SERVICE, region })) {
      const reachable = region === context.region || supportedAndAvailable(record.data, context.region)
      if (reachable && principalAllowed(record.data, context.account, record.account)) details.push(serviceDetail(record))
    }
  }
  let visible = details
  if (input.ServiceNames && input.ServiceNames.length > 0) {
    const missing = input.ServiceNames.filter((n) => !details.some((d) => d.ServiceName === n))
    if (missing.length > 0) throw new AwsApiError('InvalidServiceName', `The Vpc Endpoint Service '${missing[0]}' does not exist`)
    visible = details.filter((d) => input.ServiceNames!.includes(d.ServiceName!))
  }
  const fields = {
    'service-name': (d: ServiceDetail) => d.ServiceName,
    'service-type': (d: ServiceDetail) => (d.ServiceType ?? []).map((t) => t.ServiceType),
    'service-region': (d: ServiceDetail) => d.ServiceRegion,
    owner: (d: ServiceDetail) => d.Owner,
  }
  const out = filtered(visible, input.Filters, fields, () => ({}))
  return { ServiceNames: out.map((d) => d.ServiceName!), ServiceDetails: out }
}

/** One endpoint as its service's owner sees the connection. */
function connectionOf(endpoint: ResourceRecord<VpcEndpointData>, service: ServiceData): VpcEndpointConnection {
  return {
    ServiceId: endpoint.data.local.serviceId,
    VpcEndpointId: endpoint.id,
    VpcEndpointOwner: endpoint.account,
    VpcEndpointState: endpoint.data.State,
    CreationTimestamp: endpoint.data.CreationTimestamp,
    DnsEntries: endpoint.data.DnsEntries,
    NetworkLoadBalancerArns: service.NetworkLoadBalancerArns,
    GatewayLoadBalancerArns: [],
    IpAddressType: 'ipv4',
    VpcEndpointConnectionId: `vpce-con-${endpoint.id.slice(5)}`,
    VpcEndpointRegion: endpoint.region,
    Tags: [],
  }
}

/** DescribeVpcEndpointConnections: endpoints of any account connected to the caller's services. */
export function describeVpcEndpointConnections(input: DescribeVpcEndpointConnectionsRequest, context: ApiRequestContext): DescribeVpcEndpointConnectionsResult {
  const connections: VpcEndpointConnection[] = []
  for (const service of context.store.list<ServiceData>({ type: SERVICE, account: context.account, region: context.region })) {
    for (const endpoint of serviceEndpoints(context.store, service.id)) connections.push(connectionOf(endpoint, service.data))
  }
  const fields = {
    'service-id': (c: VpcEndpointConnection) => c.ServiceId,
    'vpc-endpoint-owner': (c: VpcEndpointConnection) => c.VpcEndpointOwner,
    'vpc-endpoint-id': (c: VpcEndpointConnection) => c.VpcEndpointId,
    'vpc-endpoint-state': (c: VpcEndpointConnection) => c.VpcEndpointState,
    'vpc-endpoint-region': (c: VpcEndpointConnection) => c.VpcEndpointRegion,
  }
  return { VpcEndpointConnections: filtered(connections, input.Filters, fields, () => ({})) }
}

function changeConnections(context: ApiRequestContext, serviceId: string | undefined, endpointIds: string[] | undefined, accept: boolean): UnsuccessfulItem[] {
  const service = requireRecord<ServiceData>(context, EC2_TYPES.vpcEndpointService, serviceId)
  const unsuccessful: UnsuccessfulItem[] = []
  for (const id of endpointIds ?? []) {
    const endpoint = serviceEndpoints(context.store, service.id).find((e) => e.id === id)
    if (endpoint === undefined) {
      unsuccessful.push({ ResourceId: id, Error: { Code: 'InvalidVpcEndpointId.NotFound', Message: `The Vpc Endpoint Id '${id}' does not exist` } })
      continue
    }
    const stateNow = String(endpoint.data.State)
    if (stateNow !== 'pendingAcceptance' && !(accept && stateNow === 'rejected')) {
      unsuccessful.push({ ResourceId: id, Error: { Code: 'InvalidState', Message: `Endpoint ${id} is in state ${stateNow}` } })
      continue
    }
    context.store.update<VpcEndpointData>(endpoint.account, endpoint.region, ENDPOINT, id, (r) => {
      r.data.State = (accept ? 'pending' : 'rejected') as State
    })
    if (accept) {
      scheduleTransition<VpcEndpointData>(context.store, endpoint, TRANSITION_MS.endpointAvailable, (r) => {
        if (String(r.data.State) === 'pending') r.data.State = 'available' as State
      })
    }
  }
  return unsuccessful
}

/** AcceptVpcEndpointConnections: pendingAcceptance → pending → available. */
export function acceptVpcEndpointConnections(input: AcceptVpcEndpointConnectionsRequest, context: ApiRequestContext): AcceptVpcEndpointConnectionsResult {
  return { Unsuccessful: changeConnections(context, input.ServiceId, input.VpcEndpointIds, true) }
}

/** RejectVpcEndpointConnections: pendingAcceptance → rejected. */
export function rejectVpcEndpointConnections(input: RejectVpcEndpointConnectionsRequest, context: ApiRequestContext): RejectVpcEndpointConnectionsResult {
  return { Unsuccessful: changeConnections(context, input.ServiceId, input.VpcEndpointIds, false) }
}
