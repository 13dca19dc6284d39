import type { NetworkInterface } from '@aws-sdk/client-ec2'
import { describe, expect, it } from 'vitest'
import { createTestContext, createTestStore } from '../test-request-context.js'
import { loadBalancerArnSuffix } from './arns.js'
import {
  LOAD_BALANCER_PROVISIONING_MS,
  createLoadBalancer,
  deleteLoadBalancer,
  describeLoadBalancerAttributes,
  describeLoadBalancers,
  modifyLoadBalancerAttributes,
} from './load-balancers.js'
import { LOAD_BALANCER, type LoadBalancerData } from './records.js'
import { seedTestNetwork } from './test-network.js'

function setup() {
  const store = createTestStore()
  const context = createTestContext(store)
  const network = seedTestNetwork(context)
  const created = createLoadBalancer({ Name: 'plh-nlb', Type: 'network', Scheme: 'internal', Subnets: network.subnetIds, Tags: [{ Key: 'Name', Value: 'plh-nlb' }] }, context)
  return { store, context, network, lb: created.LoadBalancers![0]! }
}

describe('CreateLoadBalancer', () => {
  it('creates an internal NLB in provisioning with one node ENI per subnet, described as `ELB net/<name>/<hash>`', () => {
    const { store, context, network, lb } = setup()
    expect(lb.LoadBalancerArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer\/net\/plh-nlb\/[0-9a-f]{16}$/)
    expect(lb.DNSName).toMatch(/^plh-nlb-[0-9a-f]{16}\.elb\.us-east-1\.amazonaws\.com$/)
    expect(lb).toMatchObject({ Scheme: 'internal', Type: 'network', VpcId: network.vpcId, State: { Code: 'provisioning' }, CanonicalHostedZoneId: 'Z26RNL4JYFTOTI' })
    expect(lb.AvailabilityZones!.map((z) => [z.ZoneName, z.SubnetId])).toEqual([
      ['us-east-1a', network.subnetIds[0]],
      ['us-east-1b', network.subnetIds[1]],
    ])
    expect('local' in lb).toBe(false)
    const enis = store.list<NetworkInterface>({ type: 'network-interface', account: context.account, region: context.region }).map((r) => r.data)
    expect(enis).toHaveLength(2)
    for (const [i, eni] of enis.entries()) {
      expect(eni).toMatchObject({
        Description: `ELB ${loadBalancerArnSuffix(lb.LoadBalancerArn!)}`,
        InterfaceType: 'network_load_balancer',
        SubnetId: network.subnetIds[i],
        AvailabilityZone: `us-east-1${'ab'[i]}`,
        VpcId: network.vpcId,
        Attachment: { InstanceOwnerId: 'amazon-aws', Status: 'attached' },
      })
      // The first usable address of the subnet: AWS reserves .0 to .3.
      expect(eni.PrivateIpAddress).toBe(`10.1.${i}.4`)
    }
  })

  it('refuses a second load balancer of the same name, unknown subnets and two subnets in one AZ', () => {
    const { context, network } = setup()
    expect(() => createLoadBalancer({ Name: 'plh-nlb', Type: 'network', Subnets: [network.subnetIds[0]] }, context)).toThrow(expect.objectContaining({ code: 'DuplicateLoadBalancerName' }))
    expect(() => createLoadBalancer({ Name: 'other', Type: 'network', Subnets: ['subnet-0000000000000000f'] }, context)).toThrow(expect.objectContaining({ code: 'SubnetNotFound' }))
    const second = context.store.newId('subnet')
    context.store.put({ type: 'subnet', id: second, account: context.account, region: context.region, data: { SubnetId: second, VpcId: network.vpcId, CidrBlock: '10.1.9.0/24', AvailabilityZone: 'us-east-1a' } })
    expect(() => createLoadBalancer({ Name: 'other', Type: 'network', Subnets: [network.subnetIds[0], second] }, context)).toThrow(expect.objectContaining({ code: 'InvalidConfigurationRequest' }))
    expect(() => createLoadBalancer({ Name: 'bad_name', Type: 'network', Subnets: [network.subnetIds[0]] }, context)).toThrow(expect.objectContaining({ code: 'ValidationError' }))
  })
})

