// The two halves every PrivateLink topology is made of: the provider side (service instances,
// the NLB in front of them, the endpoint service) and the consumer side (consumer instances and
// an interface endpoint). Planners differ only in where the halves sit and how they are joined.
import { InputError } from '../../../core/errors.js'
import { buildEndpoint, buildInstances, buildNlb, buildService, principalAllowed } from './build-privatelink.js'
import { parseCidr } from './cidr.js'
import type { createIdSource } from './ids.js'
import type { EndpointPlan, InstancePlan, NlbPlan, ServicePlan, VpcPlan } from './plan-types.js'

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
