// The NLB's nodes: one ENI per subnet (one per AZ), owned by ELB, described as `ELB net/<name>/<hash>`
// with InterfaceType network_load_balancer and attachment owner amazon-aws. The fixtures' data
// source `aws_network_interface` finds them by description and AZ; the provider's delete waits
// until no ENI with that description is left. Until services/ec2/network-interfaces.ts exists,
// the records are written here through the store, in EC2's NetworkInterface shape.
import { randomBytes } from 'node:crypto'
import type { NetworkInterface, Subnet } from '@aws-sdk/client-ec2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import { allocateSubnetAddress } from '../../store/ip-allocator.js'
import { cidrContains, parseCidr } from '../../../topology/cidr.js'

export const NETWORK_INTERFACE = 'network-interface'

/** A subnet the load balancer is placed in, with the address its node takes (if asked for). */
export interface NodePlacement {
  subnet: Subnet
  privateIpv4Address?: string
}

/** Private addresses already taken in a subnet (every ENI of the account and region there). */
function takenAddresses(context: ApiRequestContext, subnetId: string): string[] {
  const taken: string[] = []
  for (const record of context.store.list<NetworkInterface>({ type: NETWORK_INTERFACE, account: context.account, region: context.region })) {
    if (record.data.SubnetId !== subnetId) continue
    for (const address of record.data.PrivateIpAddresses ?? []) if (address.PrivateIpAddress) taken.push(address.PrivateIpAddress)
    if (record.data.PrivateIpAddress) taken.push(record.data.PrivateIpAddress)
  }
  return taken
}

/** Chooses the node's address: the one asked for (checked), or the subnet's first free one. */
function chooseAddress(context: ApiRequestContext, placement: NodePlacement): string {
  const subnetId = placement.subnet.SubnetId!
  const cidrText = placement.subnet.CidrBlock ?? ''
  const taken = takenAddresses(context, subnetId)
  if (placement.privateIpv4Address !== undefined) {
    const cidr = parseCidr(cidrText)
    if ('error' in cidr || !cidrContains(cidr, placement.privateIpv4Address)) {
      throw new AwsApiError('InvalidConfigurationRequest', `Private IPv4 address '${placement.privateIpv4Address}' is not in the CIDR block of subnet '${subnetId}'`)
    }
    if (taken.includes(placement.privateIpv4Address)) {
      throw new AwsApiError('InvalidConfigurationRequest', `Private IPv4 address '${placement.privateIpv4Address}' is already in use in subnet '${subnetId}'`)
    }
    return placement.privateIpv4Address
  }
  const address = allocateSubnetAddress(cidrText, taken)
  if (address === undefined) throw new AwsApiError('InvalidSubnet', `Not enough IP space available in ${subnetId}. ELB requires at least 8 free IP addresses in each subnet.`)
  return address
}

/** Creates one ENI per placement and returns their ids, in the order of `placements`. */
export function createLoadBalancerNodes(context: ApiRequestContext, arnSuffix: string, placements: NodePlacement[]): string[] {
  const now = new Date()
  return placements.map((placement) => {
    const id = context.store.newId('eni')
    const address = chooseAddress(context, placement)
    const mac = `02:${randomBytes(5).toString('hex').match(/../g)!.join(':')}`
    const data: NetworkInterface = {
      NetworkInterfaceId: id,
      Description: `ELB ${arnSuffix}`,
      InterfaceType: 'network_load_balancer',
      AvailabilityZone: placement.subnet.AvailabilityZone,
      AvailabilityZoneId: placement.subnet.AvailabilityZoneId,
      SubnetId: placement.subnet.SubnetId,
      VpcId: placement.subnet.VpcId,
      OwnerId: context.account,
      RequesterId: 'amazon-elb',
      RequesterManaged: true,
      Status: 'in-use',
      SourceDestCheck: true,
      MacAddress: mac,
      PrivateIpAddress: address,
      PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: address }],
      Groups: [],
      Ipv6Addresses: [],
      Attachment: {
        AttachmentId: `ela-attach-${randomBytes(8).toString('hex').slice(0, 17)}`,
        AttachTime: now,
        DeleteOnTermination: false,
        DeviceIndex: 1,
        InstanceOwnerId: 'amazon-aws',
        Status: 'attached',
      },
      TagSet: [],
    }
    context.store.put({ type: NETWORK_INTERFACE, id, account: context.account, region: context.region, data })
    return id
  })
}

/** Deletes the load balancer's ENIs (DeleteLoadBalancer). */
export function deleteLoadBalancerNodes(context: ApiRequestContext, networkInterfaceIds: string[]): void {
  for (const id of networkInterfaceIds) context.store.delete(context.account, context.region, NETWORK_INTERFACE, id)
}
