import { describe, expect, test } from 'vitest'
import { buildNamespaceBatches } from '../netns/ip-batches.js'
import { MAX_SCALE_CONSUMERS, consumerVpcKey, planScale } from './plan-scale.js'

describe('planScale', () => {
  const plan = planScale({ tag: 'abc123', seed: 'seed', consumerVpcs: 50 })

  test('one service with 3 AZs behind one NLB with a producer per AZ', () => {
    expect(plan.services).toHaveLength(1)
    expect(plan.services[0]!.azs).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c'])
    expect(plan.nlbs[0]!.targets).toHaveLength(3)
    expect(plan.instances.filter((i) => i.role === 'producer')).toHaveLength(3)
  })

  test('each consumer VPC: one endpoint with 3 ENIs, one consumer instance, its own DNS records', () => {
    const consumerVpcs = plan.vpcs.filter((v) => v.key !== 'prod')
    expect(consumerVpcs).toHaveLength(50)
    for (const vpc of consumerVpcs) {
      const endpoints = plan.endpoints.filter((e) => e.vpc === vpc.key)
      expect(endpoints).toHaveLength(1)
      expect(endpoints[0]!.enis).toHaveLength(3)
      expect(endpoints[0]!.serviceId).toBe(plan.services[0]!.id)
      expect(plan.instances.filter((i) => i.vpc === vpc.key && i.role === 'consumer')).toHaveLength(1)
      expect(plan.dns[vpc.key]!.map((r) => r.name)).toEqual([endpoints[0]!.regionalDns, ...endpoints[0]!.zonal.map((z) => z.dns)])
    }
  })

  test('consumer VPCs overlap (same CIDR), names are unique and carry the tag', () => {
    expect(new Set(plan.vpcs.filter((v) => v.key !== 'prod').map((v) => v.cidr))).toEqual(new Set(['10.1.0.0/16']))
    const namespaces = [...plan.vpcs.map((v) => v.ns), ...plan.instances.map((i) => i.ns)]
    expect(new Set(namespaces).size).toBe(namespaces.length)
    expect(namespaces.every((n) => n.startsWith('plh-abc123-'))).toBe(true)
    expect(new Set(plan.endpoints.map((e) => e.regionalDns)).size).toBe(50)
  })

  test('consumers are spread over the AZs', () => {
    const azs = plan.instances.filter((i) => i.role === 'consumer').map((i) => i.az)
    expect(azs.slice(0, 4)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1a'])
  })

  test('the namespace batches of the emulator accept the plan', () => {
    const batches = buildNamespaceBatches(plan) as unknown
    expect(JSON.stringify(batches)).toContain(`netns add plh-abc123-${consumerVpcKey(50)}`)
  })

  test('rejects a consumer count out of range', () => {
    expect(() => planScale({ tag: 't', seed: 's', consumerVpcs: 0 })).toThrow(/consumerVpcs/)
    expect(() => planScale({ tag: 't', seed: 's', consumerVpcs: MAX_SCALE_CONSUMERS + 1 })).toThrow(/consumerVpcs/)
  })
})
