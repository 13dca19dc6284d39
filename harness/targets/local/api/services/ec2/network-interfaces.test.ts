import { describe, expect, it } from 'vitest'
import { createNetworkInterface, deleteNetworkInterface, deleteNetworkInterfaceAction, describeNetworkInterfaces } from './network-interfaces.js'
import { createSecurityGroup } from './security-groups.js'
import { createSubnet, describeSubnets } from './subnets.js'
import { contextFor, PRODUCER, testStore } from './test-context.js'
import { createVpc } from './vpcs.js'

function vpcWithSubnet() {
  const store = testStore()
  const context = contextFor(store)
  const vpcId = createVpc({ CidrBlock: '10.0.0.0/16' }, context).Vpc!.VpcId!
  const subnet = createSubnet({ VpcId: vpcId, CidrBlock: '10.0.0.0/28', AvailabilityZone: 'us-east-1a' }, context).Subnet!
  return { store, context, vpcId, subnet }
}

describe('createNetworkInterface', () => {
  it('hands out the subnet addresses after the four AWS reserves, never twice', () => {
    const { store, subnet } = vpcWithSubnet()
    const make = () => createNetworkInterface({ store, account: PRODUCER, region: 'us-east-1', subnetId: subnet.SubnetId!, description: 'ELB net/n/1', interfaceType: 'network_load_balancer', requesterId: 'amazon-elb' }).data
    const first = make()
    const second = make()
    expect([first.PrivateIpAddress, second.PrivateIpAddress]).toEqual(['10.0.0.4', '10.0.0.5'])
    expect(first).toMatchObject({ AvailabilityZone: 'us-east-1a', VpcId: subnet.VpcId, RequesterManaged: true, Status: 'in-use', PrivateDnsName: 'ip-10-0-0-4.ec2.internal' })
    expect(first.NetworkInterfaceId).toMatch(/^eni-[0-9a-f]{17}$/)
  })

  it('reuses a freed address and fails as AWS does when the subnet is full', () => {
    const { store, subnet, context } = vpcWithSubnet()
    const opts = { store, account: PRODUCER, region: 'us-east-1', subnetId: subnet.SubnetId! }
    const enis = Array.from({ length: 11 }, () => createNetworkInterface(opts).data)
    expect(enis.at(-1)!.PrivateIpAddress).toBe('10.0.0.14')
    expect(() => createNetworkInterface(opts)).toThrow(expect.objectContaining({ code: 'InsufficientFreeAddressesInSubnet' }))
    expect(describeSubnets({ SubnetIds: [subnet.SubnetId!] }, context).Subnets![0]!.AvailableIpAddressCount).toBe(0)
    deleteNetworkInterface({ ...opts, networkInterfaceId: enis[2]!.NetworkInterfaceId! })
    expect(createNetworkInterface(opts).data.PrivateIpAddress).toBe('10.0.0.6')
  })

  it('refuses an unknown subnet or a group of another VPC', () => {
    const { store, context, subnet } = vpcWithSubnet()
    expect(() => createNetworkInterface({ store, account: PRODUCER, region: 'us-east-1', subnetId: 'subnet-00000000000000000' })).toThrow(expect.objectContaining({ code: 'InvalidSubnetID.NotFound' }))
    const otherVpc = createVpc({ CidrBlock: '10.1.0.0/16' }, context).Vpc!.VpcId!
    const sg = createSecurityGroup({ GroupName: 'x', Description: 'x', VpcId: otherVpc }, context).GroupId!
    expect(() => createNetworkInterface({ store, account: PRODUCER, region: 'us-east-1', subnetId: subnet.SubnetId!, securityGroupIds: [sg] })).toThrow(expect.objectContaining({ code: 'InvalidParameter' }))
  })
})

describe('DescribeNetworkInterfaces', () => {
  it('filters by description and availability zone, as the NLB data source asks', () => {
    const { store, context, subnet } = vpcWithSubnet()
    createNetworkInterface({ store, account: PRODUCER, region: 'us-east-1', subnetId: subnet.SubnetId!, description: 'ELB net/plh-nlb/0123', tags: { a: 'b' } })
    createNetworkInterface({ store, account: PRODUCER, region: 'us-east-1', subnetId: subnet.SubnetId!, description: 'other' })
    const found = describeNetworkInterfaces({ Filters: [{ Name: 'description', Values: ['ELB net/plh-nlb/0123'] }, { Name: 'availability-zone', Values: ['us-east-1a'] }] }, context).NetworkInterfaces!
    expect(found.map((n) => n.Description)).toEqual(['ELB net/plh-nlb/0123'])
    expect(found[0]!.TagSet).toEqual([{ Key: 'a', Value: 'b' }])
    expect(describeNetworkInterfaces({ Filters: [{ Name: 'availability-zone', Values: ['us-east-1b'] }] }, context).NetworkInterfaces).toEqual([])
  })

  it('answers InvalidNetworkInterfaceID.NotFound for an unknown id and an unknown filter as invalid', () => {
    const { context } = vpcWithSubnet()
    expect(() => describeNetworkInterfaces({ NetworkInterfaceIds: ['eni-0123456789abcdef0'] }, context)).toThrow(expect.objectContaining({ code: 'InvalidNetworkInterfaceID.NotFound' }))
    expect(() => describeNetworkInterfaces({ Filters: [{ Name: 'no-such-filter', Values: ['x'] }] }, context)).toThrow(expect.objectContaining({ code: 'InvalidParameterValue' }))
  })

  it('does not show another account its interfaces', () => {
    const { store, subnet } = vpcWithSubnet()
    createNetworkInterface({ store, account: PRODUCER, region: 'us-east-1', subnetId: subnet.SubnetId! })
    expect(describeNetworkInterfaces({}, contextFor(store, '222222222222')).NetworkInterfaces).toEqual([])
  })
})

describe('DeleteNetworkInterface', () => {
  it('refuses a service-managed interface and deletes a plain one', () => {
    const { store, context, subnet } = vpcWithSubnet()
    const managed = createNetworkInterface({ store, account: PRODUCER, region: 'us-east-1', subnetId: subnet.SubnetId!, requesterId: 'amazon-elb' }).id
    const plain = createNetworkInterface({ store, account: PRODUCER, region: 'us-east-1', subnetId: subnet.SubnetId! }).id
    expect(() => deleteNetworkInterfaceAction({ NetworkInterfaceId: managed }, context)).toThrow(expect.objectContaining({ code: 'InvalidNetworkInterface.InUse' }))
    deleteNetworkInterfaceAction({ NetworkInterfaceId: plain }, context)
    expect(describeNetworkInterfaces({}, context).NetworkInterfaces!.map((n) => n.NetworkInterfaceId)).toEqual([managed])
  })
})
