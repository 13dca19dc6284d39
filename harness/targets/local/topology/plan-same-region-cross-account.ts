// The same-region cross-account topology, planned from the fixture's variables: producer VPC
// (account A) with a web service on one instance per AZ behind an NLB and an endpoint service;
// consumer VPC (account B, CIDR free to overlap) with an interface endpoint and consumers.
import { z } from 'zod'
import { endpointDnsRecords } from './build-privatelink.js'
import { buildConsumerSide, buildProviderSide } from './build-sides.js'
import { buildVpc } from './build-vpc.js'
import { createIdSource } from './ids.js'
import type { PlannerInput, TopologyPlan } from './plan-types.js'
import { accountVar, azNames, commonVars, readVars, regionVar, vpcCidr } from './topology-vars.js'

const varsSchema = z.object({
  ...commonVars,
  region: regionVar,
  producer_cidr: z.string(),
  consumer_cidr: z.string(),
  producer_account_id: accountVar.nullable().transform((v) => v ?? '111111111111'),
  consumer_account_id: accountVar.nullable().transform((v) => v ?? '222222222222'),
})

/** Plans the topology; `source` names the input in error messages (the scenario file). */
export function planSameRegionCrossAccount(input: PlannerInput): TopologyPlan {
  const v = readVars(varsSchema, input.vars, input.source)
  const ids = createIdSource(input.seed)
  const azs = azNames(v.region, v.az_count)
  const producerVpc = buildVpc({ key: 'prod', tag: input.tag, cidr: vpcCidr(input.source, 'producer_cidr', v.producer_cidr), region: v.region, account: v.producer_account_id, azs })
  const consumerVpc = buildVpc({ key: 'cons', tag: input.tag, cidr: vpcCidr(input.source, 'consumer_cidr', v.consumer_cidr), region: v.region, account: v.consumer_account_id, azs })
  const { producers, nlb, service } = buildProviderSide({
    ids,
    tag: input.tag,
    targetVpc: producerVpc,
    nlbVpc: producerVpc,
    targetAzs: azs,
    nlbAzs: azs,
    ports: v.listener_ports,
    crossZone: v.cross_zone_load_balancing,
    acceptanceRequired: v.acceptance_required,
    allowedPrincipals: v.allowed_principals,
  })
  const { consumers, endpoint } = buildConsumerSide({ ids, tag: input.tag, vpc: consumerVpc, azs, service, ports: v.listener_ports, ingressCidrs: v.endpoint_ingress_cidrs, source: input.source })
  return {
    topology: 'same-region-cross-account',
    vpcs: [producerVpc, consumerVpc],
    instances: [...producers, ...consumers],
    nlbs: [nlb],
    services: [service],
    endpoints: [endpoint],
    peerings: [],
    dns: { prod: [], cons: endpointDnsRecords(endpoint) },
    hostnames: {},
    assumptions: [],
  }
}
