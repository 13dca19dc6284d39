import type { Instance } from '@aws-sdk/client-ec2'
import { describe, expect, it } from 'vitest'
import { createTestContext, createTestStore } from '../test-request-context.js'
import { createListener } from './listeners.js'
import { createLoadBalancer } from './load-balancers.js'
import { LOAD_BALANCER, TARGET_GROUP, type LoadBalancerData, type TargetGroupData } from './records.js'
import { createTargetGroup, modifyTargetGroupAttributes } from './target-groups.js'
import { deregisterTargets, describeTargetHealth, registerTargets } from './targets.js'
import { seedTestNetwork } from './test-network.js'

function setup(targetType: 'instance' | 'ip' = 'instance') {
  const store = createTestStore()
  const context = createTestContext(store)
  const network = seedTestNetwork(context)
  const tg = createTargetGroup(
    { Name: 'plh-8080', Port: 8080, Protocol: 'TCP', TargetType: targetType, VpcId: network.vpcId, HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 },
    context,
  ).TargetGroups![0]!
  const arn = tg.TargetGroupArn!
  return { store, context, network, arn }
}

/** Moves every time-stamp of the group and its load balancers back, as if `ms` had passed. */
function letTimePass(setupResult: ReturnType<typeof setup>, ms: number): void {
  const { store, context, arn } = setupResult
  store.update<TargetGroupData>(context.account, context.region, TARGET_GROUP, arn, (r) => {
    for (const t of r.data.local.targets) {
      t.registeredAt -= ms
      if (t.deregisteredAt !== undefined) t.deregisteredAt -= ms
    }
  })
  for (const lb of store.list<LoadBalancerData>({ type: LOAD_BALANCER })) lb.data.local.activeAt -= ms
}

const states = (output: ReturnType<typeof describeTargetHealth>) => output.TargetHealthDescriptions!.map((d) => [d.Target!.Id, d.TargetHealth!.State, d.TargetHealth!.Reason])

