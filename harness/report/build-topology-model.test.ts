import { describe, expect, it } from 'vitest'
import { harnessOutputSchema } from '../core/contract.js'
import { buildRelayThreeAzScenario } from '../../test/fixtures/report/relay-three-az.js'
import { buildTopologyModel, subnetOf } from './build-topology-model.js'
import { buildPassingScenario } from './test-fixtures.js'

describe('subnetOf', () => {
  it('is the block of the VPC CIDR, 4 bits longer, that holds the address', () => {
    expect(subnetOf('10.0.0.0/16', '10.0.16.5')).toBe('10.0.16.0/20')
    expect(subnetOf('10.0.0.0/16', '10.0.47.250')).toBe('10.0.32.0/20')
    expect(subnetOf('192.168.4.0/22', '192.168.6.9')).toBe('192.168.6.0/26')
  })
  it('is null for an address outside the VPC or a CIDR that is not IPv4', () => {
    expect(subnetOf('10.0.0.0/16', '10.1.0.5')).toBeNull()
    expect(subnetOf('fd00::/8', '10.0.0.1')).toBeNull()
  })
})

describe('buildTopologyModel', () => {
  const relay = buildRelayThreeAzScenario()
  const model = buildTopologyModel(harnessOutputSchema.parse(relay.outputs), relay.vars, relay.probes)

  it('gives the relay its four VPCs with their CIDRs, the peerings, and the PrivateLink hop to the outpost', () => {
    expect(model.vpcs.map((v) => [v.role, v.region, v.cidr])).toEqual([
      ['consumer', 'eu-west-2', '10.0.0.0/16'],
      ['outpost', 'eu-west-2', '10.1.0.0/16'],
      ['provider', 'us-east-1', '10.2.0.0/16'],
      ['third', 'eu-west-2', '10.3.0.0/16'],
    ])
    expect(model.peerings).toEqual([
      { a: 'outpost', b: 'provider' },
      { a: 'third', b: 'outpost' },
    ])
    expect(model.privatelink).toEqual({ from: 'consumer', to: 'outpost', crossRegion: false })
    expect(model.vpcs.find((v) => v.role === 'outpost')!.nlbNodes).toEqual(['10.1.16.251', '10.1.32.251', '10.1.48.251'])
  })

  it('puts consumers and ENIs in their AZs with the subnet that holds them', () => {
    const consumer = model.vpcs[0]!
    expect(consumer.azs.map((l) => [l.az, l.subnets, l.items.map((i) => `${i.kind} ${i.ip}`)])).toEqual([
      ['eu-west-2a', ['10.0.16.0/20'], ['consumer 10.0.16.5', 'eni 10.0.16.250']],
      ['eu-west-2b', ['10.0.32.0/20'], ['consumer 10.0.32.5', 'eni 10.0.32.250']],
      ['eu-west-2c', ['10.0.48.0/20'], ['consumer 10.0.48.5', 'eni 10.0.48.250']],
    ])
    expect(model.vpcs[2]!.azs.flatMap((l) => l.items.map((i) => i.kind))).toEqual(['target', 'target', 'target'])
  })

  it('draws a path per consumer and name to the ENIs its answers came from; a path with failed requests goes to the ENI its name means', () => {
    expect(model.paths).toHaveLength(12)
    const failed = model.paths.filter((p) => p.failed)
    expect(failed.map((p) => [p.name, p.enis, `${p.ok}/${p.samples}`])).toEqual([
      ['zonal eu-west-2c', ['10.0.48.250'], '0/5'],
      ['zonal eu-west-2c', ['10.0.48.250'], '0/5'],
      ['zonal eu-west-2c', ['10.0.48.250'], '0/5'],
    ])
    const regional = model.paths.find((p) => p.consumer === 'i-0c0ffee00000002a' && p.name === 'regional')!
    expect(regional.enis).toEqual(['10.0.32.250'])
  })

  it('keeps the provider VPC for a same-region fixture, with the NLB in it and the hop flagged cross-region when it is', () => {
    const s = buildPassingScenario()
    const out = harnessOutputSchema.parse(s.outputs)
    const crossRegion = { ...out, endpoints: [{ ...out.endpoints[0]!, region: 'eu-west-2', service_region: 'us-east-1' }] }
    const m = buildTopologyModel(crossRegion, { consumer_cidr: '10.0.0.0/16', producer_cidr: '10.0.0.0/16' }, s.probes)
    expect(m.vpcs.map((v) => v.role)).toEqual(['consumer', 'provider'])
    expect(m.vpcs[1]!.nlbNodes).toEqual(['10.0.1.17', '10.0.2.44'])
    expect(m.privatelink).toEqual({ from: 'consumer', to: 'provider', crossRegion: true })
    expect(m.peerings).toEqual([])
  })
})
