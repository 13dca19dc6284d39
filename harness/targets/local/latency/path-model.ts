// The round trip of every path the emulator carries, computed from the plan alone: the emulator
// applies these figures at its hops (PrivateLink hop, NLB node), and the local target states them
// as each probe's model, so measured and expected come from one definition.
import { resolveRecords } from '../dns/vpc-resolver.js'
import type { EndpointPlan, InstancePlan, NlbPlan, TopologyPlan } from '../topology/plan-types.js'
import { azRttMs, expectedStartTransferMs, interRegionRttMs, PRIVATELINK_HOP_RTT_MS } from './latency-model.js'

type Target = NlbPlan['targets'][number]

function regionOfVpc(plan: TopologyPlan, key: string): string {
  const vpc = plan.vpcs.find((v) => v.key === key)
  if (!vpc) throw new Error(`the plan has no VPC ${key}`)
  return vpc.region
}

/**
 * The service-side AZ whose NLB node takes connections from an endpoint ENI. Same region: the ENI's
 * own AZ. Cross-region: AWS does not document how consumer AZs map to the service's; the emulator
 * assumes the i-th endpoint AZ maps to the i-th service AZ (modulo their count).
 */
export function serviceNodeAz(plan: TopologyPlan, endpoint: EndpointPlan, eniAz: string): string {
  const service = plan.services.find((s) => s.id === endpoint.serviceId)!
  if (endpoint.region === service.region) return eniAz
  const index = Math.max(0, endpoint.enis.findIndex((e) => e.az === eniAz))
  return service.azs[index % service.azs.length]!
}

/** NLB node → target: across AZs of one region, or across an inter-region peering (relay). */
export function nlbToTargetRtt(plan: TopologyPlan, nlb: NlbPlan, nodeAz: string, target: Target): number {
  const targetRegion = regionOfVpc(plan, target.vpc)
  if (targetRegion !== nlb.region) return interRegionRttMs(nlb.region, targetRegion)
  return azRttMs(nodeAz, target.az)
}

/** Consumer → endpoint ENI → (PrivateLink, maybe across regions) → NLB node → target. */
export function endpointPathRtt(plan: TopologyPlan, endpoint: EndpointPlan, sourceAz: string | undefined, eniAz: string, target: Target): number {
  const service = plan.services.find((s) => s.id === endpoint.serviceId)!
  const nlb = plan.nlbs.find((n) => n.key === service.nlb)!
  // an unknown source counts as another AZ's
  const consumerToEni = azRttMs(sourceAz ?? '', eniAz)
  return consumerToEni + PRIVATELINK_HOP_RTT_MS + interRegionRttMs(endpoint.region, endpoint.serviceRegion) + nlbToTargetRtt(plan, nlb, serviceNodeAz(plan, endpoint, eniAz), target)
}

/** Whether two VPCs are peered. */
function peered(plan: TopologyPlan, a: string, b: string): boolean {
  return plan.peerings.some((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))
}

/** An instance of the NLB's VPC (or of a VPC peered with it) → an NLB node directly → target. */
export function directPathRtt(plan: TopologyPlan, nlb: NlbPlan, source: InstancePlan | undefined, nodeAz: string, target: Target): number {
  let toNode: number
  if (!source || source.vpc === nlb.vpc) toNode = azRttMs(source?.az ?? '', nodeAz)
  else {
    const peering = plan.peerings.find((p) => (p.a === source.vpc && p.b === nlb.vpc) || (p.b === source.vpc && p.a === nlb.vpc))
    toNode = peering ? peering.rttMs : azRttMs(source.az, nodeAz)
  }
  return toNode + nlbToTargetRtt(plan, nlb, nodeAz, target)
}

/** The instance a packet from `ip` comes from, looking only where it can come from (`vpcs`). */
export function instanceByIp(plan: TopologyPlan, ip: string, vpcs: string[]): InstancePlan | undefined {
  return plan.instances.find((i) => i.ip === ip && vpcs.includes(i.vpc))
}

/** VPC keys that can reach addresses in `vpc`: itself and its peers. */
export function reachableFrom(plan: TopologyPlan, vpc: string): string[] {
  return [vpc, ...plan.vpcs.filter((v) => v.key !== vpc && peered(plan, v.key, vpc)).map((v) => v.key)]
}

/** The targets an NLB node would use with every target healthy (cross-zone on: all). */
export function targetPool(nlb: NlbPlan, nodeAz: string): Target[] {
  return nlb.targets.filter((t) => nlb.crossZone || t.az === nodeAz)
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length

/**
 * The round trip a request from `instance` to `host` sees, averaged over the targets the NLB
 * spreads requests across; undefined when the path is not one the emulator carries (no model).
 */
export function modelPathRtt(plan: TopologyPlan, instance: InstancePlan, host: string): { rttMs: number; tlsPorts: number[] } | undefined {
  const answer = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? undefined : resolveRecords(plan.dns[instance.vpc] ?? [], host)?.find((a) => a.type === 'A')
  const ip = answer ? (answer as { data: unknown }).data : host
  if (typeof ip !== 'string') return undefined
  for (const endpoint of plan.endpoints.filter((e) => e.vpc === instance.vpc)) {
    const eni = endpoint.enis.find((e) => e.ip === ip)
    if (!eni) continue
    const service = plan.services.find((s) => s.id === endpoint.serviceId)!
    const nlb = plan.nlbs.find((n) => n.key === service.nlb)!
    const pool = targetPool(nlb, serviceNodeAz(plan, endpoint, eni.az))
    if (pool.length === 0) return undefined
    return { rttMs: mean(pool.map((t) => endpointPathRtt(plan, endpoint, instance.az, eni.az, t))), tlsPorts: nlb.tlsListeners.map((l) => l.port) }
  }
  const vpcs = reachableFrom(plan, instance.vpc)
  for (const nlb of plan.nlbs.filter((n) => vpcs.includes(n.vpc))) {
    const node = nlb.nodes.find((n) => n.ip === ip)
    if (!node) continue
    const pool = targetPool(nlb, node.az)
    if (pool.length === 0) return undefined
    return { rttMs: mean(pool.map((t) => directPathRtt(plan, nlb, instance, node.az, t))), tlsPorts: nlb.tlsListeners.map((l) => l.port) }
  }
  return undefined
}

/** What the model says time_starttransfer should be for a request (TLS where the port is a TLS listener). */
export function modelStartTransferMs(plan: TopologyPlan, instance: InstancePlan, host: string, port: number, scheme: 'http' | 'https'): number | undefined {
  const path = modelPathRtt(plan, instance, host)
  if (!path) return undefined
  return expectedStartTransferMs(path.rttMs, { tls: scheme === 'https' && path.tlsPorts.includes(port) })
}
