// Test data: a VPC with two subnets and a running instance in each, written to the store in EC2's
// shapes as services/ec2 writes them, so ELBv2 handlers can be tested without EC2's handlers.
import type { Instance, Subnet, Vpc } from '@aws-sdk/client-ec2'
import type { ApiRequestContext } from '../../server/action-handler.js'

export interface TestNetwork {
  vpcId: string
  subnetIds: [string, string]
  instanceIds: [string, string]
}

export function seedTestNetwork(context: ApiRequestContext, cidr = '10.1'): TestNetwork {
  const { store, account, region } = context
  const vpcId = store.newId('vpc')
  store.put<Vpc>({ type: 'vpc', id: vpcId, account, region, data: { VpcId: vpcId, CidrBlock: `${cidr}.0.0/16`, State: 'available' } })
  const zones = [`${region}a`, `${region}b`]
  const subnetIds = zones.map((zone, i) => {
    const id = store.newId('subnet')
    store.put<Subnet>({ type: 'subnet', id, account, region, data: { SubnetId: id, VpcId: vpcId, CidrBlock: `${cidr}.${i}.0/24`, AvailabilityZone: zone, State: 'available' } })
    return id
  }) as [string, string]
  const instanceIds = subnetIds.map((subnetId, i) => {
    const id = store.newId('i')
    store.put<Instance>({
      type: 'instance',
      id,
      account,
      region,
      data: { InstanceId: id, VpcId: vpcId, SubnetId: subnetId, State: { Name: 'running', Code: 16 }, Placement: { AvailabilityZone: zones[i] }, PrivateIpAddress: `${cidr}.${i}.10` },
    })
    return id
  }) as [string, string]
  return { vpcId, subnetIds, instanceIds }
}
