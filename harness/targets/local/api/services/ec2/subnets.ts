// Subnets: CreateSubnet inside its VPC's block, in one of the account's zones (by name or zone
// id), never overlapping a sibling; DescribeSubnets with AvailableIpAddressCount counted from the
// ENIs in it; DeleteSubnet refused while ENIs remain (AWS's DependencyViolation).
import type {
  CreateSubnetRequest,
  CreateSubnetResult,
  DeleteSubnetRequest,
  DescribeSubnetsRequest,
  DescribeSubnetsResult,
  ModifySubnetAttributeRequest,
  NetworkInterface,
  RouteTable,
  Subnet,
} from '@aws-sdk/client-ec2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError, missingParameter } from '../../server/api-error.js'
import { findAvailabilityZone, listAvailabilityZones } from '../../store/availability-zones.js'
import { tagsFromSpecifications } from '../../store/describe-filters.js'
import { usableAddressCount } from '../../store/ip-allocator.js'
import { cidrsOverlap, parseCidr, type Cidr } from '../../../topology/cidr.js'
import { bool, describeRecords, EC2_TYPES, render, requireRecord } from './ec2-records.js'
import { subnetAddresses } from './network-interfaces.js'
import { parseBlock, type VpcData } from './vpcs.js'

const asCidr = (text: string): Cidr => parseCidr(text) as Cidr

/** CreateSubnet: the block inside the VPC's, no overlap with a sibling, a zone of this account. */
export function createSubnet(input: CreateSubnetRequest, context: ApiRequestContext): CreateSubnetResult {
  const { store, account, region } = context
  const vpc = requireRecord<VpcData>(context, EC2_TYPES.vpc, input.VpcId)
  if (input.Ipv6Native || input.Ipv6CidrBlock) throw new AwsApiError('InvalidParameterCombination', 'IPv6 subnets are not emulated by the local target')
  const block = parseBlock(input.CidrBlock, 'SubnetCidrBlock')
  const vpcBlock = asCidr(vpc.data.CidrBlock!)
  const inside = block.base >= vpcBlock.base && block.base + 2 ** (32 - block.prefix) <= vpcBlock.base + 2 ** (32 - vpcBlock.prefix)
  if (!inside) throw new AwsApiError('InvalidSubnet.Range', `The CIDR '${input.CidrBlock}' is invalid.`)
  const siblings = store.list<Subnet>({ type: EC2_TYPES.subnet.type, account, region }).filter((s) => s.data.VpcId === vpc.id)
  if (siblings.some((s) => cidrsOverlap(asCidr(s.data.CidrBlock!), block))) throw new AwsApiError('InvalidSubnet.Conflict', `The CIDR '${input.CidrBlock}' conflicts with another subnet`)
  const zones = listAvailabilityZones(account, region)
  const wanted = input.AvailabilityZone ?? input.AvailabilityZoneId
  const zone = wanted === undefined ? zones[0] : findAvailabilityZone(account, region, wanted)
  if (zone === undefined) {
    throw new AwsApiError('InvalidParameterValue', `Value (${wanted}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: ${zones.map((z) => z.name).join(', ')}.`)
  }
  const id = store.newId('subnet')
  const data: Subnet = {
    SubnetId: id,
    VpcId: vpc.id,
    OwnerId: account,
    CidrBlock: block.text,
    AvailabilityZone: zone.name,
    AvailabilityZoneId: zone.id,
    AvailableIpAddressCount: usableAddressCount(block.text),
    State: 'available',
    SubnetArn: `arn:aws:ec2:${region}:${account}:subnet/${id}`,
    DefaultForAz: false,
    MapPublicIpOnLaunch: false,
    MapCustomerOwnedIpOnLaunch: false,
    AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [],
    Ipv6Native: false,
    EnableDns64: false,
    PrivateDnsNameOptionsOnLaunch: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
  }
  const record = store.put({ type: EC2_TYPES.subnet.type, id, account, region, tags: tagsFromSpecifications(input.TagSpecifications, 'subnet'), data })
  return { Subnet: render(record) }
}

