// VPCs: CreateVpc (with the main route table, default security group and default network ACL AWS
// creates alongside), DescribeVpcs, DeleteVpc (DependencyViolation while anything the user
// created is still in it), and the DNS attributes the provider sets and polls.
import type {
  CreateVpcRequest,
  CreateVpcResult,
  DeleteVpcRequest,
  DescribeVpcAttributeRequest,
  DescribeVpcAttributeResult,
  DescribeVpcsRequest,
  DescribeVpcsResult,
  ModifyVpcAttributeRequest,
  NetworkAcl,
  SecurityGroup,
  Vpc,
} from '@aws-sdk/client-ec2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError, missingParameter } from '../../server/api-error.js'
import { tagsFromSpecifications } from '../../store/describe-filters.js'
import { formatIpv4, parseCidr, type Cidr } from '../../../topology/cidr.js'
import { bool, describeRecords, EC2_TYPES, render, requireRecord } from './ec2-records.js'
import { createDefaultNetworkAcl } from './network-acls.js'
import { createRouteTableRecord, vpcRouteTables } from './route-tables.js'
import { createDefaultSecurityGroup, removeGroupRecord } from './security-groups.js'

/** What the SDK's Vpc shape does not carry: the attributes DescribeVpcAttribute answers. */
export interface VpcAttributes {
  enableDnsSupport: boolean
  enableDnsHostnames: boolean
  enableNetworkAddressUsageMetrics: boolean
}

/** A VPC record's data: the SDK shape plus its attributes under `local`. */
export type VpcData = Vpc & { local: VpcAttributes }

/** Parses a CIDR as EC2 accepts it for a VPC or subnet: network address, prefix /16 to /28. */
export function parseBlock(cidr: string | undefined, parameter: string): Cidr {
  if (!cidr) throw missingParameter(parameter)
  const parsed = parseCidr(cidr)
  if ('error' in parsed) throw new AwsApiError('InvalidParameterValue', `Value (${cidr}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`)
  if (parsed.prefix < 16 || parsed.prefix > 28) throw new AwsApiError(parameter === 'CidrBlock' ? 'InvalidVpc.Range' : 'InvalidSubnet.Range', `The CIDR '${cidr}' is invalid.`)
  return { base: parsed.base, prefix: parsed.prefix, text: `${formatIpv4(parsed.base)}/${parsed.prefix}` }
}

/** CreateVpc: state `available` at once (the provider's waiter accepts it), default resources alongside. */
export function createVpc(input: CreateVpcRequest, context: ApiRequestContext): CreateVpcResult {
  if (input.Ipv4IpamPoolId || input.AmazonProvidedIpv6CidrBlock || input.Ipv6IpamPoolId) throw new AwsApiError('InvalidParameterCombination', 'IPAM pools and IPv6 blocks are not emulated by the local target')
  const block = parseBlock(input.CidrBlock, 'CidrBlock')
  const { store, account, region } = context
  const id = store.newId('vpc')
  const data: VpcData = {
    VpcId: id,
    OwnerId: account,
    CidrBlock: block.text,
    State: 'available',
    DhcpOptionsId: `dopt-${id.slice(4, 12)}`,
    InstanceTenancy: input.InstanceTenancy ?? 'default',
    IsDefault: false,
    CidrBlockAssociationSet: [{ AssociationId: store.newId('vpc-cidr-assoc'), CidrBlock: block.text, CidrBlockState: { State: 'associated' } }],
    Ipv6CidrBlockAssociationSet: [],
    local: { enableDnsSupport: true, enableDnsHostnames: false, enableNetworkAddressUsageMetrics: false },
  }
  const record = store.put({ type: EC2_TYPES.vpc.type, id, account, region, tags: tagsFromSpecifications(input.TagSpecifications, 'vpc'), data })
  createRouteTableRecord(store, account, region, data, true)
  createDefaultSecurityGroup(store, account, region, id)
  createDefaultNetworkAcl(store, account, region, id)
  return { Vpc: withoutLocal(render(record)) }
}

const withoutLocal = (vpc: VpcData): Vpc => {
  const { local: _local, ...rest } = vpc
  return rest
}

const fields = {
  'vpc-id': (v: VpcData) => v.VpcId,
  'cidr-block': (v: VpcData) => v.CidrBlock,
  cidr: (v: VpcData) => v.CidrBlock,
  'cidr-block-association.cidr-block': (v: VpcData) => (v.CidrBlockAssociationSet ?? []).map((a) => a.CidrBlock),
  'owner-id': (v: VpcData) => v.OwnerId,
  state: (v: VpcData) => v.State,
  'is-default': (v: VpcData) => bool(v.IsDefault),
  'dhcp-options-id': (v: VpcData) => v.DhcpOptionsId,
}

/** DescribeVpcs by id and filter. */
export function describeVpcs(input: DescribeVpcsRequest, context: ApiRequestContext): DescribeVpcsResult {
  return { Vpcs: describeRecords<VpcData>(context, { kind: EC2_TYPES.vpc, ids: input.VpcIds, filters: input.Filters, fields }).map(withoutLocal) }
}