describe('target health', () => {
  it('goes unused (no listener) → initial → healthy after interval × healthy threshold, then draining and unregistered after deregistration', () => {
    const s = setup()
    const { context, network, arn } = s
    const [a, b] = network.instanceIds
    registerTargets({ TargetGroupArn: arn, Targets: [{ Id: a }, { Id: b }] }, context)
    expect(states(describeTargetHealth({ TargetGroupArn: arn }, context))).toEqual([
      [a, 'unused', 'Target.NotInUse'],
      [b, 'unused', 'Target.NotInUse'],
    ])
    const lb = createLoadBalancer({ Name: 'plh-nlb', Type: 'network', Subnets: network.subnetIds }, context).LoadBalancers![0]!
    createListener({ LoadBalancerArn: lb.LoadBalancerArn, Port: 8080, Protocol: 'TCP', DefaultActions: [{ Type: 'forward', TargetGroupArn: arn }] }, context)
    expect(states(describeTargetHealth({ TargetGroupArn: arn }, context))[0]).toEqual([a, 'initial', 'Elb.RegistrationInProgress'])
    letTimePass(s, 5_000)
    expect(states(describeTargetHealth({ TargetGroupArn: arn }, context))[0]).toEqual([a, 'initial', 'Elb.InitialHealthChecking'])
    letTimePass(s, 15_000)
    expect(states(describeTargetHealth({ TargetGroupArn: arn }, context))).toEqual([
      [a, 'healthy', undefined],
      [b, 'healthy', undefined],
    ])
    const described = describeTargetHealth({ TargetGroupArn: arn, Targets: [{ Id: a }] }, context).TargetHealthDescriptions!
    expect(described).toEqual([{ Target: { Id: a, Port: 8080 }, HealthCheckPort: '8080', TargetHealth: { State: 'healthy' } }])

    modifyTargetGroupAttributes({ TargetGroupArn: arn, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '10' }] }, context)
    deregisterTargets({ TargetGroupArn: arn, Targets: [{ Id: a }] }, context)
    expect(states(describeTargetHealth({ TargetGroupArn: arn, Targets: [{ Id: a }] }, context))).toEqual([[a, 'draining', 'Target.DeregistrationInProgress']])
    letTimePass(s, 10_000)
    expect(states(describeTargetHealth({ TargetGroupArn: arn, Targets: [{ Id: a }] }, context))).toEqual([[a, 'unused', 'Target.NotRegistered']])
    expect(states(describeTargetHealth({ TargetGroupArn: arn }, context))).toEqual([[b, 'healthy', undefined]])
    // Deregistering again (terraform destroying an attachment a scenario already took out) succeeds and changes nothing.
    expect(deregisterTargets({ TargetGroupArn: arn, Targets: [{ Id: a }] }, context)).toEqual({})
    expect(states(describeTargetHealth({ TargetGroupArn: arn }, context))).toEqual([[b, 'healthy', undefined]])
    expect(() => deregisterTargets({ TargetGroupArn: arn, Targets: [{ Id: 'i-0000000000000000f' }] }, context)).toThrow(expect.objectContaining({ code: 'InvalidTarget' }))
  })

  it('uses health the data plane observed once the initial checks are over', () => {
    const s = setup()
    const { store, context, network, arn } = s
    const lb = createLoadBalancer({ Name: 'plh-nlb', Type: 'network', Subnets: network.subnetIds }, context).LoadBalancers![0]!
    createListener({ LoadBalancerArn: lb.LoadBalancerArn, Port: 8080, Protocol: 'TCP', DefaultActions: [{ Type: 'forward', TargetGroupArn: arn }] }, context)
    registerTargets({ TargetGroupArn: arn, Targets: [{ Id: network.instanceIds[0] }] }, context)
    store.update<TargetGroupData>(context.account, context.region, TARGET_GROUP, arn, (r) => {
      r.data.local.observedHealth = { [`${network.instanceIds[0]}:8080`]: { State: 'unhealthy', Reason: 'Target.FailedHealthChecks', Description: 'Health checks failed' } }
    })
    letTimePass(s, 60_000)
    expect(states(describeTargetHealth({ TargetGroupArn: arn }, context))).toEqual([[network.instanceIds[0], 'unhealthy', 'Target.FailedHealthChecks']])
  })
})

describe('RegisterTargets', () => {
  it('refuses instances that are not running or not in the VPC (InvalidTarget, which the provider retries)', () => {
    const { store, context, network, arn } = setup()
    store.update<Instance>(context.account, context.region, 'instance', network.instanceIds[0], (r) => {
      r.data.State = { Name: 'pending', Code: 0 }
    })
    expect(() => registerTargets({ TargetGroupArn: arn, Targets: [{ Id: network.instanceIds[0] }] }, context)).toThrow(/not in a running state/)
    expect(() => registerTargets({ TargetGroupArn: arn, Targets: [{ Id: 'i-0000000000000000f' }] }, context)).toThrow(expect.objectContaining({ code: 'InvalidTarget' }))
    expect(() => registerTargets({ TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/x/0000000000000000', Targets: [{ Id: network.instanceIds[1] }] }, context)).toThrow(
      expect.objectContaining({ code: 'TargetGroupNotFound' }),
    )
  })

  it('takes IP targets in the VPC with their subnet AZ, and IPs outside the VPC only with AvailabilityZone all', () => {
    const { context, arn } = setup('ip')
    registerTargets({ TargetGroupArn: arn, Targets: [{ Id: '10.1.1.20' }] }, context)
    expect(() => registerTargets({ TargetGroupArn: arn, Targets: [{ Id: '172.16.0.10' }] }, context)).toThrow(/Availability Zone 'all'/)
    registerTargets({ TargetGroupArn: arn, Targets: [{ Id: '172.16.0.10', Port: 9090, AvailabilityZone: 'all' }] }, context)
    expect(describeTargetHealth({ TargetGroupArn: arn }, context).TargetHealthDescriptions!.map((d) => d.Target)).toEqual([
      { Id: '10.1.1.20', Port: 8080, AvailabilityZone: 'us-east-1b' },
      { Id: '172.16.0.10', Port: 9090, AvailabilityZone: 'all' },
    ])
  })
})
