// Elastic network interfaces: the one place ENIs are made and removed. Instances (their primary
// ENI), interface endpoints (one per subnet) and other services' resources (the ELBv2 NLB's node
// per subnet) all create theirs here, so an address is never handed out twice in a subnet and
// DescribeNetworkInterfaces sees every one of them, as on AWS.
import type { DeleteNetworkInterfaceRequest, DescribeNetworkInterfacesRequest, DescribeNetworkInterfacesResult, NetworkInterface, NetworkInterfaceType, SecurityGroup, Subnet } from '@aws-sdk/client-ec2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import type { AwsStore, ResourceRecord } from '../../store/aws-store.js'
import { allocateSubnetAddress } from '../../store/ip-allocator.js'
import { bool, describeRecords, EC2_TYPES, notFoundError, privateDnsName } from './ec2-records.js'

/** What a new ENI needs; the store, account and region are where it is created. */
export interface CreateNetworkInterfaceOptions {
  store: AwsStore
  account: string
  region: string
  subnetId: string
  /** AWS's own descriptions: `ELB net/<name>/<id>` for an NLB node, `VPC Endpoint Interface vpce-…` for an endpoint */
  description?: string
  interfaceType?: NetworkInterfaceType | 'interface'
  securityGroupIds?: string[]
  /** the service that owns a requester-managed ENI (`amazon-elb`, an endpoint's AWS account id) */
  requesterId?: string
  /** a fixed address (it must be free and inside the subnet); otherwise the first free one */
  privateIpAddress?: string
  /** attaches it as device 0 of this instance (the instance's primary ENI) */
  attachToInstanceId?: string
  tags?: Record<string, string>
}

/**
 * Creates an ENI in a subnet with the subnet's first free address (AWS's five reserved addresses
 * are skipped). Throws InvalidSubnetID.NotFound, InvalidGroup.NotFound, or
 * InsufficientFreeAddressesInSubnet as EC2 does.
 */
export function createNetworkInterface(options: CreateNetworkInterfaceOptions): ResourceRecord<NetworkInterface> {
  const { store, account, region } = options
  const subnet = store.get<Subnet>(account, region, EC2_TYPES.subnet.type, options.subnetId)
  if (subnet === undefined) throw notFoundError(EC2_TYPES.subnet, options.subnetId)
  const groups = (options.securityGroupIds ?? []).map((id) => {
    const group = store.get<SecurityGroup>(account, region, EC2_TYPES.securityGroup.type, id)
    if (group === undefined) throw notFoundError(EC2_TYPES.securityGroup, id)
    if (group.data.VpcId !== subnet.data.VpcId) throw new AwsApiError('InvalidParameter', `Security group ${id} and subnet ${options.subnetId} belong to different networks.`)
    return { GroupId: id, GroupName: group.data.GroupName }
  })
  const taken = subnetAddresses(store, account, region, options.subnetId)
  let ip = options.privateIpAddress
  if (ip !== undefined && taken.has(ip)) throw new AwsApiError('InvalidIPAddress.InUse', `Address ${ip} is in use.`)
  ip ??= allocateSubnetAddress(subnet.data.CidrBlock!, taken)
  if (ip === undefined) throw new AwsApiError('InsufficientFreeAddressesInSubnet', `There are not enough free addresses in subnet '${options.subnetId}' to satisfy the requested number of instances.`)
  const id = store.newId('eni')
  const dnsName = privateDnsName(ip, region)
  const attached = options.attachToInstanceId !== undefined
  const eni: NetworkInterface = {
    NetworkInterfaceId: id,
    SubnetId: options.subnetId,
    VpcId: subnet.data.VpcId,
    AvailabilityZone: subnet.data.AvailabilityZone,
    AvailabilityZoneId: subnet.data.AvailabilityZoneId,
    Description: options.description ?? '',
    Groups: groups,
    InterfaceType: (options.interfaceType ?? 'interface') as NetworkInterfaceType,
    MacAddress: macAddress(id),
    OwnerId: account,
    PrivateIpAddress: ip,
    PrivateDnsName: dnsName,
    PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: ip, PrivateDnsName: dnsName }],
    Ipv6Addresses: [],
    RequesterId: options.requesterId,
    RequesterManaged: options.requesterId !== undefined,
    SourceDestCheck: true,
    Status: attached || options.requesterId !== undefined ? 'in-use' : 'available',
    Attachment: attached
      ? { AttachmentId: store.newId('eni-attach'), DeviceIndex: 0, NetworkCardIndex: 0, InstanceId: options.attachToInstanceId, InstanceOwnerId: account, Status: 'attached', AttachTime: new Date(), DeleteOnTermination: true }
      : undefined,
  }
  return store.put({ type: EC2_TYPES.networkInterface.type, id, account, region, tags: options.tags ?? {}, data: eni })
}

