// The two halves every PrivateLink topology is made of: the provider side (service instances,
// the NLB in front of them, the endpoint service) and the consumer side (consumer instances and
// an interface endpoint). Planners differ only in where the halves sit and how they are joined.
import { InputError } from '../../../core/errors.js'
import { buildEndpoint, buildInstances, buildNlb, buildService, principalAllowed } from './build-privatelink.js'
import { buildVpc } from './build-vpc.js'
import { parseCidr } from './cidr.js'
import { createIdSource } from './ids.js'
import type { EndpointPlan, InstancePlan, NlbPlan, ServicePlan, VpcPlan } from './plan-types.js'

import { azNames, vpcCidr } from './topology-vars.js'

type Ids = ReturnType<typeof createIdSource>

/** An error AWS itself gives at apply time (the local target reports it as a failed apply). */
export function awsApplyError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code })
}

/** Service instances in `targetVpc`, an NLB in `nlbVpc` (the same VPC, or the relay's outpost) and its endpoint service. */
export function buildProviderSide(input: {
  ids: Ids
  tag: string
  targetVpc: VpcPlan
  nlbVpc: VpcPlan
  targetAzs: string[]
  nlbAzs: string[]
  ports: number[]
  tlsListeners?: NlbPlan['tlsListeners']
  crossZone: boolean
  acceptanceRequired: boolean
  allowedPrincipals: string[]
  supportedRegions?: string[]
  /** more sources the service's security group admits (the relay's third VPC) */
  extraIngressCidrs?: string[]
}): { producers: InstancePlan[]; nlb: NlbPlan; service: ServicePlan } {
  // the service's security group admits the NLB's VPC (its nodes are the only sources)
  const producers = buildInstances({
    ids: input.ids,
    tag: input.tag,
    vpc: input.targetVpc,
    azs: input.targetAzs,
    role: 'producer',
    servicePorts: input.ports,
    ingress: [input.nlbVpc.cidr, ...(input.extraIngressCidrs ?? [])].map((cidr) => ({ cidr, ports: input.ports })),
  })
  const nlb = buildNlb({
    key: 'nlb',
    vpc: input.nlbVpc,
    azs: input.nlbAzs,
    ports: input.ports,
    crossZone: input.crossZone,
    targets: producers.map((p) => ({ instanceId: p.id, ip: p.ip, az: p.az, vpc: input.targetVpc.key })),
    ...(input.tlsListeners ? { tlsListeners: input.tlsListeners } : {}),
  })
  const service = buildService({
    ids: input.ids,
    nlb,
    acceptanceRequired: input.acceptanceRequired,
    allowedPrincipals: input.allowedPrincipals,
    ...(input.supportedRegions ? { supportedRegions: input.supportedRegions } : {}),
  })
  return { producers, nlb, service }
}

/** Consumer instances and the interface endpoint in `vpc`; AWS's refusals become apply errors. */
export function buildConsumerSide(input: {
  ids: Ids
  tag: string
  vpc: VpcPlan
  azs: string[]
  service: ServicePlan
  ports: number[]
  ingressCidrs: string[]
  source: string
}): { consumers: InstancePlan[]; endpoint: EndpointPlan } {
  input.ingressCidrs.forEach((c, i) => {
    const parsed = parseCidr(c)
    if ('error' in parsed) throw new InputError(input.source, `vars.endpoint_ingress_cidrs[${i}]`, parsed.error)
  })
  const consumers = buildInstances({ ids: input.ids, tag: input.tag, vpc: input.vpc, azs: input.azs, role: 'consumer', servicePorts: [], ingress: [], startIndex: 1 })
  if (!principalAllowed(input.service, input.vpc.account)) {
    // AWS does not reveal a service to a principal it does not allow: CreateVpcEndpoint fails so.
    throw awsApplyError('InvalidServiceName', `The Vpc Endpoint Service '${input.service.name}' does not exist`)
  }
  if (!input.service.supportedRegions.includes(input.vpc.region)) {
    // Assumption (AWS documents the settings, not the error text): from a region the service does
    // not list, the service cannot be found, as for a principal it does not allow.
    throw awsApplyError('InvalidServiceName', `The Vpc Endpoint Service '${input.service.name}' does not exist in ${input.vpc.region} (the service's supported_regions: ${input.service.supportedRegions.join(', ')})`)
  }
  const endpoint = buildEndpoint({ ids: input.ids, vpc: input.vpc, service: input.service, azs: input.azs, ports: input.ports, ingressCidrs: input.ingressCidrs })
  return { consumers, endpoint }
}

/** The variables a two-VPC topology (producer VPC, consumer VPC) is built from, after parsing. */
export interface TwoVpcVars {
  az_count: number
  listener_ports: number[]
  acceptance_required: boolean
  allowed_principals: string[]
  cross_zone_load_balancing: boolean
  endpoint_ingress_cidrs: string[]
  producer_cidr: string
  consumer_cidr: string
  producer_account_id: string
  consumer_account_id: string
}

/**
 * A producer VPC (account A) with the service behind its NLB, and a consumer VPC (account B, CIDR
 * free to overlap) with an interface endpoint: same-region, cross-region and TLS topologies differ
 * only in the regions, the supported regions and the TLS listeners.
 */
export function buildTwoVpcTopology(input: {
  planner: { tag: string; seed: string; source: string }
  v: TwoVpcVars
  serviceRegion: string
  consumerRegion: string
  supportedRegions?: string[]
  tlsListeners?: NlbPlan['tlsListeners']
}): { vpcs: VpcPlan[]; instances: InstancePlan[]; nlbs: NlbPlan[]; services: ServicePlan[]; endpoints: EndpointPlan[] } {
  const { planner, v } = input
  const ids = createIdSource(planner.seed)
  const serviceAzs = azNames(input.serviceRegion, v.az_count)
  const consumerAzs = azNames(input.consumerRegion, v.az_count)
  const producerVpc = buildVpc({ key: 'prod', tag: planner.tag, cidr: vpcCidr(planner.source, 'producer_cidr', v.producer_cidr), region: input.serviceRegion, account: v.producer_account_id, azs: serviceAzs })
  const consumerVpc = buildVpc({ key: 'cons', tag: planner.tag, cidr: vpcCidr(planner.source, 'consumer_cidr', v.consumer_cidr), region: input.consumerRegion, account: v.consumer_account_id, azs: consumerAzs })
  const { producers, nlb, service } = buildProviderSide({
    ids,
    tag: planner.tag,
    targetVpc: producerVpc,
    nlbVpc: producerVpc,
    targetAzs: serviceAzs,
    nlbAzs: serviceAzs,
    ports: v.listener_ports,
    crossZone: v.cross_zone_load_balancing,
    acceptanceRequired: v.acceptance_required,
    allowedPrincipals: v.allowed_principals,
    ...(input.supportedRegions ? { supportedRegions: input.supportedRegions } : {}),
    ...(input.tlsListeners ? { tlsListeners: input.tlsListeners } : {}),
  })
  const { consumers, endpoint } = buildConsumerSide({ ids, tag: planner.tag, vpc: consumerVpc, azs: consumerAzs, service, ports: nlb.listenerPorts, ingressCidrs: v.endpoint_ingress_cidrs, source: planner.source })
  return { vpcs: [producerVpc, consumerVpc], instances: [...producers, ...consumers], nlbs: [nlb], services: [service], endpoints: [endpoint] }
}
