import { describe, expect, it } from 'vitest'
import { InputError } from '../../../core/errors.js'
import { buildNamespaceBatches, forwardingFabrics } from '../netns/ip-batches.js'
import { planTopology } from './plan-topology.js'

const common = {
  az_count: 2,
  listener_ports: [80],
  acceptance_required: false,
  allowed_principals: [],
  cross_zone_load_balancing: true,
  endpoint_ingress_cidrs: [],
  producer_account_id: '111111111111',
  consumer_account_id: '222222222222',
}
const native = { ...common, service_region: 'us-east-1', consumer_region: 'eu-west-2', producer_cidr: '10.0.0.0/16', consumer_cidr: '10.0.0.0/16' }
const relay = {
  ...common,
  provider_region: 'us-east-1',
  consumer_region: 'eu-west-2',
  provider_cidr: '10.0.0.0/16',
  outpost_cidr: '10.1.0.0/16',
  consumer_cidr: '10.0.0.0/16',
  third_vpc: false,
  third_vpc_cidr: '10.2.0.0/16',
}
const tls = { ...common, region: 'us-east-1', producer_cidr: '10.0.0.0/16', consumer_cidr: '10.0.0.0/16', zone_name: 'example.com', tls_record_name: 'consumer-link', tls_port: 443 }

const plan = (topology: string, vars: Record<string, unknown>) => planTopology(topology, { vars, tag: 'abc123', seed: 'seed', source: 'scenarios/x.scenario.ts' })

describe('native-cross-region plan', () => {
  it('puts the service in service_region and the endpoint in consumer_region, naming service_region', () => {
    const p = plan('native-cross-region', native)
    const [service] = p.services
    const [endpoint] = p.endpoints
    expect(service!.region).toBe('us-east-1')
    expect(service!.supportedRegions).toEqual(['us-east-1', 'eu-west-2'])
    expect(endpoint!.region).toBe('eu-west-2')
    expect(endpoint!.serviceRegion).toBe('us-east-1')
    expect(endpoint!.zonal.map((z) => z.az)).toEqual(['eu-west-2a', 'eu-west-2b'])
    expect(endpoint!.regionalDns).toMatch(/^vpce-[0-9a-f]{17}-[a-z0-9]{8}\.vpce-svc-[0-9a-f]{17}\.eu-west-2\.vpce\.amazonaws\.com$/)
    expect(p.instances.filter((i) => i.role === 'consumer').map((i) => i.region)).toEqual(['eu-west-2', 'eu-west-2'])
    expect(p.assumptions.length).toBeGreaterThan(0)
  })

  it('fails the apply as AWS does when the service does not list the consumer region', () => {
    expect(() => plan('native-cross-region', { ...native, support_consumer_region: false })).toThrow(/^InvalidServiceName: .*does not exist in eu-west-2/)
  })

  it('rejects the same region for both sides and a region pair the model has no figure for, naming the variable', () => {
    expect(() => plan('native-cross-region', { ...native, consumer_region: 'us-east-1' })).toThrow(InputError)
    expect(() => plan('native-cross-region', { ...native, consumer_region: 'ap-south-1' })).toThrow(/vars\.consumer_region: the latency model has no round-trip figure/)
    expect(() => plan('native-cross-region', { ...native, az_count: 1 })).toThrow(/vars\.az_count: a cross-region endpoint service needs at least 2 AZs/)
  })
})