/** The kinds of resource that keep a VPC from being deleted (AWS's DependencyViolation). */
const DEPENDENT_TYPES = [EC2_TYPES.subnet, EC2_TYPES.vpcEndpoint, EC2_TYPES.networkInterface, EC2_TYPES.instance] as const

/** DeleteVpc: DependencyViolation while subnets, endpoints, user groups or route tables remain. */
export function deleteVpc(input: DeleteVpcRequest, context: ApiRequestContext): Record<string, never> {
  const { store, account, region } = context
  const vpc = requireRecord<VpcData>(context, EC2_TYPES.vpc, input.VpcId)
  const inVpc = (data: { VpcId?: string }): boolean => data.VpcId === vpc.id
  const dependent =
    DEPENDENT_TYPES.some((kind) => store.list<{ VpcId?: string; State?: { Name?: string } }>({ type: kind.type, account, region }).some((r) => inVpc(r.data) && r.data.State?.Name !== 'terminated')) ||
    store.list<SecurityGroup>({ type: EC2_TYPES.securityGroup.type, account, region }).some((g) => inVpc(g.data) && g.data.GroupName !== 'default') ||
    vpcRouteTables(store, account, region, vpc.id).some((t) => !(t.data.Associations ?? []).some((a) => a.Main)) ||
    store.list<{ VpcId?: string; RequesterVpcInfo?: { VpcId?: string }; AccepterVpcInfo?: { VpcId?: string }; Status?: { Code?: string } }>({ type: EC2_TYPES.vpcPeeringConnection.type }).some(
      (p) => (p.data.RequesterVpcInfo?.VpcId === vpc.id || p.data.AccepterVpcInfo?.VpcId === vpc.id) && p.data.Status?.Code === 'active',
    )
  if (dependent) throw new AwsApiError('DependencyViolation', `The vpc '${vpc.id}' has dependencies and cannot be deleted.`)
  for (const table of vpcRouteTables(store, account, region, vpc.id)) store.delete(account, region, EC2_TYPES.routeTable.type, table.id)
  for (const group of store.list<SecurityGroup>({ type: EC2_TYPES.securityGroup.type, account, region }).filter((g) => inVpc(g.data))) removeGroupRecord(store, account, region, group.id)
  for (const acl of store.list<NetworkAcl>({ type: EC2_TYPES.networkAcl.type, account, region }).filter((a) => inVpc(a.data))) store.delete(account, region, EC2_TYPES.networkAcl.type, acl.id)
  store.delete(account, region, EC2_TYPES.vpc.type, vpc.id)
  return {}
}

const ATTRIBUTES: Record<string, keyof VpcAttributes> = {
  enableDnsSupport: 'enableDnsSupport',
  enableDnsHostnames: 'enableDnsHostnames',
  enableNetworkAddressUsageMetrics: 'enableNetworkAddressUsageMetrics',
}

/** DescribeVpcAttribute for the three attributes the provider reads. */
export function describeVpcAttribute(input: DescribeVpcAttributeRequest, context: ApiRequestContext): DescribeVpcAttributeResult {
  const vpc = requireRecord<VpcData>(context, EC2_TYPES.vpc, input.VpcId)
  const name = ATTRIBUTES[input.Attribute ?? '']
  if (name === undefined) throw new AwsApiError('InvalidParameterValue', `Value (${input.Attribute}) for parameter attribute is invalid. Unknown attribute.`)
  const value = { Value: vpc.data.local[name] }
  const key = name.charAt(0).toUpperCase() + name.slice(1)
  return { VpcId: vpc.id, [key]: value } as DescribeVpcAttributeResult
}

/** ModifyVpcAttribute: one attribute per call, as on AWS; hostnames need DNS support. */
export function modifyVpcAttribute(input: ModifyVpcAttributeRequest, context: ApiRequestContext): Record<string, never> {
  const vpc = requireRecord<VpcData>(context, EC2_TYPES.vpc, input.VpcId)
  const changes: Partial<VpcAttributes> = {}
  if (input.EnableDnsSupport?.Value !== undefined) changes.enableDnsSupport = input.EnableDnsSupport.Value
  if (input.EnableDnsHostnames?.Value !== undefined) changes.enableDnsHostnames = input.EnableDnsHostnames.Value
  if (input.EnableNetworkAddressUsageMetrics?.Value !== undefined) changes.enableNetworkAddressUsageMetrics = input.EnableNetworkAddressUsageMetrics.Value
  if (Object.keys(changes).length !== 1) throw new AwsApiError('InvalidParameterCombination', 'Only one attribute can be modified at a time')
  const next = { ...vpc.data.local, ...changes }
  if (next.enableDnsHostnames && !next.enableDnsSupport) throw new AwsApiError('InvalidParameterCombination', 'enableDnsHostnames requires enableDnsSupport')
  context.store.update<VpcData>(context.account, context.region, EC2_TYPES.vpc.type, vpc.id, (r) => {
    r.data.local = next
  })
  return {}
}
