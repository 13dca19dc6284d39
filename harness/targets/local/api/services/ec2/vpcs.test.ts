import { describe, expect, it } from 'vitest'
import { describeNetworkAcls } from './network-acls.js'
import { associateRouteTable, createRoute, createRouteTable, deleteRouteTable, describeRouteTables, disassociateRouteTable } from './route-tables.js'
import { describeSecurityGroups } from './security-groups.js'
import { createSubnet, deleteSubnet, describeSubnets } from './subnets.js'
import { CONSUMER, contextFor, testStore } from './test-context.js'
import { createVpc, deleteVpc, describeVpcAttribute, describeVpcs, modifyVpcAttribute } from './vpcs.js'

describe('VPCs', () => {
  it('come with a main route table (local route), a default group and a default ACL, all gone with the VPC', () => {
    const context = contextFor(testStore())
    const vpc = createVpc({ CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'p' }] }] }, context).Vpc!
    expect(vpc.VpcId).toMatch(/^vpc-[0-9a-f]{17}$/)
    const main = describeRouteTables({ Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId!] }, { Name: 'association.main', Values: ['true'] }] }, context).RouteTables!
    expect(main).toHaveLength(1)
    expect(main[0]!.Routes).toEqual([expect.objectContaining({ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' })])
    expect(describeSecurityGroups({ Filters: [{ Name: 'group-name', Values: ['default'] }, { Name: 'vpc-id', Values: [vpc.VpcId!] }] }, context).SecurityGroups).toHaveLength(1)
    expect(describeNetworkAcls({ Filters: [{ Name: 'default', Values: ['true'] }, { Name: 'vpc-id', Values: [vpc.VpcId!] }] }, context).NetworkAcls).toHaveLength(1)
    expect(describeVpcs({ Filters: [{ Name: 'tag:Name', Values: ['p'] }] }, context).Vpcs!.map((v) => v.VpcId)).toEqual([vpc.VpcId])
    deleteVpc({ VpcId: vpc.VpcId }, context)
    expect(context.store.all()).toEqual([])
    expect(() => describeVpcs({ VpcIds: [vpc.VpcId!] }, context)).toThrow(expect.objectContaining({ code: 'InvalidVpcID.NotFound' }))
  })

  it('refuses a block smaller than /28 or larger than /16', () => {
    const context = contextFor(testStore())
    expect(() => createVpc({ CidrBlock: '10.0.0.0/8' }, context)).toThrow(expect.objectContaining({ code: 'InvalidVpc.Range' }))
    expect(() => createVpc({ CidrBlock: '10.0.0.1/16' }, context)).toThrow(expect.objectContaining({ code: 'InvalidParameterValue' }))
  })

  it('keeps DNS attributes: support on, hostnames off by default; hostnames need support', () => {
    const context = contextFor(testStore())
    const id = createVpc({ CidrBlock: '10.0.0.0/16' }, context).Vpc!.VpcId!
    expect(describeVpcAttribute({ VpcId: id, Attribute: 'enableDnsSupport' }, context).EnableDnsSupport).toEqual({ Value: true })
    expect(describeVpcAttribute({ VpcId: id, Attribute: 'enableDnsHostnames' }, context).EnableDnsHostnames).toEqual({ Value: false })
    modifyVpcAttribute({ VpcId: id, EnableDnsSupport: { Value: false } }, context)
    expect(() => modifyVpcAttribute({ VpcId: id, EnableDnsHostnames: { Value: true } }, context)).toThrow(expect.objectContaining({ code: 'InvalidParameterCombination' }))
  })

  it('answers DependencyViolation while a subnet or a route table remains', () => {
    const context = contextFor(testStore())
    const vpcId = createVpc({ CidrBlock: '10.0.0.0/16' }, context).Vpc!.VpcId!
    const subnetId = createSubnet({ VpcId: vpcId, CidrBlock: '10.0.0.0/24' }, context).Subnet!.SubnetId!
    expect(() => deleteVpc({ VpcId: vpcId }, context)).toThrow(expect.objectContaining({ code: 'DependencyViolation' }))
    deleteSubnet({ SubnetId: subnetId }, context)
    const tableId = createRouteTable({ VpcId: vpcId }, context).RouteTable!.RouteTableId!
    expect(() => deleteVpc({ VpcId: vpcId }, context)).toThrow(expect.objectContaining({ code: 'DependencyViolation' }))
    deleteRouteTable({ RouteTableId: tableId }, context)
    deleteVpc({ VpcId: vpcId }, context)
  })
})

