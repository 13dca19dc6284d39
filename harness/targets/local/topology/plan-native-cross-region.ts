// Native cross-region PrivateLink: the producer VPC, NLB and endpoint service in service_region
// list consumer_region in supported_regions; the consumer VPC in consumer_region has an interface
// endpoint that names service_region. The PrivateLink hop carries the inter-region round trip.
import { z } from 'zod'
import { INTER_REGION_RTT_MS, interRegionRttMs } from '../latency/latency-model.js'
import { endpointDnsRecords } from './build-privatelink.js'
import { buildTwoVpcTopology } from './build-sides.js'
import type { PlannerInput, TopologyPlan } from './plan-types.js'
import { commonVars, fail, readVars, regionVar, twoVpcVars } from './topology-vars.js'

const varsSchema = z.object({
  ...commonVars,
  ...twoVpcVars,
  az_count: commonVars.az_count.refine((n) => n >= 2, 'a cross-region endpoint service needs at least 2 AZs'),
  service_region: regionVar,
  consumer_region: regionVar,
  support_consumer_region: z.boolean().default(true),
})

/** What the emulator assumes where AWS's documentation is silent (stated in results and docs). */
export const CROSS_REGION_ASSUMPTIONS = [
  'cross-region endpoints get zonal DNS names for the consumer\'s AZs, in the same format as same-region ones, and the names carry the endpoint\'s (consumer\'s) region',
  'the i-th consumer AZ reaches the NLB node of the i-th service AZ',
  'an endpoint created from a region the service does not list fails with InvalidServiceName',
]

/** Checks that the latency model knows the region pair, naming the variable when not. */
export function requireKnownPair(source: string, variable: string, a: string, b: string): number {
  try {
    return interRegionRttMs(a, b)
  } catch {
    return fail(source, variable, `the latency model has no round-trip figure for ${a} and ${b}; known pairs: ${Object.keys(INTER_REGION_RTT_MS).join(', ')}`)
  }
}

export function planNativeCrossRegion(input: PlannerInput): TopologyPlan {
  const v = readVars(varsSchema, input.vars, input.source)
  if (v.consumer_region === v.service_region) fail(input.source, 'consumer_region', `must differ from service_region (${v.service_region}): this fixture is about cross-region PrivateLink`)
  requireKnownPair(input.source, 'consumer_region', v.service_region, v.consumer_region)
  const built = buildTwoVpcTopology({
    planner: input,
    v,
    serviceRegion: v.service_region,
    consumerRegion: v.consumer_region,
    supportedRegions: v.support_consumer_region ? [v.service_region, v.consumer_region] : [v.service_region],
  })
  return {
    topology: 'native-cross-region',
    ...built,
    peerings: [],
    dns: { prod: [], cons: endpointDnsRecords(built.endpoints[0]!) },
    hostnames: {},
    assumptions: CROSS_REGION_ASSUMPTIONS,
  }
}
