import { describe, expect, it } from 'vitest'
import { planTopology } from '../topology/plan-topology.js'
import { CROSS_AZ_RTT_MS, PRIVATELINK_HOP_RTT_MS, SAME_AZ_RTT_MS } from './latency-model.js'
import { modelPathRtt, modelStartTransferMs, serviceNodeAz } from './path-model.js'

const common = { az_count: 2, listener_ports: [80], acceptance_required: false, allowed_principals: [], cross_zone_load_balancing: true, endpoint_ingress_cidrs: [], producer_account_id: '111111111111', consumer_account_id: '222222222222' }
const plan = (topology: string, vars: Record<string, unknown>) => planTopology(topology, { vars, tag: 'abc123', seed: 'seed', source: 'x' })
const native = plan('native-cross-region', { ...common, service_region: 'us-east-1', consumer_region: 'eu-west-2', producer_cidr: '10.0.0.0/16', consumer_cidr: '10.0.0.0/16' })
const consumerA = native.instances.find((i) => i.role === 'consumer' && i.az === 'eu-west-2a')!

describe('path model', () => {
  it('maps the i-th consumer AZ to the i-th service AZ across regions', () => {
    const endpoint = native.endpoints[0]!
    expect(serviceNodeAz(native, endpoint, 'eu-west-2a')).toBe('us-east-1a')
    expect(serviceNodeAz(native, endpoint, 'eu-west-2b')).toBe('us-east-1b')
  })

  it('sums consumer→ENI, the PrivateLink hop, the inter-region round trip and the NLB→target leg, averaged over cross-zone targets', () => {
    const zonalA = native.endpoints[0]!.zonal.find((z) => z.az === 'eu-west-2a')!.dns
    const nlbLeg = (SAME_AZ_RTT_MS + CROSS_AZ_RTT_MS) / 2
    expect(modelPathRtt(native, consumerA, zonalA)!.rttMs).toBeCloseTo(SAME_AZ_RTT_MS + PRIVATELINK_HOP_RTT_MS + 76 + nlbLeg, 9)
    const zonalB = native.endpoints[0]!.zonal.find((z) => z.az === 'eu-west-2b')!.dns
    expect(modelPathRtt(native, consumerA, zonalB)!.rttMs).toBeCloseTo(CROSS_AZ_RTT_MS + PRIVATELINK_HOP_RTT_MS + 76 + nlbLeg, 9)
    // HTTP: handshake + request = two round trips before the first byte
    expect(modelStartTransferMs(native, consumerA, zonalA, 80, 'http')).toBeCloseTo(2 * (SAME_AZ_RTT_MS + PRIVATELINK_HOP_RTT_MS + 76 + nlbLeg), 9)
  })

  it('follows the private zone CNAME and counts the TLS handshake only on the TLS listener', () => {
    const tls = plan('tls-via-cname', { ...common, region: 'us-east-1', producer_cidr: '10.0.0.0/16', consumer_cidr: '10.0.0.0/16', zone_name: 'example.com', tls_record_name: 'consumer-link', tls_port: 443 })
    const consumer = tls.instances.find((i) => i.role === 'consumer')!
    const rtt = modelPathRtt(tls, consumer, 'consumer-link.example.com')!.rttMs
    expect(modelStartTransferMs(tls, consumer, 'consumer-link.example.com', 443, 'https')).toBeCloseTo(3 * rtt, 9)
    expect(modelStartTransferMs(tls, consumer, 'consumer-link.example.com', 80, 'http')).toBeCloseTo(2 * rtt, 9)
  })

  it('puts the inter-region round trip on the relay NLB → provider leg, and models the third VPC → outpost NLB path', () => {
    const relay = plan('peered-outpost-relay', { ...common, provider_region: 'us-east-1', consumer_region: 'eu-west-2', provider_cidr: '10.0.0.0/16', outpost_cidr: '10.1.0.0/16', consumer_cidr: '10.0.0.0/16', third_vpc: true, third_vpc_cidr: '10.2.0.0/16' })
    const consumer = relay.instances.find((i) => i.role === 'consumer' && i.az === 'eu-west-2a')!
    const zonalA = relay.endpoints[0]!.zonal.find((z) => z.az === 'eu-west-2a')!.dns
    expect(modelPathRtt(relay, consumer, zonalA)!.rttMs).toBeCloseTo(SAME_AZ_RTT_MS + PRIVATELINK_HOP_RTT_MS + 76, 9)
    const bystander = relay.instances.find((i) => i.role === 'bystander')!
    expect(modelPathRtt(relay, bystander, relay.nlbs[0]!.nodes[0]!.ip)!.rttMs).toBeCloseTo(CROSS_AZ_RTT_MS + 76, 9)
    // the provider's own addresses are not a path the emulator carries for the third VPC
    expect(modelPathRtt(relay, bystander, relay.instances.find((i) => i.role === 'producer')!.ip)).toBeUndefined()
  })

  it('has no model for a name that does not resolve', () => {
    expect(modelPathRtt(native, consumerA, 'nowhere.example.com')).toBeUndefined()
  })
})