describe('subnets', () => {
  it('sit inside the VPC block, never overlap, and take zone names as the caller sees them', () => {
    const store = testStore()
    const context = contextFor(store, CONSUMER)
    const vpcId = createVpc({ CidrBlock: '10.0.0.0/16' }, context).Vpc!.VpcId!
    const subnet = createSubnet({ VpcId: vpcId, CidrBlock: '10.0.16.0/20', AvailabilityZone: 'us-east-1b' }, context).Subnet!
    expect(subnet).toMatchObject({ AvailabilityZone: 'us-east-1b', AvailableIpAddressCount: 4091, SubnetArn: `arn:aws:ec2:us-east-1:${CONSUMER}:subnet/${subnet.SubnetId}` })
    expect(subnet.AvailabilityZoneId).toMatch(/^use1-az[1-6]$/)
    expect(() => createSubnet({ VpcId: vpcId, CidrBlock: '10.0.20.0/24' }, context)).toThrow(expect.objectContaining({ code: 'InvalidSubnet.Conflict' }))
    expect(() => createSubnet({ VpcId: vpcId, CidrBlock: '10.1.0.0/24' }, context)).toThrow(expect.objectContaining({ code: 'InvalidSubnet.Range' }))
    expect(() => createSubnet({ VpcId: vpcId, CidrBlock: '10.0.0.0/24', AvailabilityZone: 'us-east-1z' }, context)).toThrow(expect.objectContaining({ code: 'InvalidParameterValue' }))
    expect(describeSubnets({ Filters: [{ Name: 'availability-zone', Values: ['us-east-1b'] }] }, context).Subnets!.map((s) => s.SubnetId)).toEqual([subnet.SubnetId])
  })
})

describe('route tables', () => {
  it('associate a subnet once, find the association by filter, and take routes', () => {
    const context = contextFor(testStore())
    const vpcId = createVpc({ CidrBlock: '10.0.0.0/16' }, context).Vpc!.VpcId!
    const subnetId = createSubnet({ VpcId: vpcId, CidrBlock: '10.0.0.0/24' }, context).Subnet!.SubnetId!
    const tableId = createRouteTable({ VpcId: vpcId }, context).RouteTable!.RouteTableId!
    const association = associateRouteTable({ RouteTableId: tableId, SubnetId: subnetId }, context)
    expect(association.AssociationState?.State).toBe('associated')
    expect(() => associateRouteTable({ RouteTableId: tableId, SubnetId: subnetId }, context)).toThrow(expect.objectContaining({ code: 'Resource.AlreadyAssociated' }))
    const found = describeRouteTables({ Filters: [{ Name: 'association.route-table-association-id', Values: [association.AssociationId!] }] }, context).RouteTables!
    expect(found.map((t) => t.RouteTableId)).toEqual([tableId])
    expect(() => deleteRouteTable({ RouteTableId: tableId }, context)).toThrow(expect.objectContaining({ code: 'DependencyViolation' }))
    expect(() => createRoute({ RouteTableId: tableId, DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }, context)).toThrow(expect.objectContaining({ code: 'RouteAlreadyExists' }))
    expect(() => createRoute({ RouteTableId: tableId, DestinationCidrBlock: '10.9.0.0/16', VpcPeeringConnectionId: 'pcx-0123456789abcdef0' }, context)).toThrow(expect.objectContaining({ code: 'InvalidVpcPeeringConnectionID.NotFound' }))
    disassociateRouteTable({ AssociationId: association.AssociationId }, context)
    deleteRouteTable({ RouteTableId: tableId }, context)
    expect(() => describeRouteTables({ RouteTableIds: [tableId] }, context)).toThrow(expect.objectContaining({ code: 'InvalidRouteTableID.NotFound' }))
  })
})