const fields = {
  'subnet-id': (s: Subnet) => s.SubnetId,
  'vpc-id': (s: Subnet) => s.VpcId,
  'cidr-block': (s: Subnet) => s.CidrBlock,
  cidr: (s: Subnet) => s.CidrBlock,
  cidrBlock: (s: Subnet) => s.CidrBlock,
  'availability-zone': (s: Subnet) => s.AvailabilityZone,
  availabilityZone: (s: Subnet) => s.AvailabilityZone,
  'availability-zone-id': (s: Subnet) => s.AvailabilityZoneId,
  state: (s: Subnet) => s.State,
  'owner-id': (s: Subnet) => s.OwnerId,
  'default-for-az': (s: Subnet) => bool(s.DefaultForAz),
  'map-public-ip-on-launch': (s: Subnet) => bool(s.MapPublicIpOnLaunch),
  'subnet-arn': (s: Subnet) => s.SubnetArn,
}

/** DescribeSubnets by id and filter, with free addresses counted from the ENIs in each. */
export function describeSubnets(input: DescribeSubnetsRequest, context: ApiRequestContext): DescribeSubnetsResult {
  const subnets = describeRecords<Subnet>(context, { kind: EC2_TYPES.subnet, ids: input.SubnetIds, filters: input.Filters, fields })
  return {
    Subnets: subnets.map((s) => ({ ...s, AvailableIpAddressCount: usableAddressCount(s.CidrBlock!) - subnetAddresses(context.store, context.account, context.region, s.SubnetId!).size })),
  }
}

/** DeleteSubnet: DependencyViolation while ENIs are in it; its route table association goes with it. */
export function deleteSubnet(input: DeleteSubnetRequest, context: ApiRequestContext): Record<string, never> {
  const { store, account, region } = context
  const subnet = requireRecord<Subnet>(context, EC2_TYPES.subnet, input.SubnetId)
  const used = store.list<NetworkInterface>({ type: EC2_TYPES.networkInterface.type, account, region }).some((n) => n.data.SubnetId === subnet.id)
  if (used) throw new AwsApiError('DependencyViolation', `The subnet '${subnet.id}' has dependencies and cannot be deleted.`)
  for (const table of store.list<RouteTable>({ type: EC2_TYPES.routeTable.type, account, region })) {
    if ((table.data.Associations ?? []).some((a) => a.SubnetId === subnet.id)) {
      store.update<RouteTable>(account, region, EC2_TYPES.routeTable.type, table.id, (r) => {
        r.data.Associations = r.data.Associations!.filter((a) => a.SubnetId !== subnet.id)
      })
    }
  }
  store.delete(account, region, EC2_TYPES.subnet.type, subnet.id)
  return {}
}

/** ModifySubnetAttribute: the boolean launch settings are stored and described; none changes the data plane. */
export function modifySubnetAttribute(input: ModifySubnetAttributeRequest, context: ApiRequestContext): Record<string, never> {
  const subnet = requireRecord<Subnet>(context, EC2_TYPES.subnet, input.SubnetId)
  if (!input.SubnetId) throw missingParameter('SubnetId')
  context.store.update<Subnet>(context.account, context.region, EC2_TYPES.subnet.type, subnet.id, (r) => {
    if (input.MapPublicIpOnLaunch?.Value !== undefined) r.data.MapPublicIpOnLaunch = input.MapPublicIpOnLaunch.Value
    if (input.AssignIpv6AddressOnCreation?.Value !== undefined) r.data.AssignIpv6AddressOnCreation = input.AssignIpv6AddressOnCreation.Value
    if (input.EnableDns64?.Value !== undefined) r.data.EnableDns64 = input.EnableDns64.Value
    if (input.PrivateDnsHostnameTypeOnLaunch !== undefined) r.data.PrivateDnsNameOptionsOnLaunch = { ...r.data.PrivateDnsNameOptionsOnLaunch, HostnameType: input.PrivateDnsHostnameTypeOnLaunch }
    if (input.EnableResourceNameDnsARecordOnLaunch?.Value !== undefined) r.data.PrivateDnsNameOptionsOnLaunch = { ...r.data.PrivateDnsNameOptionsOnLaunch, EnableResourceNameDnsARecord: input.EnableResourceNameDnsARecordOnLaunch.Value }
  })
  return {}
}
