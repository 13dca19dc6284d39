// The same-region cross-account topology, planned from the fixture's variables: producer VPC
// (account A) with a web service on one instance per AZ behind an NLB and an endpoint service;
// consumer VPC (account B, CIDR free to overlap) with an interface endpoint and consumers.
import { z } from 'zod'
import { endpointDnsRecords } from './build-privatelink.js'
import { buildTwoVpcTopology } from './build-sides.js'
import type { PlannerInput, TopologyPlan } from './plan-types.js'
import { commonVars, readVars, regionVar, twoVpcVars } from './topology-vars.js'

const varsSchema = z.object({ ...commonVars, ...twoVpcVars, region: regionVar })

/** Plans the topology; `source` names the input in error messages (the scenario file). */
export function planSameRegionCrossAccount(input: PlannerInput): TopologyPlan {
  const v = readVars(varsSchema, input.vars, input.source)
  const built = buildTwoVpcTopology({ planner: input, v, serviceRegion: v.region, consumerRegion: v.region })
  return {
    topology: 'same-region-cross-account',
    ...built,
    peerings: [],
    dns: { prod: [], cons: endpointDnsRecords(built.endpoints[0]!) },
    hostnames: {},
    assumptions: [],
  }
}
