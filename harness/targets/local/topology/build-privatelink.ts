// The PrivateLink pieces every topology shares: producer instances behind an NLB, the endpoint
// service on it, consumer instances, and an interface endpoint with one ENI per AZ and the
// regional and zonal DNS names in AWS's formats.
import { eniIp, instanceIp, nlbNodeIp } from './build-vpc.js'
import type { createIdSource } from './ids.js'
import type { DnsRecord, EndpointPlan, InstancePlan, NlbPlan, ServicePlan, VpcPlan } from './plan-types.js'

type Ids = ReturnType<typeof createIdSource>

/** The body every emulated (and AWS fixture) producer answers with; the service's expected body_pattern matches it. */
export const PRODUCER_BODY_PATTERN = '^Hello from plh producer'

/** One instance per AZ in a VPC, named i-<17 hex>, in its own namespace. */
export function buildInstances(input: {
  ids: Ids
  tag: string
  vpc: VpcPlan
  azs: string[]
  role: InstancePlan['role']
  servicePorts: number[]
  ingress: InstancePlan['ingress']
  startIndex?: number
}): InstancePlan[] {
  return input.azs.map((az) => {
    const id = `i-${input.ids.hex(17)}`
    return {
      id,
      vpc: input.vpc.key,
      ns: `plh-${input.tag}-${id}`,
      az,
      region: input.vpc.region,
      account: input.vpc.account,
      ip: instanceIp(input.vpc, az, input.startIndex ?? 0),
      role: input.role,
      servicePorts: input.servicePorts,
      ingress: input.ingress,
    }
  })
}

/** An NLB with one node per AZ in `vpc`, forwarding to `targets`. */
export function buildNlb(input: {
  key: string
  vpc: VpcPlan
  azs: string[]
  ports: number[]
  crossZone: boolean
  targets: NlbPlan['targets']
  tlsListeners?: NlbPlan['tlsListeners']
}): NlbPlan {
  const tlsListeners = input.tlsListeners ?? []
  return {
    key: input.key,
    vpc: input.vpc.key,
    region: input.vpc.region,
    nodes: input.azs.map((az) => ({ az, ip: nlbNodeIp(input.vpc, az) })),
    listenerPorts: [...new Set([...input.ports, ...tlsListeners.map((l) => l.port)])],
    tlsListeners,
    crossZone: input.crossZone,
    targets: input.targets,
  }
}

/** An endpoint service on an NLB. */
export function buildService(input: {
  ids: Ids
  nlb: NlbPlan
  acceptanceRequired: boolean
  allowedPrincipals: string[]
  supportedRegions?: string[]
}): ServicePlan {
  const id = `vpce-svc-${input.ids.hex(17)}`
  return {
    id,
    name: `com.amazonaws.vpce.${input.nlb.region}.${id}`,
    region: input.nlb.region,
    nlb: input.nlb.key,
    azs: input.nlb.nodes.map((n) => n.az),
    acceptanceRequired: input.acceptanceRequired,
    allowedPrincipals: input.allowedPrincipals,
    supportedRegions: input.supportedRegions ?? [input.nlb.region],
    expected: { status: 200, bodyPattern: PRODUCER_BODY_PATTERN },
  }
}

/**
 * An interface endpoint in `vpc` to `service`. DNS names follow AWS:
 * `<vpce-id>-<8 chars>.<svc-id>.<region>.vpce.amazonaws.com` and, per AZ,
 * `<vpce-id>-<8 chars>-<az>.<svc-id>.<region>.vpce.amazonaws.com`; the region is the endpoint's.
 */
export function buildEndpoint(input: { ids: Ids; vpc: VpcPlan; service: ServicePlan; azs: string[]; ports: number[]; ingressCidrs: string[] }): EndpointPlan {
  const id = `vpce-${input.ids.hex(17)}`
  const label = input.ids.label(8)
  const suffix = `${input.service.id}.${input.vpc.region}.vpce.amazonaws.com`
  return {
    id,
    vpc: input.vpc.key,
    region: input.vpc.region,
    serviceId: input.service.id,
    serviceRegion: input.service.region,
    account: input.vpc.account,
    enis: input.azs.map((az) => ({ az, ip: eniIp(input.vpc, az) })),
    regionalDns: `${id}-${label}.${suffix}`,
    zonal: input.azs.map((az) => ({ az, dns: `${id}-${label}-${az}.${suffix}` })),
    initialState: input.service.acceptanceRequired ? 'pendingAcceptance' : 'available',
    ingressCidrs: input.ingressCidrs.length > 0 ? input.ingressCidrs : [input.vpc.cidr],
    ports: input.ports,
  }
}

/** The records an endpoint adds to its VPC's resolver: regional → every ENI, zonal → its AZ's ENI. */
export function endpointDnsRecords(endpoint: EndpointPlan): DnsRecord[] {
  return [
    { name: endpoint.regionalDns, a: endpoint.enis.map((e) => e.ip) },
    ...endpoint.zonal.map((z) => ({ name: z.dns, a: endpoint.enis.filter((e) => e.az === z.az).map((e) => e.ip) })),
  ]
}

/** Whether `account` may create an endpoint to `service` (AWS answers InvalidServiceName when not). */
export function principalAllowed(service: ServicePlan, account: string): boolean {
  if (service.allowedPrincipals.length === 0) return true
  return service.allowedPrincipals.some((p) => p === '*' || p === `arn:aws:iam::${account}:root` || p.startsWith(`arn:aws:iam::${account}:`))
}
