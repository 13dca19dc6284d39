// ELBv2 over the wire: the real SDK client against the local API, through the query codec. Every
// field a handler answers must read back, and AWS's error codes must become the SDK's exceptions.
import * as elbv2 from '@aws-sdk/client-elastic-load-balancing-v2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, startTestApi } from '../test-request-context.js'
import { elbv2Service } from './index.js'
import { LOAD_BALANCER, TARGET_GROUP, type LoadBalancerData, type TargetGroupData } from './records.js'
import { seedTestNetwork } from './test-network.js'

let setup: Awaited<ReturnType<typeof startTestApi>>
beforeAll(async () => {
  setup = await startTestApi([elbv2Service])
})
afterAll(async () => {
  await setup?.api.close()
})

describe('ELBv2 through the SDK client', () => {
  it('creates the fixture NLB, target group, attachment and listener and reads every field back', async () => {
    const client = new elbv2.ElasticLoadBalancingV2Client(setup.clientConfig())
    const network = seedTestNetwork(createTestContext(setup.store))
    const created = await client.send(new elbv2.CreateLoadBalancerCommand({ Name: 'plh-nlb', Type: 'network', Scheme: 'internal', Subnets: network.subnetIds, Tags: [{ Key: 'Name', Value: 'plh-nlb' }] }))
    const lb = created.LoadBalancers![0]!
    const stored = setup.store.get<LoadBalancerData>('111111111111', 'us-east-1', LOAD_BALANCER, lb.LoadBalancerArn!)!
    const { local: _local, ...shape } = stored.data
    // Every field of the stored shape reads back through the codec (lists, nested structures, the timestamp).
    expect(lb).toEqual(shape)
    expect(lb).toMatchObject({ LoadBalancerName: 'plh-nlb', Scheme: 'internal', Type: 'network', VpcId: network.vpcId, State: { Code: 'provisioning' }, IpAddressType: 'ipv4' })
    expect(lb.AvailabilityZones!.map((z) => z.SubnetId)).toEqual(network.subnetIds)

    await client.send(new elbv2.ModifyLoadBalancerAttributesCommand({ LoadBalancerArn: lb.LoadBalancerArn, Attributes: [{ Key: 'load_balancing.cross_zone.enabled', Value: 'true' }] }))
    const attributes = await client.send(new elbv2.DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: lb.LoadBalancerArn }))
    expect(attributes.Attributes).toContainEqual({ Key: 'load_balancing.cross_zone.enabled', Value: 'true' })

    const tg = (
      await client.send(
        new elbv2.CreateTargetGroupCommand({ Name: 'plh-8080', Port: 8080, Protocol: 'TCP', VpcId: network.vpcId, HealthCheckProtocol: 'HTTP', HealthCheckPath: '/healthz', HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 }),
      )
    ).TargetGroups![0]!
    expect(tg).toMatchObject({ TargetGroupName: 'plh-8080', Port: 8080, Protocol: 'TCP', HealthCheckPath: '/healthz', Matcher: { HttpCode: '200-399' }, TargetType: 'instance' })
    await client.send(new elbv2.RegisterTargetsCommand({ TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: network.instanceIds[0] }, { Id: network.instanceIds[1] }] }))
    const listener = (
      await client.send(new elbv2.CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancerArn, Port: 8080, Protocol: 'TCP', DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] }))
    ).Listeners![0]!
    expect(listener.DefaultActions).toEqual([
      { Type: 'forward', TargetGroupArn: tg.TargetGroupArn, Order: 1, ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg.TargetGroupArn, Weight: 1 }], TargetGroupStickinessConfig: { Enabled: false } } },
    ])
    const described = await client.send(new elbv2.DescribeTargetGroupsCommand({ LoadBalancerArn: lb.LoadBalancerArn }))
    expect(described.TargetGroups!.map((t) => t.LoadBalancerArns)).toEqual([[lb.LoadBalancerArn]])

    const health = await client.send(new elbv2.DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn }))
    expect(health.TargetHealthDescriptions!.map((d) => [d.Target!.Id, d.Target!.Port, d.HealthCheckPort, d.TargetHealth!.State, d.TargetHealth!.Reason])).toEqual([
      [network.instanceIds[0], 8080, '8080', 'initial', 'Elb.RegistrationInProgress'],
      [network.instanceIds[1], 8080, '8080', 'initial', 'Elb.RegistrationInProgress'],
    ])
    // Time passes: the load balancer is active and the initial checks are over.
    setup.store.get<LoadBalancerData>('111111111111', 'us-east-1', LOAD_BALANCER, lb.LoadBalancerArn!)!.data.local.activeAt = 0
    for (const t of setup.store.get<TargetGroupData>('111111111111', 'us-east-1', TARGET_GROUP, tg.TargetGroupArn!)!.data.local.targets) t.registeredAt -= 60_000
    expect((await client.send(new elbv2.DescribeLoadBalancersCommand({ Names: ['plh-nlb'] }))).LoadBalancers![0]!.State).toEqual({ Code: 'active' })
    const healthy = await client.send(new elbv2.DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: network.instanceIds[0] }] }))
    expect(healthy.TargetHealthDescriptions![0]!.TargetHealth).toEqual({ State: 'healthy' })

    await client.send(new elbv2.AddTagsCommand({ ResourceArns: [lb.LoadBalancerArn!, tg.TargetGroupArn!], Tags: [{ Key: 'plh:run-id', Value: 'r1' }] }))
    const tags = await client.send(new elbv2.DescribeTagsCommand({ ResourceArns: [lb.LoadBalancerArn!, tg.TargetGroupArn!, listener.ListenerArn!] }))
    expect(tags.TagDescriptions).toEqual([
      { ResourceArn: lb.LoadBalancerArn, Tags: [{ Key: 'Name', Value: 'plh-nlb' }, { Key: 'plh:run-id', Value: 'r1' }] },
      { ResourceArn: tg.TargetGroupArn, Tags: [{ Key: 'plh:run-id', Value: 'r1' }] },
      { ResourceArn: listener.ListenerArn, Tags: [] },
    ])

    await expect(client.send(new elbv2.DeleteTargetGroupCommand({ TargetGroupArn: tg.TargetGroupArn }))).rejects.toBeInstanceOf(elbv2.ResourceInUseException)
    await client.send(new elbv2.DeleteLoadBalancerCommand({ LoadBalancerArn: lb.LoadBalancerArn }))
    await expect(client.send(new elbv2.DescribeListenersCommand({ ListenerArns: [listener.ListenerArn!] }))).rejects.toBeInstanceOf(elbv2.ListenerNotFoundException)
    await client.send(new elbv2.DeleteTargetGroupCommand({ TargetGroupArn: tg.TargetGroupArn }))
    await expect(client.send(new elbv2.DescribeLoadBalancersCommand({ LoadBalancerArns: [lb.LoadBalancerArn!] }))).rejects.toBeInstanceOf(elbv2.LoadBalancerNotFoundException)
    await expect(client.send(new elbv2.DescribeTargetGroupsCommand({ TargetGroupArns: [tg.TargetGroupArn!] }))).rejects.toBeInstanceOf(elbv2.TargetGroupNotFoundException)
    expect(setup.store.list({ type: 'network-interface' })).toEqual([])
  })

  it('answers an action it does not emulate with NotEmulatedByLocalTarget naming it', async () => {
    const client = new elbv2.ElasticLoadBalancingV2Client(setup.clientConfig())
    await expect(client.send(new elbv2.CreateRuleCommand({ ListenerArn: 'arn:x', Priority: 1, Conditions: [], Actions: [] }))).rejects.toMatchObject({
      name: 'NotEmulatedByLocalTarget',
      message: expect.stringContaining('ELBv2:CreateRule'),
    })
  })
})
