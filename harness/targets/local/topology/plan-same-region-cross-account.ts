// The same-region cross-account topology, planned from the fixture's variables: producer VPC
// (account A) with a web service on one instance per AZ behind an NLB and an endpoint service;
// consumer VPC (account B, CIDR free to overlap) with an interface endpoint and consumers.
import { z } from 'zod'
import { InputError } from '../../../core/errors.js'
import { buildEndpoint, buildInstances, buildNlb, buildService, endpointDnsRecords, principalAllowed } from './build-privatelink.js'
import { buildVpc } from './build-vpc.js'
import { parseCidr } from './cidr.js'
import { createIdSource } from './ids.js'
import type { TopologyPlan } from './plan-types.js'
import { accountVar, azNames, portsVar, readVars, regionVar, vpcCidr } from './topology-vars.js'

const varsSchema = z.object({
  region: regionVar,
  producer_account_id: accountVar.nullable().transform((v) => v ?? '111111111111'),
  consumer_account_id: accountVar.nullable().transform((v) => v ?? '222222222222'),
  producer_cidr: z.string(),
  consumer_cidr: z.string(),
  az_count: z.number().int().min(1).max(3, 'the emulator offers at most 3 AZs per region'),
  listener_ports: portsVar,
  acceptance_required: z.boolean(),
  allowed_principals: z.array(z.string()),
  cross_zone_load_balancing: z.boolean(),
  endpoint_ingress_cidrs: z.array(z.string()),
})

/** Plans the topology; `source` names the input in error messages (the scenario file). */
export function planSameRegionCrossAccount(input: { vars: Record<string, unknown>; tag: string; seed: string; source: string }): TopologyPlan {
  const v = readVars(varsSchema, input.vars, input.source)
  const ids = createIdSource(input.seed)
  const azs = azNames(v.region, v.az_count)
  const producerVpc = buildVpc({ key: 'prod', tag: input.tag, cidr: vpcCidr(input.source, 'producer_cidr', v.producer_cidr), region: v.region, account: v.producer_account_id, azs })
  const consumerVpc = buildVpc({ key: 'cons', tag: input.tag, cidr: vpcCidr(input.source, 'consumer_cidr', v.consumer_cidr), region: v.region, account: v.consumer_account_id, azs })
  v.endpoint_ingress_cidrs.forEach((c, i) => {
    const parsed = parseCidr(c)
    if ('error' in parsed) throw new InputError(input.source, `vars.endpoint_ingress_cidrs[${i}]`, parsed.error)
  })

  const producers = buildInstances({ ids, tag: input.tag, vpc: producerVpc, azs, role: 'producer', servicePorts: v.listener_ports, ingress: [{ cidr: producerVpc.cidr, ports: v.listener_ports }] })
  const consumers = buildInstances({ ids, tag: input.tag, vpc: consumerVpc, azs, role: 'consumer', servicePorts: [], ingress: [], startIndex: 1 })
  const nlb = buildNlb({
    key: 'nlb',
    vpc: producerVpc,
    azs,
    ports: v.listener_ports,
    crossZone: v.cross_zone_load_balancing,
    targets: producers.map((p) => ({ instanceId: p.id, ip: p.ip, az: p.az, vpc: producerVpc.key })),
  })
  const service = buildService({ ids, nlb, acceptanceRequired: v.acceptance_required, allowedPrincipals: v.allowed_principals })
  if (!principalAllowed(service, v.consumer_account_id)) {
    // AWS does not reveal a service to a principal it does not allow: CreateVpcEndpoint fails so.
    throw Object.assign(new Error(`InvalidServiceName: The Vpc Endpoint Service '${service.name}' does not exist`), { code: 'InvalidServiceName' })
  }
  const endpoint = buildEndpoint({ ids, vpc: consumerVpc, service, azs, ports: v.listener_ports, ingressCidrs: v.endpoint_ingress_cidrs })
  return {
    topology: 'same-region-cross-account',
    vpcs: [producerVpc, consumerVpc],
    instances: [...producers, ...consumers],
    nlbs: [nlb],
    services: [service],
    endpoints: [endpoint],
    dns: { prod: [], cons: endpointDnsRecords(endpoint) },
    hostnames: {},
  }
}