describe('peered-outpost-relay plan', () => {
  it('peers provider and outpost across regions, routes both ways, and targets the provider from the outpost NLB', () => {
    const p = plan('peered-outpost-relay', relay)
    expect(p.vpcs.map((v) => [v.key, v.region, v.cidr])).toEqual([
      ['prov', 'us-east-1', '10.0.0.0/16'],
      ['outp', 'eu-west-2', '10.1.0.0/16'],
      ['cons', 'eu-west-2', '10.0.0.0/16'],
    ])
    expect(p.peerings).toEqual([{ id: expect.stringMatching(/^pcx-[0-9a-f]{17}$/), a: 'prov', b: 'outp', aRoutes: ['10.1.0.0/16'], bRoutes: ['10.0.0.0/16'], rttMs: 76 }])
    const [nlb] = p.nlbs
    expect(nlb!.vpc).toBe('outp')
    expect(nlb!.targets.every((t) => t.vpc === 'prov')).toBe(true)
    expect(p.services[0]!.region).toBe('eu-west-2')
    expect(p.instances.filter((i) => i.role === 'producer').every((i) => i.ingress.some((r) => r.cidr === '10.1.0.0/16'))).toBe(true)
    expect(forwardingFabrics(p)).toEqual(['plh-abc123-prov', 'plh-abc123-outp'])
  })

  it('adds a third VPC peered with the outpost only, with routes to the provider that only non-transitivity stops', () => {
    const p = plan('peered-outpost-relay', { ...relay, third_vpc: true })
    expect(p.peerings[0]!.aRoutes).toEqual(['10.1.0.0/16', '10.2.0.0/16'])
    expect(p.peerings[1]).toMatchObject({ a: 'outp', b: 'third', aRoutes: ['10.2.0.0/16'], bRoutes: ['10.1.0.0/16', '10.0.0.0/16'] })
    expect(p.instances.filter((i) => i.role === 'bystander').map((i) => i.vpc)).toEqual(['third'])
    expect(p.instances.filter((i) => i.role === 'producer').every((i) => i.ingress.some((r) => r.cidr === '10.2.0.0/16'))).toBe(true)
    const batches = buildNamespaceBatches(p)
    expect(batches.peeringRequesters[1]).toEqual({
      ns: 'plh-abc123-outp',
      lines: ['link add pcx1 type veth peer name pcx1 netns plh-abc123-third', 'addr add 169.254.0.5/30 dev pcx1', 'link set pcx1 up', 'route add 10.2.0.0/16 via 169.254.0.6 dev pcx1'],
    })
    expect(batches.peeringAccepters[1]!.lines).toContain('route add 10.0.0.0/16 via 169.254.0.5 dev pcx1')
  })

  it('fails the apply on overlapping peering CIDRs (the provider and the outpost; the outpost and the third VPC)', () => {
    expect(() => plan('peered-outpost-relay', { ...relay, outpost_cidr: '10.0.0.0/16' })).toThrow(/^VpcPeeringConnectionFailed: .*Overlapping CIDR range/)
    expect(() => plan('peered-outpost-relay', { ...relay, third_vpc: true, third_vpc_cidr: '10.1.0.0/16' })).toThrow(/Overlapping CIDR range/)
    // the third VPC is not peered with the provider: sharing its CIDR is allowed
    expect(() => plan('peered-outpost-relay', { ...relay, third_vpc: true, third_vpc_cidr: '10.0.0.0/16' })).not.toThrow()
  })
})

describe('tls-via-cname plan', () => {
  it('adds a TLS listener for the friendly name and a CNAME to the regional name in the consumer VPC', () => {
    const p = plan('tls-via-cname', tls)
    const [nlb] = p.nlbs
    expect(nlb!.listenerPorts).toEqual([80, 443])
    expect(nlb!.tlsListeners).toEqual([{ port: 443, targetPort: 80, serverName: 'consumer-link.example.com' }])
    expect(p.endpoints[0]!.ports).toEqual([80, 443])
    expect(p.hostnames).toEqual({ tls: 'consumer-link.example.com' })
    expect(p.dns['cons']).toContainEqual({ name: 'consumer-link.example.com', cname: p.endpoints[0]!.regionalDns })
  })

  it('refuses a TLS port that is also a plain listener port, naming tls_port', () => {
    expect(() => plan('tls-via-cname', { ...tls, tls_port: 80 })).toThrow(/vars\.tls_port: 80 is also in listener_ports/)
  })
})

describe('same-region-cross-account plan', () => {
  it('refuses a principal the service does not allow, as CreateVpcEndpoint does', () => {
    const vars = { ...common, region: 'us-east-1', producer_cidr: '10.0.0.0/16', consumer_cidr: '10.0.0.0/16', allowed_principals: ['arn:aws:iam::999999999999:root'] }
    expect(() => plan('same-region-cross-account', vars)).toThrow(/^InvalidServiceName/)
    expect(() => plan('same-region-cross-account', { ...vars, allowed_principals: ['arn:aws:iam::222222222222:root'] })).not.toThrow()
  })
})