/** Removes an ENI (its address is free again); false when it did not exist. */
export function deleteNetworkInterface(options: { store: AwsStore; account: string; region: string; networkInterfaceId: string }): boolean {
  return options.store.delete(options.account, options.region, EC2_TYPES.networkInterface.type, options.networkInterfaceId)
}

/** Addresses already handed out in a subnet. */
export function subnetAddresses(store: AwsStore, account: string, region: string, subnetId: string): Set<string> {
  const taken = new Set<string>()
  for (const eni of store.list<NetworkInterface>({ type: EC2_TYPES.networkInterface.type, account, region })) {
    if (eni.data.SubnetId === subnetId) for (const a of eni.data.PrivateIpAddresses ?? []) if (a.PrivateIpAddress) taken.add(a.PrivateIpAddress)
  }
  return taken
}

/** A stable locally administered MAC address derived from the ENI id. */
function macAddress(id: string): string {
  const hex = id.replace(/^eni-/, '').padEnd(10, '0').slice(-10)
  return ['02', ...hex.match(/../g)!].join(':')
}

const fields = {
  'network-interface-id': (n: NetworkInterface) => n.NetworkInterfaceId,
  'subnet-id': (n: NetworkInterface) => n.SubnetId,
  'vpc-id': (n: NetworkInterface) => n.VpcId,
  'availability-zone': (n: NetworkInterface) => n.AvailabilityZone,
  'availability-zone-id': (n: NetworkInterface) => n.AvailabilityZoneId,
  description: (n: NetworkInterface) => n.Description,
  'group-id': (n: NetworkInterface) => (n.Groups ?? []).map((g) => g.GroupId),
  'group-name': (n: NetworkInterface) => (n.Groups ?? []).map((g) => g.GroupName),
  'interface-type': (n: NetworkInterface) => n.InterfaceType,
  'owner-id': (n: NetworkInterface) => n.OwnerId,
  'requester-id': (n: NetworkInterface) => n.RequesterId,
  'requester-managed': (n: NetworkInterface) => bool(n.RequesterManaged),
  status: (n: NetworkInterface) => n.Status,
  'private-ip-address': (n: NetworkInterface) => n.PrivateIpAddress,
  'addresses.private-ip-address': (n: NetworkInterface) => (n.PrivateIpAddresses ?? []).map((a) => a.PrivateIpAddress),
  'private-dns-name': (n: NetworkInterface) => n.PrivateDnsName,
  'attachment.instance-id': (n: NetworkInterface) => n.Attachment?.InstanceId,
  'attachment.instance-owner-id': (n: NetworkInterface) => n.Attachment?.InstanceOwnerId,
  'attachment.attachment-id': (n: NetworkInterface) => n.Attachment?.AttachmentId,
  'attachment.status': (n: NetworkInterface) => n.Attachment?.Status,
  'attachment.device-index': (n: NetworkInterface) => n.Attachment?.DeviceIndex,
  'mac-address': (n: NetworkInterface) => n.MacAddress,
}

/** DescribeNetworkInterfaces: by id (all must exist) and the documented filters. */
export function describeNetworkInterfaces(input: DescribeNetworkInterfacesRequest, context: ApiRequestContext): DescribeNetworkInterfacesResult {
  return { NetworkInterfaces: describeRecords<NetworkInterface>(context, { kind: EC2_TYPES.networkInterface, ids: input.NetworkInterfaceIds, filters: input.Filters, fields, tagField: 'TagSet' }) }
}

/** DeleteNetworkInterface: refused while attached or managed by a service, as on AWS. */
export function deleteNetworkInterfaceAction(input: DeleteNetworkInterfaceRequest, context: ApiRequestContext): Record<string, never> {
  const id = input.NetworkInterfaceId ?? ''
  const eni = context.store.get<NetworkInterface>(context.account, context.region, EC2_TYPES.networkInterface.type, id)
  if (eni === undefined) throw notFoundError(EC2_TYPES.networkInterface, id)
  if (eni.data.Attachment !== undefined || eni.data.RequesterManaged) {
    throw new AwsApiError('InvalidNetworkInterface.InUse', `Interface: [${id}] in use.`)
  }
  deleteNetworkInterface({ store: context.store, account: context.account, region: context.region, networkInterfaceId: id })
  return {}
}
