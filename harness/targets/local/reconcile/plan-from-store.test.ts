import { describe, expect, it } from 'vitest'
import { planFromStore, rulePorts, zonalAz } from './plan-from-store.js'
import { azName, sameRegionRecords } from './test-records.js'

describe('planFromStore', () => {
  it('builds the same-region data plane from the records', () => {
    const { plan, waiting } = planFromStore({ records: sameRegionRecords(), tag: 't1' })
    expect(waiting).toEqual([])
    expect(plan.vpcs.map((v) => [v.key, v.ns, v.cidr, v.routerIp, v.resolverIp])).toEqual([
      ['vpc-p', 'plh-t1-vpc-p', '10.0.0.0/16', '10.0.0.1', '10.0.0.2'],
      ['vpc-c', 'plh-t1-vpc-c', '10.0.0.0/16', '10.0.0.1', '10.0.0.2'],
    ])
    const producers = plan.instances.filter((i) => i.role === 'producer')
    expect(producers.map((p) => [p.id, p.servicePorts, p.ingress])).toEqual([
      ['i-p1', [80], [{ cidr: '10.0.0.0/16', ports: [80] }]],
      ['i-p2', [80], [{ cidr: '10.0.0.0/16', ports: [80] }]],
    ])
    expect(plan.nlbs).toEqual([
      expect.objectContaining({ vpc: 'vpc-p', listenerPorts: [80], crossZone: false, nodes: [{ az: 'use1-az1', ip: '10.0.0.5' }, { az: 'use1-az2', ip: '10.0.16.5' }] }),
    ])
    expect(plan.nlbs[0]!.targets.map((t) => t.instanceId)).toEqual(['i-p1', 'i-p2'])
    expect(plan.endpoints).toEqual([
      expect.objectContaining({
        id: 'vpce-1',
        vpc: 'vpc-c',
        enis: [{ az: 'use1-az2', ip: '10.0.0.5' }],
        regionalDns: 'vpce-1-abcdefgh.vpce-svc-1.us-east-1.vpce.amazonaws.com',
        zonal: [{ az: 'use1-az2', dns: `vpce-1-abcdefgh-${azName('222222222222', 'use1-az2')}.vpce-svc-1.us-east-1.vpce.amazonaws.com` }],
        ingressCidrs: ['10.0.0.0/16'],
        ports: [80],
        initialState: 'available',
      }),
    ])
    expect(plan.dns['vpc-c']!.map((r) => r.name)).toEqual([plan.endpoints[0]!.regionalDns, plan.endpoints[0]!.zonal[0]!.dns])
  })

  it('names zones by id in the data plane, whatever each account calls them', () => {
    // the consumer's name for use1-az1 differs from the producer's: the shuffle is per account
    expect(azName('222222222222', 'use1-az2')).not.toBe(azName('111111111111', 'use1-az2'))
    const { plan } = planFromStore({ records: sameRegionRecords(), tag: 't1' })
    expect(plan.instances.map((i) => i.az)).toEqual(['use1-az1', 'use1-az2', 'use1-az2'])
  })

  it('leaves out what is not usable yet, and says why', () => {
    const records = sameRegionRecords().map((r) => (r.type === 'load-balancer' ? { ...r, data: { ...r.data, State: { Code: 'provisioning' } } } : r))
    const { plan, waiting } = planFromStore({ records, tag: 't1' })
    expect(plan.nlbs).toEqual([])
    expect(plan.endpoints).toEqual([])
    expect(waiting).toEqual(['plh-a is provisioning', 'vpce-svc-1 waits for an active NLB', 'vpce-1 waits for its service com.amazonaws.vpce.us-east-1.vpce-svc-1'])
  })

  it('keeps a pending endpoint pending, and drops listener ports its security group refuses', () => {
    const records = sameRegionRecords({ endpointState: 'pendingAcceptance' }).map((r) => (r.id === 'sgr-2' ? { ...r, data: { ...r.data, FromPort: 443, ToPort: 443 } } : r))
    const [endpoint] = planFromStore({ records, tag: 't1' }).plan.endpoints
    expect(endpoint!.initialState).toBe('pendingAcceptance')
    expect(endpoint!.ports).toEqual([])
  })

  it('keeps an endpoint that EC2 shows `pending` (between pendingAcceptance and available) with the same structure, not yet available', () => {
    const structureOf = (state: string) => {
      const [endpoint] = planFromStore({ records: sameRegionRecords({ endpointState: state }), tag: 't1' }).plan.endpoints
      return endpoint
    }
    expect(structureOf('pending')).toEqual(structureOf('pendingAcceptance'))
    expect(structureOf('pending')!.initialState).toBe('pendingAcceptance')
    expect(structureOf('available')!.initialState).toBe('available')
  })

  it('reads zonal names and port ranges as AWS writes them', () => {
    expect(zonalAz('vpce-0a-abcdefgh-eu-west-2b.vpce-svc-0b.eu-west-2.vpce.amazonaws.com', 'eu-west-2')).toBe('eu-west-2b')
    expect(zonalAz('vpce-0a-abcdefgh.vpce-svc-0b.eu-west-2.vpce.amazonaws.com', 'eu-west-2')).toBeUndefined()
    expect(rulePorts({ IpProtocol: 'tcp', FromPort: 80, ToPort: 81 })).toEqual([80, 81])
    expect(rulePorts({ IpProtocol: 'tcp', FromPort: 1024, ToPort: 65535 })).toEqual(['1024-65535'])
    expect(rulePorts({ IpProtocol: '-1' })).toEqual(['0-65535'])
  })
})