describe('DescribeLoadBalancers', () => {
  it('turns active once provisioning time is over, finds by name and ARN, and names missing ones LoadBalancerNotFound', () => {
    const { store, context, lb } = setup()
    expect(describeLoadBalancers({ LoadBalancerArns: [lb.LoadBalancerArn!] }, context).LoadBalancers![0]!.State).toEqual({ Code: 'provisioning' })
    store.update<LoadBalancerData>(context.account, context.region, LOAD_BALANCER, lb.LoadBalancerArn!, (r) => {
      r.data.local.activeAt = Date.now() - 1
    })
    expect(describeLoadBalancers({ Names: ['plh-nlb'] }, context).LoadBalancers![0]!.State).toEqual({ Code: 'active' })
    expect(LOAD_BALANCER_PROVISIONING_MS).toBeLessThan(30_000)
    expect(() => describeLoadBalancers({ Names: ['nope'] }, context)).toThrow(expect.objectContaining({ code: 'LoadBalancerNotFound' }))
    // Another account sees nothing of it.
    const other = createTestContext(store, { account: '222222222222' })
    expect(() => describeLoadBalancers({ LoadBalancerArns: [lb.LoadBalancerArn!] }, other)).toThrow(expect.objectContaining({ code: 'LoadBalancerNotFound' }))
    expect(describeLoadBalancers({}, other).LoadBalancers).toEqual([])
  })
})

describe('load balancer attributes', () => {
  it('lists the NLB defaults, changes cross-zone, and refuses keys an NLB does not have with the message the provider parses', () => {
    const { context, lb } = setup()
    const arn = lb.LoadBalancerArn!
    expect(describeLoadBalancerAttributes({ LoadBalancerArn: arn }, context).Attributes).toContainEqual({ Key: 'load_balancing.cross_zone.enabled', Value: 'false' })
    modifyLoadBalancerAttributes({ LoadBalancerArn: arn, Attributes: [{ Key: 'load_balancing.cross_zone.enabled', Value: 'true' }] }, context)
    expect(describeLoadBalancerAttributes({ LoadBalancerArn: arn }, context).Attributes).toContainEqual({ Key: 'load_balancing.cross_zone.enabled', Value: 'true' })
    expect(() => modifyLoadBalancerAttributes({ LoadBalancerArn: arn, Attributes: [{ Key: 'idle_timeout.timeout_seconds', Value: '60' }] }, context)).toThrow(
      /attribute key 'idle_timeout.timeout_seconds' is not supported/,
    )
  })
})

describe('DeleteLoadBalancer', () => {
  it('removes the load balancer and its ENIs, succeeds again when already gone, and honours deletion protection', () => {
    const { store, context, lb, network } = setup()
    deleteLoadBalancer({ LoadBalancerArn: lb.LoadBalancerArn! }, context)
    expect(store.list({ type: 'network-interface' })).toEqual([])
    expect(store.list({ type: LOAD_BALANCER })).toEqual([])
    expect(deleteLoadBalancer({ LoadBalancerArn: lb.LoadBalancerArn! }, context)).toEqual({})

    const kept = createLoadBalancer({ Name: 'kept', Type: 'network', Subnets: network.subnetIds }, context).LoadBalancers![0]!
    modifyLoadBalancerAttributes({ LoadBalancerArn: kept.LoadBalancerArn!, Attributes: [{ Key: 'deletion_protection.enabled', Value: 'true' }] }, context)
    expect(() => deleteLoadBalancer({ LoadBalancerArn: kept.LoadBalancerArn! }, context)).toThrow(expect.objectContaining({ code: 'OperationNotPermitted' }))
  })
})

describe('provisioning without Describe calls', () => {
  it('moves to active in the store by itself when provisioning time is over (the reconciler only reads the store)', async () => {
    const { store, context, lb } = setup()
    const changes: string[] = []
    store.onChange((c) => changes.push(`${c.kind} ${c.type}`))
    await new Promise((resolve) => setTimeout(resolve, LOAD_BALANCER_PROVISIONING_MS + 200))
    expect(store.get<LoadBalancerData>(context.account, context.region, LOAD_BALANCER, lb.LoadBalancerArn!)!.data.State).toEqual({ Code: 'active' })
    expect(changes).toEqual(['put load-balancer'])
  })
})
