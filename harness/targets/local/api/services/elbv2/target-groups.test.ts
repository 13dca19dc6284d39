import { describe, expect, it } from 'vitest'
import { createTestContext, createTestStore } from '../test-request-context.js'
import { createListener, deleteListener } from './listeners.js'
import { createLoadBalancer } from './load-balancers.js'
import {
  createTargetGroup,
  deleteTargetGroup,
  describeTargetGroupAttributes,
  describeTargetGroups,
  modifyTargetGroup,
  modifyTargetGroupAttributes,
} from './target-groups.js'
import { seedTestNetwork } from './test-network.js'

function setup() {
  const store = createTestStore()
  const context = createTestContext(store)
  const network = seedTestNetwork(context)
  // As the fixture's service-nlb module asks for it.
  const tg = createTargetGroup(
    {
      Name: 'plh-8080',
      Port: 8080,
      Protocol: 'TCP',
      TargetType: 'instance',
      VpcId: network.vpcId,
      HealthCheckProtocol: 'HTTP',
      HealthCheckPath: '/healthz',
      HealthCheckPort: 'traffic-port',
      HealthCheckIntervalSeconds: 10,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 2,
    },
    context,
  ).TargetGroups![0]!
  return { store, context, network, tg }
}

describe('CreateTargetGroup', () => {
  it('keeps the health check asked for and fills in AWS network defaults', () => {
    const { network, tg } = setup()
    expect(tg.TargetGroupArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup\/plh-8080\/[0-9a-f]{16}$/)
    expect(tg).toMatchObject({
      TargetGroupName: 'plh-8080',
      Protocol: 'TCP',
      Port: 8080,
      VpcId: network.vpcId,
      TargetType: 'instance',
      HealthCheckProtocol: 'HTTP',
      HealthCheckPath: '/healthz',
      HealthCheckPort: 'traffic-port',
      HealthCheckIntervalSeconds: 10,
      HealthCheckTimeoutSeconds: 6,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 2,
      Matcher: { HttpCode: '200-399' },
      LoadBalancerArns: [],
    })
  })

  it('defaults to a TCP health check without a path, and refuses duplicates, unknown VPCs and HTTP target groups', () => {
    const { context, network } = setup()
    const tcp = createTargetGroup({ Name: 'plh-tcp', Port: 443, Protocol: 'TLS', TargetType: 'ip', VpcId: network.vpcId }, context).TargetGroups![0]!
    expect(tcp).toMatchObject({ HealthCheckProtocol: 'TCP', HealthCheckTimeoutSeconds: 10, HealthyThresholdCount: 5, HealthCheckIntervalSeconds: 30 })
    expect(tcp.HealthCheckPath).toBeUndefined()
    expect(() => createTargetGroup({ Name: 'plh-8080', Port: 1, Protocol: 'TCP', VpcId: network.vpcId }, context)).toThrow(expect.objectContaining({ code: 'DuplicateTargetGroupName' }))
    expect(() => createTargetGroup({ Name: 'x', Port: 1, Protocol: 'TCP', VpcId: 'vpc-00000000000000000' }, context)).toThrow(expect.objectContaining({ code: 'ValidationError' }))
    expect(() => createTargetGroup({ Name: 'y', Port: 80, Protocol: 'HTTP', VpcId: network.vpcId }, context)).toThrow(/not emulated/)
  })
})

describe('target group attributes', () => {
  it('answers the defaults, applies the deregistration delay and refuses unknown keys', () => {
    const { context, tg } = setup()
    const arn = tg.TargetGroupArn!
    const before = describeTargetGroupAttributes({ TargetGroupArn: arn }, context).Attributes!
    expect(before).toContainEqual({ Key: 'deregistration_delay.timeout_seconds', Value: '300' })
    expect(before).toContainEqual({ Key: 'preserve_client_ip.enabled', Value: 'true' })
    modifyTargetGroupAttributes({ TargetGroupArn: arn, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '10' }] }, context)
    expect(describeTargetGroupAttributes({ TargetGroupArn: arn }, context).Attributes).toContainEqual({ Key: 'deregistration_delay.timeout_seconds', Value: '10' })
    expect(() => modifyTargetGroupAttributes({ TargetGroupArn: arn, Attributes: [{ Key: 'nope', Value: '1' }] }, context)).toThrow(expect.objectContaining({ code: 'ValidationError' }))
  })
})

describe('ModifyTargetGroup', () => {
  it('changes the health check; a TCP check drops path and matcher', () => {
    const { context, tg } = setup()
    const changed = modifyTargetGroup({ TargetGroupArn: tg.TargetGroupArn!, HealthCheckProtocol: 'TCP', HealthCheckIntervalSeconds: 30 }, context).TargetGroups![0]!
    expect(changed).toMatchObject({ HealthCheckProtocol: 'TCP', HealthCheckIntervalSeconds: 30, HealthyThresholdCount: 2 })
    expect(changed.HealthCheckPath).toBeUndefined()
    expect(changed.Matcher).toBeUndefined()
  })
})

describe('DescribeTargetGroups and DeleteTargetGroup', () => {
  it('lists the load balancer a listener ties it to, refuses deleting it while a listener forwards to it, and names missing ones TargetGroupNotFound', () => {
    const { context, network, tg } = setup()
    const lb = createLoadBalancer({ Name: 'plh-nlb', Type: 'network', Subnets: network.subnetIds }, context).LoadBalancers![0]!
    const listener = createListener({ LoadBalancerArn: lb.LoadBalancerArn, Port: 8080, Protocol: 'TCP', DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] }, context).Listeners![0]!
    expect(describeTargetGroups({ Names: ['plh-8080'] }, context).TargetGroups![0]!.LoadBalancerArns).toEqual([lb.LoadBalancerArn])
    expect(describeTargetGroups({ LoadBalancerArn: lb.LoadBalancerArn }, context).TargetGroups!.map((t) => t.TargetGroupArn)).toEqual([tg.TargetGroupArn])
    expect(() => deleteTargetGroup({ TargetGroupArn: tg.TargetGroupArn! }, context)).toThrow(/is currently in use by a listener or a rule/)
    deleteListener({ ListenerArn: listener.ListenerArn! }, context)
    deleteTargetGroup({ TargetGroupArn: tg.TargetGroupArn! }, context)
    expect(() => describeTargetGroups({ TargetGroupArns: [tg.TargetGroupArn!] }, context)).toThrow(expect.objectContaining({ code: 'TargetGroupNotFound' }))
  })
})
