import { describe, expect, it } from 'vitest'
import { acceptVpcPeeringConnection, createVpcPeeringConnection, deleteVpcPeeringConnection, describeVpcPeeringConnections } from './peering.js'
import { createRoute, createRouteTable, describeRouteTables } from './route-tables.js'
import { createTags } from './tags.js'
import { contextFor, PRODUCER, testStore } from './test-context.js'
import { createVpc } from './vpcs.js'

function twoRegions(peerCidr: string) {
  const store = testStore()
  const east = contextFor(store, PRODUCER, 'us-east-1')
  const west = contextFor(store, PRODUCER, 'eu-west-2')
  const requester = createVpc({ CidrBlock: '10.0.0.0/16' }, east).Vpc!.VpcId!
  const accepter = createVpc({ CidrBlock: peerCidr }, west).Vpc!.VpcId!
  return { store, east, west, requester, accepter }
}

describe('VPC peering', () => {
  it('goes pending-acceptance, is accepted from the peer region only, then routes both ways', () => {
    const { east, west, requester, accepter } = twoRegions('10.1.0.0/16')
    const created = createVpcPeeringConnection({ VpcId: requester, PeerVpcId: accepter, PeerRegion: 'eu-west-2' }, east).VpcPeeringConnection!
    expect(created.VpcPeeringConnectionId).toMatch(/^pcx-[0-9a-f]{17}$/)
    expect(created.Status?.Code).toBe('initiating-request')
    const id = created.VpcPeeringConnectionId!
    expect(describeVpcPeeringConnections({ VpcPeeringConnectionIds: [id] }, west).VpcPeeringConnections![0]!.Status?.Code).toBe('pending-acceptance')
    expect(() => acceptVpcPeeringConnection({ VpcPeeringConnectionId: id }, east)).toThrow(expect.objectContaining({ code: 'OperationNotPermitted' }))
    const accepted = acceptVpcPeeringConnection({ VpcPeeringConnectionId: id }, west).VpcPeeringConnection!
    expect(accepted).toMatchObject({ Status: { Code: 'active' }, AccepterVpcInfo: { CidrBlock: '10.1.0.0/16', Region: 'eu-west-2' } })
    // Each side of a cross-region connection keeps its own tags.
    createTags({ Resources: [id], Tags: [{ Key: 'Name', Value: 'relay' }] }, west)
    expect(describeVpcPeeringConnections({ VpcPeeringConnectionIds: [id] }, west).VpcPeeringConnections![0]!.Tags).toEqual([{ Key: 'Name', Value: 'relay' }])
    expect(describeVpcPeeringConnections({ VpcPeeringConnectionIds: [id] }, east).VpcPeeringConnections![0]!.Tags).toEqual([])
    const westTable = createRouteTable({ VpcId: accepter }, west).RouteTable!.RouteTableId!
    createRoute({ RouteTableId: westTable, DestinationCidrBlock: '10.0.0.0/16', VpcPeeringConnectionId: id }, west)
    expect(describeRouteTables({ RouteTableIds: [westTable] }, west).RouteTables![0]!.Routes!.map((r) => r.VpcPeeringConnectionId)).toContain(id)
    deleteVpcPeeringConnection({ VpcPeeringConnectionId: id }, east)
    expect(describeRouteTables({ RouteTableIds: [westTable] }, west).RouteTables![0]!.Routes!.find((r) => r.VpcPeeringConnectionId === id)!.State).toBe('blackhole')
    expect(() => describeVpcPeeringConnections({ VpcPeeringConnectionIds: [id] }, west)).toThrow(expect.objectContaining({ code: 'InvalidVpcPeeringConnectionID.NotFound' }))
  })

  it('fails with "Overlapping CIDR range" when the blocks overlap, as AWS does', () => {
    const { east, west, requester, accepter } = twoRegions('10.0.128.0/17')
    const id = createVpcPeeringConnection({ VpcId: requester, PeerVpcId: accepter, PeerRegion: 'eu-west-2' }, east).VpcPeeringConnection!.VpcPeeringConnectionId!
    const seen = describeVpcPeeringConnections({ VpcPeeringConnectionIds: [id] }, east).VpcPeeringConnections![0]!
    expect(seen.Status).toEqual({ Code: 'failed', Message: 'Overlapping CIDR range' })
    expect(() => acceptVpcPeeringConnection({ VpcPeeringConnectionId: id }, west)).toThrow(expect.objectContaining({ code: 'InvalidStateTransition' }))
  })

  it('lets the requester accept within one account and region (auto_accept)', () => {
    const store = testStore()
    const context = contextFor(store)
    const a = createVpc({ CidrBlock: '10.0.0.0/16' }, context).Vpc!.VpcId!
    const b = createVpc({ CidrBlock: '10.1.0.0/16' }, context).Vpc!.VpcId!
    const id = createVpcPeeringConnection({ VpcId: a, PeerVpcId: b }, context).VpcPeeringConnection!.VpcPeeringConnectionId!
    expect(acceptVpcPeeringConnection({ VpcPeeringConnectionId: id }, context).VpcPeeringConnection!.Status?.Code).toBe('active')
  })
})
