// The pre-2024 inter-region workaround: the provider VPC in provider_region is peered with an
// "outpost" VPC in consumer_region; the outpost's NLB has the provider instances as IP targets
// across the peering, and the endpoint service lives on that NLB. The consumer uses an ordinary
// same-region endpoint. An optional third VPC peers with the outpost only (non-transitivity).
import { z } from 'zod'
import { CROSS_AZ_RTT_MS } from '../latency/latency-model.js'
import { buildInstances, endpointDnsRecords } from './build-privatelink.js'
import { awsApplyError, buildConsumerSide, buildProviderSide } from './build-sides.js'
import { buildVpc } from './build-vpc.js'
import { cidrsOverlap, type Cidr } from './cidr.js'
import { createIdSource } from './ids.js'
import { requireKnownPair } from './plan-native-cross-region.js'
import type { PeeringPlan, PlannerInput, TopologyPlan, VpcPlan } from './plan-types.js'
import { accountVars, azNames, commonVars, readVars, regionVar, vpcCidr } from './topology-vars.js'

const varsSchema = z.object({
  ...commonVars,
  provider_region: regionVar,
  consumer_region: regionVar,
  provider_cidr: z.string(),
  outpost_cidr: z.string(),
  consumer_cidr: z.string(),
  third_vpc: z.boolean(),
  third_vpc_cidr: z.string(),
  ...accountVars,
})

/** A peering between two VPCs; AWS fails it when their CIDRs overlap (the apply fails). */
function peer(id: string, a: { vpc: VpcPlan; cidr: Cidr; routes: string[] }, b: { vpc: VpcPlan; cidr: Cidr; routes: string[] }, rttMs: number): PeeringPlan {
  if (cidrsOverlap(a.cidr, b.cidr)) {
    throw awsApplyError('VpcPeeringConnectionFailed', `VPC peering connection ${id} between ${a.vpc.key} (${a.cidr.text}) and ${b.vpc.key} (${b.cidr.text}) failed: Overlapping CIDR range`)
  }
  return { id, a: a.vpc.key, b: b.vpc.key, aRoutes: a.routes, bRoutes: b.routes, rttMs }
}

export function planPeeredOutpostRelay(input: PlannerInput): TopologyPlan {
  const v = readVars(varsSchema, input.vars, input.source)
  const pairRtt = requireKnownPair(input.source, 'consumer_region', v.provider_region, v.consumer_region)
  const ids = createIdSource(input.seed)
  const providerAzs = azNames(v.provider_region, v.az_count)
  const localAzs = azNames(v.consumer_region, v.az_count)
  const cidrs = {
    provider: vpcCidr(input.source, 'provider_cidr', v.provider_cidr),
    outpost: vpcCidr(input.source, 'outpost_cidr', v.outpost_cidr),
    consumer: vpcCidr(input.source, 'consumer_cidr', v.consumer_cidr),
    third: vpcCidr(input.source, 'third_vpc_cidr', v.third_vpc_cidr),
  }
  const providerVpc = buildVpc({ key: 'prov', tag: input.tag, cidr: cidrs.provider, region: v.provider_region, account: v.producer_account_id, azs: providerAzs })
  const outpostVpc = buildVpc({ key: 'outp', tag: input.tag, cidr: cidrs.outpost, region: v.consumer_region, account: v.producer_account_id, azs: localAzs })
  const consumerVpc = buildVpc({ key: 'cons', tag: input.tag, cidr: cidrs.consumer, region: v.consumer_region, account: v.consumer_account_id, azs: localAzs })
  // as the fixture does, the third VPC and the provider route to each other through the outpost's
  // peerings, and the provider admits the third VPC: only non-transitivity stops that traffic
  const third = v.third_vpc ? [cidrs.third.text] : []
  const peerings = [peer(`pcx-${ids.hex(17)}`, { vpc: providerVpc, cidr: cidrs.provider, routes: [cidrs.outpost.text, ...third] }, { vpc: outpostVpc, cidr: cidrs.outpost, routes: [cidrs.provider.text] }, pairRtt)]
  const vpcs = [providerVpc, outpostVpc, consumerVpc]
  const { producers, nlb, service } = buildProviderSide({
    ids,
    tag: input.tag,
    targetVpc: providerVpc,
    nlbVpc: outpostVpc,
    targetAzs: providerAzs,
    nlbAzs: localAzs,
    ports: v.listener_ports,
    // IP targets in another region sit in no AZ of the NLB's: only cross-zone spreading reaches them
    crossZone: true,
    extraIngressCidrs: third,
    acceptanceRequired: v.acceptance_required,
    allowedPrincipals: v.allowed_principals,
  })
  const { consumers, endpoint } = buildConsumerSide({ ids, tag: input.tag, vpc: consumerVpc, azs: localAzs, service, ports: v.listener_ports, ingressCidrs: v.endpoint_ingress_cidrs, source: input.source })
  const instances = [...producers, ...consumers]
  if (v.third_vpc) {
    const thirdVpc = buildVpc({ key: 'third', tag: input.tag, cidr: cidrs.third, region: v.consumer_region, account: v.producer_account_id, azs: localAzs })
    peerings.push(peer(`pcx-${ids.hex(17)}`, { vpc: outpostVpc, cidr: cidrs.outpost, routes: third }, { vpc: thirdVpc, cidr: cidrs.third, routes: [cidrs.outpost.text, cidrs.provider.text] }, CROSS_AZ_RTT_MS))
    vpcs.push(thirdVpc)
    instances.push(...buildInstances({ ids, tag: input.tag, vpc: thirdVpc, azs: localAzs.slice(0, 1), role: 'bystander', servicePorts: [], ingress: [] }))
  }
  return {
    topology: 'peered-outpost-relay',
    vpcs,
    instances,
    nlbs: [nlb],
    services: [service],
    endpoints: [endpoint],
    peerings,
    dns: { cons: endpointDnsRecords(endpoint) },
    hostnames: {},
    assumptions: ['the outpost NLB spreads connections across every provider target (IP targets in another region belong to no AZ of the NLB)'],
  }
}
