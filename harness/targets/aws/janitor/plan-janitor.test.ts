import { describe, expect, it } from 'vitest'
import { DELETE_ORDER, classifyArn, parseDuration, planJanitor, runStartedAt, stagesOf, type TaggedResource } from './plan-janitor.js'

const now = new Date('2026-11-25T14:00:00Z')
const finished = '20261124T010000-aaaaaa'
const recent = '20261125T133000-bbbbbb'
const alive = '20261125T020000-cccccc'

function tagged(arn: string, runId: string = finished): TaggedResource {
  return { arn, alias: 'consumer', region: 'us-east-1', tags: { 'plh:run-id': runId, 'plh:fixture': 'same-region-cross-account' } }
}
function untagged(arn: string): TaggedResource {
  return { arn, alias: 'consumer', region: 'us-east-1', tags: { Name: 'other' } }
}
const ec2 = (resource: string) => `arn:aws:ec2:us-east-1:222222222222:${resource}`
const elb = (resource: string) => `arn:aws:elasticloadbalancing:us-east-1:222222222222:${resource}`

describe('classifyArn', () => {
  it('reads the kind and the id each delete call takes', () => {
    expect(classifyArn(ec2('vpc-endpoint/vpce-0f89a33420c1931d7'))).toEqual({ kind: 'vpc-endpoint', id: 'vpce-0f89a33420c1931d7' })
    expect(classifyArn(ec2('vpc-endpoint-service/vpce-svc-0e123abc123198abc'))).toEqual({ kind: 'vpc-endpoint-service', id: 'vpce-svc-0e123abc123198abc' })
    expect(classifyArn(elb('loadbalancer/net/plh-3f9a2c-svc/50dc6c495c0c9188'))).toEqual({ kind: 'loadbalancer', id: elb('loadbalancer/net/plh-3f9a2c-svc/50dc6c495c0c9188') })
    expect(classifyArn(elb('listener/net/plh-3f9a2c-svc/50dc6c495c0c9188/f2f7dc8efc522ab2'))).toEqual({ goesWith: 'goes with its load balancer' })
    expect(classifyArn('arn:aws:acm:us-east-1:111111111111:certificate/12345678-1234-1234-1234-123456789012')).toHaveProperty('unsupported')
    expect(classifyArn(ec2('natgateway/nat-0123456789abcdef0'))).toHaveProperty('unsupported')
  })

  it('a security group rule (tagged by the providers\' default tags) goes with its group: never deleted alone, never "remove by hand"', () => {
    expect(classifyArn(ec2('security-group-rule/sgr-0123456789abcdef0'))).toEqual({ goesWith: 'goes with its security group' })
    const plan = planJanitor({ resources: [tagged(ec2('security-group-rule/sgr-0123456789abcdef0')), tagged(ec2('security-group/sg-0123456789abcdef0'))], aliveTags: new Set(), now })
    expect(plan.unsupported).toEqual([])
    expect(plan.remove.map((r) => r.kind)).toEqual(['security-group'])
    expect(plan.keep.map((k) => k.reason)).toEqual(['goes with its security group'])
  })
})

describe('planJanitor', () => {
  const resources = [
    tagged(ec2('vpc/vpc-0c8b3f1e2d4a5b6c7')),
    tagged(ec2('security-group/sg-0123456789abcdef0')),
    tagged(ec2('instance/i-0aaaaaaaaaaaaaaa1')),
    tagged(elb('targetgroup/plh-3f9a2c-80/73e2d6bc24d8a067')),
    tagged(ec2('subnet/subnet-0a1b2c3d4e5f60718')),
    tagged(ec2('vpc-endpoint-service/vpce-svc-0e123abc123198abc')),
    tagged(elb('loadbalancer/net/plh-3f9a2c-svc/50dc6c495c0c9188')),
    tagged(ec2('vpc-endpoint/vpce-0f89a33420c1931d7')),
    tagged(ec2('route-table/rtb-0123456789abcdef0')),
    tagged(ec2('vpc-peering-connection/pcx-0123456789abcdef0')),
    tagged(ec2('network-interface/eni-0aa11bb22cc33dd44')),
  ]

  it('orders deletions so that what uses a thing goes before it', () => {
    const plan = planJanitor({ resources, aliveTags: new Set(), now })
    expect(plan.remove.map((r) => r.kind)).toEqual([...DELETE_ORDER])
    expect(stagesOf(plan.remove).map((s) => s.kind)).toEqual([...DELETE_ORDER])
  })

  it('keeps runs alive on this machine, untagged resources and listeners; sets aside kinds it cannot delete', () => {
    const plan = planJanitor({
      resources: [
        tagged(ec2('vpc/vpc-0000000000000000a'), alive),
        untagged(ec2('vpc/vpc-0000000000000000b')),
        tagged(elb('listener/net/plh-3f9a2c-svc/50dc6c495c0c9188/f2f7dc8efc522ab2')),
        tagged('arn:aws:acm:us-east-1:111111111111:certificate/12345678-1234-1234-1234-123456789012'),
        tagged(ec2('vpc/vpc-0000000000000000c')),
      ],
      aliveTags: new Set(['cccccc']),
      now,
    })
    expect(plan.remove.map((r) => r.id)).toEqual(['vpc-0000000000000000c'])
    expect(plan.keep.map((k) => k.reason)).toEqual([`run ${alive} is alive on this machine`, 'no plh:run-id tag', 'goes with its load balancer'])
    expect(plan.unsupported.map((u) => u.resource.arn)).toEqual(['arn:aws:acm:us-east-1:111111111111:certificate/12345678-1234-1234-1234-123456789012'])
  })

  it('with --older-than: only runs older than the limit, including a run alive here past it (stuck)', () => {
    const plan = planJanitor({
      resources: [tagged(ec2('vpc/vpc-0000000000000000a'), finished), tagged(ec2('vpc/vpc-0000000000000000b'), recent), tagged(ec2('vpc/vpc-0000000000000000c'), alive), tagged(ec2('vpc/vpc-0000000000000000d'), 'hand-made')],
      aliveTags: new Set(['cccccc']),
      now,
      olderThanMs: 6 * 3_600_000,
    })
    expect(plan.remove.map((r) => r.id)).toEqual(['vpc-0000000000000000a', 'vpc-0000000000000000c'])
    expect(plan.keep.map((k) => k.reason)).toEqual([
      `run ${recent} started less than the --older-than limit ago (it may be alive on another machine)`,
      'run id hand-made carries no start time, so its age is unknown',
    ])
  })
})

describe('runStartedAt and parseDuration', () => {
  it('reads the UTC start of a run id', () => {
    expect(runStartedAt('20261125T133000-3f9a2c')?.toISOString()).toBe('2026-11-25T13:30:00.000Z')
    expect(runStartedAt('validate')).toBeUndefined()
  })

  it('reads m, h, d and w, and refuses the rest', () => {
    expect(parseDuration('90m')).toBe(5_400_000)
    expect(parseDuration('12h')).toBe(43_200_000)
    expect(parseDuration('2d')).toBe(172_800_000)
    expect(parseDuration('1w')).toBe(604_800_000)
    for (const bad of ['', '12', 'h', '0h', '1.5h', '-1d', '3 days']) expect(parseDuration(bad)).toBeUndefined()
  })
})
