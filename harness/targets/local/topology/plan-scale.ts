// The scale topology of the benchmark (issue 7): ONE endpoint service (3 AZs, one producer per
// AZ behind an NLB) consumed by N consumer VPCs, each with its own interface endpoint (one ENI
// per AZ) and one consumer instance. Every consumer VPC has the same CIDR: overlapping consumers
// are PrivateLink's point. Built from the same build-* pieces as the fixtures' planners.
import { buildEndpoint, buildInstances, endpointDnsRecords } from './build-privatelink.js'
import { buildProviderSide } from './build-sides.js'
import { buildVpc } from './build-vpc.js'
import { parseCidr, type Cidr } from './cidr.js'
import { createIdSource } from './ids.js'
import type { DnsRecord, EndpointPlan, InstancePlan, TopologyPlan, VpcPlan } from './plan-types.js'
import { azNames } from './topology-vars.js'

export interface ScalePlanInput {
  /** the run tag every namespace name carries */
  tag: string
  seed: string
  consumerVpcs: number
  region?: string
  azCount?: number
  port?: number
}

/** The most consumer VPCs a plan may hold (keys are c001…c999). */
export const MAX_SCALE_CONSUMERS = 999

function cidr(text: string): Cidr {
  const parsed = parseCidr(text)
  if ('error' in parsed) throw new Error(parsed.error)
  return parsed
}

/** The key of the n-th consumer VPC (1-based): c001, c002, … */
export function consumerVpcKey(n: number): string {
  return `c${String(n).padStart(3, '0')}`
}

/** Plans one service consumed by `consumerVpcs` VPCs. */
export function planScale(input: ScalePlanInput): TopologyPlan {
  const { tag, consumerVpcs } = input
  if (!Number.isInteger(consumerVpcs) || consumerVpcs < 1 || consumerVpcs > MAX_SCALE_CONSUMERS) {
    throw new RangeError(`planScale: consumerVpcs must be an integer from 1 to ${MAX_SCALE_CONSUMERS}, got ${consumerVpcs}`)
  }
  const region = input.region ?? 'us-east-1'
  const port = input.port ?? 80
  const azs = azNames(region, input.azCount ?? 3)
  const ids = createIdSource(input.seed)

  const producerVpc = buildVpc({ key: 'prod', tag, cidr: cidr('10.0.0.0/16'), region, account: '111111111111', azs })
  const { producers, nlb, service } = buildProviderSide({
    ids,
    tag,
    targetVpc: producerVpc,
    nlbVpc: producerVpc,
    targetAzs: azs,
    nlbAzs: azs,
    ports: [port],
    crossZone: true,
    acceptanceRequired: false,
    allowedPrincipals: [],
  })

  const vpcs: VpcPlan[] = [producerVpc]
  const instances: InstancePlan[] = [...producers]
  const endpoints: EndpointPlan[] = []
  const dns: Record<string, DnsRecord[]> = { prod: [] }
  for (let n = 1; n <= consumerVpcs; n++) {
    const key = consumerVpcKey(n)
    const vpc = buildVpc({ key, tag, cidr: cidr('10.1.0.0/16'), region, account: '222222222222', azs })
    // one consumer instance per VPC, spread over the AZs
    const az = azs[(n - 1) % azs.length]!
    const [consumer] = buildInstances({ ids, tag, vpc, azs: [az], role: 'consumer', servicePorts: [], ingress: [], startIndex: 1 })
    const endpoint = buildEndpoint({ ids, vpc, service, azs, ports: [port], ingressCidrs: [] })
    vpcs.push(vpc)
    instances.push(consumer!)
    endpoints.push(endpoint)
    dns[key] = endpointDnsRecords(endpoint)
  }
  return {
    topology: 'scale',
    vpcs,
    instances,
    nlbs: [nlb],
    services: [service],
    endpoints,
    peerings: [],
    dns,
    hostnames: {},
    assumptions: ['every consumer VPC has the same CIDR (10.1.0.0/16): PrivateLink does not care, which is its point'],
  }
}
