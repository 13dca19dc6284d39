import { describe, expect, it } from 'vitest'
import { createTestContext, createTestStore } from '../test-request-context.js'
import {
  DEFAULT_TLS_POLICY,
  createListener,
  deleteListener,
  describeListenerAttributes,
  describeListeners,
  modifyListener,
  modifyListenerAttributes,
} from './listeners.js'
import { createLoadBalancer, deleteLoadBalancer } from './load-balancers.js'
import { addTags, describeTags, removeTags } from './tags.js'
import { createTargetGroup } from './target-groups.js'
import { seedTestNetwork } from './test-network.js'

function setup() {
  const store = createTestStore()
  const context = createTestContext(store)
  const network = seedTestNetwork(context)
  const lb = createLoadBalancer({ Name: 'plh-nlb', Type: 'network', Subnets: network.subnetIds }, context).LoadBalancers![0]!
  const tg = createTargetGroup({ Name: 'plh-8080', Port: 8080, Protocol: 'TCP', VpcId: network.vpcId }, context).TargetGroups![0]!
  const forward = [{ Type: 'forward' as const, TargetGroupArn: tg.TargetGroupArn }]
  return { store, context, network, lb, tg, forward }
}

describe('CreateListener', () => {
  it('creates a TCP listener whose ARN extends the load balancer ARN and whose forward names the target group both ways', () => {
    const { context, lb, tg, forward } = setup()
    const listener = createListener({ LoadBalancerArn: lb.LoadBalancerArn, Port: 8080, Protocol: 'TCP', DefaultActions: forward, Tags: [{ Key: 'Name', Value: 'l' }] }, context).Listeners![0]!
    expect(listener.ListenerArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:111111111111:listener\/net\/plh-nlb\/[0-9a-f]{16}\/[0-9a-f]{16}$/)
    expect(listener.ListenerArn!.startsWith(lb.LoadBalancerArn!.replace(':loadbalancer/', ':listener/'))).toBe(true)
    expect(listener.DefaultActions).toEqual([
      { Type: 'forward', TargetGroupArn: tg.TargetGroupArn, Order: 1, ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg.TargetGroupArn, Weight: 1 }], TargetGroupStickinessConfig: { Enabled: false } } },
    ])
    expect(describeListeners({ LoadBalancerArn: lb.LoadBalancerArn }, context).Listeners!.map((l) => l.ListenerArn)).toEqual([listener.ListenerArn])
    expect(describeListenerAttributes({ ListenerArn: listener.ListenerArn }, context).Attributes).toEqual([{ Key: 'tcp.idle_timeout.seconds', Value: '350' }])
    modifyListenerAttributes({ ListenerArn: listener.ListenerArn, Attributes: [{ Key: 'tcp.idle_timeout.seconds', Value: '120' }] }, context)
    expect(describeListenerAttributes({ ListenerArn: listener.ListenerArn }, context).Attributes).toEqual([{ Key: 'tcp.idle_timeout.seconds', Value: '120' }])
  })

  it('creates a TLS listener with its certificate and the default policy, and refuses TLS without a certificate', () => {
    const { context, lb, forward } = setup()
    const cert = 'arn:aws:acm:us-east-1:111111111111:certificate/0d5e1c5e-0000-4000-8000-000000000000'
    const tls = createListener({ LoadBalancerArn: lb.LoadBalancerArn, Port: 443, Protocol: 'TLS', Certificates: [{ CertificateArn: cert }], DefaultActions: forward }, context).Listeners![0]!
    expect(tls).toMatchObject({ Protocol: 'TLS', Port: 443, Certificates: [{ CertificateArn: cert }], SslPolicy: DEFAULT_TLS_POLICY })
    expect(() => createListener({ LoadBalancerArn: lb.LoadBalancerArn, Port: 8443, Protocol: 'TLS', DefaultActions: forward }, context)).toThrow(expect.objectContaining({ code: 'ValidationError' }))
    expect(() => createListener({ LoadBalancerArn: lb.LoadBalancerArn, Port: 8443, Protocol: 'TLS', Certificates: [{ CertificateArn: cert }], SslPolicy: 'MyPolicy', DefaultActions: forward }, context)).toThrow(
      expect.objectContaining({ code: 'SSLPolicyNotFound' }),
    )
  })

  it('refuses a second listener on the port, an unknown load balancer or target group, and a target group of another load balancer', () => {
    const { context, network, lb, forward } = setup()
    createListener({ LoadBalancerArn: lb.LoadBalancerArn, Port: 8080, Protocol: 'TCP', DefaultActions: forward }, context)
    expect(() => createListener({ LoadBalancerArn: lb.LoadBalancerArn, Port: 8080, Protocol: 'TCP', DefaultActions: forward }, context)).toThrow(expect.objectContaining({ code: 'DuplicateListener' }))
    expect(() => createListener({ LoadBalancerArn: `${lb.LoadBalancerArn!.slice(0, -1)}0`, Port: 1, Protocol: 'TCP', DefaultActions: forward }, context)).toThrow(expect.objectContaining({ code: 'LoadBalancerNotFound' }))
    expect(() => createListener({ LoadBalancerArn: lb.LoadBalancerArn, Port: 2, Protocol: 'TCP', DefaultActions: [{ Type: 'forward', TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/x/0000000000000000' }] }, context)).toThrow(
      expect.objectContaining({ code: 'TargetGroupNotFound' }),
    )
    const other = createLoadBalancer({ Name: 'other', Type: 'network', Subnets: network.subnetIds }, context).LoadBalancers![0]!
    expect(() => createListener({ LoadBalancerArn: other.LoadBalancerArn, Port: 8080, Protocol: 'TCP', DefaultActions: forward }, context)).toThrow(expect.objectContaining({ code: 'TargetGroupAssociationLimit' }))
  })
})

describe('ModifyListener and DeleteListener', () => {
  it('changes the port, and deleting the listener (or its load balancer) makes it ListenerNotFound', () => {
    const { context, lb, forward } = setup()
    const listener = createListener({ LoadBalancerArn: lb.LoadBalancerArn, Port: 8080, Protocol: 'TCP', DefaultActions: forward }, context).Listeners![0]!
    expect(modifyListener({ ListenerArn: listener.ListenerArn, Port: 9090 }, context).Listeners![0]!.Port).toBe(9090)
    deleteListener({ ListenerArn: listener.ListenerArn }, context)
    expect(() => describeListeners({ ListenerArns: [listener.ListenerArn!] }, context)).toThrow(expect.objectContaining({ code: 'ListenerNotFound' }))
    const second = createListener({ LoadBalancerArn: lb.LoadBalancerArn, Port: 8080, Protocol: 'TCP', DefaultActions: forward }, context).Listeners![0]!
    deleteLoadBalancer({ LoadBalancerArn: lb.LoadBalancerArn! }, context)
    expect(() => deleteListener({ ListenerArn: second.ListenerArn }, context)).toThrow(expect.objectContaining({ code: 'ListenerNotFound' }))
  })
})

describe('tags', () => {
  it('adds, describes and removes tags on load balancers, target groups and listeners, and names a missing resource', () => {
    const { context, lb, tg, forward } = setup()
    const listener = createListener({ LoadBalancerArn: lb.LoadBalancerArn, Port: 8080, Protocol: 'TCP', DefaultActions: forward }, context).Listeners![0]!
    const arns = [lb.LoadBalancerArn!, tg.TargetGroupArn!, listener.ListenerArn!]
    addTags({ ResourceArns: arns, Tags: [{ Key: 'plh:run', Value: 'r1' }, { Key: 'Name', Value: 'n' }] }, context)
    removeTags({ ResourceArns: [tg.TargetGroupArn!], TagKeys: ['Name'] }, context)
    expect(describeTags({ ResourceArns: arns }, context).TagDescriptions).toEqual([
      { ResourceArn: arns[0], Tags: [{ Key: 'plh:run', Value: 'r1' }, { Key: 'Name', Value: 'n' }] },
      { ResourceArn: arns[1], Tags: [{ Key: 'plh:run', Value: 'r1' }] },
      { ResourceArn: arns[2], Tags: [{ Key: 'plh:run', Value: 'r1' }, { Key: 'Name', Value: 'n' }] },
    ])
    deleteListener({ ListenerArn: listener.ListenerArn }, context)
    expect(() => describeTags({ ResourceArns: [listener.ListenerArn!] }, context)).toThrow(expect.objectContaining({ code: 'ListenerNotFound' }))
  })
})
