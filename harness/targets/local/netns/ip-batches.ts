// Pure builders of `ip -batch` scripts: one batch creates every namespace, then one batch per
// namespace wires it, so a VPC with many instances costs a handful of processes, not hundreds.
// Links are created inside the VPC namespace and their peers moved straight into the instance
// (or peered VPC) namespace: nothing is ever created in (or routed to) the host namespace.
import type { PeeringPlan, TopologyPlan, VpcPlan } from '../topology/plan-types.js'

export interface NamespaceBatch {
  /** namespace the batch runs in (`ip -n NS -batch -`), or null for the host (netns add only) */
  ns: string | null
  lines: string[]
}

/** The batches of a plan, by phase: each phase's batches may run in parallel, phases in order. */
export interface NamespaceBatches {
  create: NamespaceBatch
  fabrics: NamespaceBatch[]
  hosts: NamespaceBatch[]
  /** the requester side creates the peering link, then the accepter side configures its end */
  peeringRequesters: NamespaceBatch[]
  peeringAccepters: NamespaceBatch[]
}

/** Every namespace of the plan, VPC fabrics first. */
export function namespacesOf(plan: TopologyPlan): string[] {
  return [...plan.vpcs.map((v) => v.ns), ...plan.instances.map((i) => i.ns)]
}

/** The link-local /30 of the n-th peering: requester .1, accepter .2 (never a VPC address). */
export function peeringAddresses(index: number): { requester: string; accepter: string } {
  const base = index * 4
  const third = Math.floor(base / 256)
  if (third > 255) throw new Error('too many peerings for 169.254.0.0/16')
  return { requester: `169.254.${third}.${(base % 256) + 1}`, accepter: `169.254.${third}.${(base % 256) + 2}` }
}

/** The name of a peering's link inside both fabrics (15 characters at most). */
export function peeringLink(index: number): string {
  return `pcx${index}`
}

/** The batches that build the plan's namespaces and links. */
export function buildNamespaceBatches(plan: TopologyPlan): NamespaceBatches {
  const create: NamespaceBatch = { ns: null, lines: namespacesOf(plan).map((ns) => `netns add ${ns}`) }
  const fabrics = plan.vpcs.map((vpc) => buildFabricBatch(plan, vpc))
  const hosts = plan.instances.map((inst) => {
    const vpc = vpcOf(plan, inst.vpc)
    return {
      ns: inst.ns,
      lines: [
        'link set lo up',
        'link set eth0 up',
        `addr add ${inst.ip}/${vpc.prefix} dev eth0`,
        `route add default via ${vpc.routerIp} dev eth0`,
        // An AWS VPC drops packets to unused addresses silently, so a client times out; Linux would
        // give up ARP after 3 probes and answer "No route to host". Keep asking instead.
        'ntable change name arp_cache dev eth0 mcast_probes 255',
      ],
    }
  })
  const peeringRequesters = plan.peerings.map((p, i) => buildPeeringSide(plan, p, i, 'requester'))
  const peeringAccepters = plan.peerings.map((p, i) => buildPeeringSide(plan, p, i, 'accepter'))
  return { create, fabrics, hosts, peeringRequesters, peeringAccepters }
}

function vpcOf(plan: TopologyPlan, key: string): VpcPlan {
  const vpc = plan.vpcs.find((v) => v.key === key)
  if (!vpc) throw new Error(`the plan has no VPC ${key}`)
  return vpc
}

function buildPeeringSide(plan: TopologyPlan, peering: PeeringPlan, index: number, side: 'requester' | 'accepter'): NamespaceBatch {
  const requester = vpcOf(plan, peering.a)
  const accepter = vpcOf(plan, peering.b)
  const link = peeringLink(index)
  const addrs = peeringAddresses(index)
  if (side === 'requester') {
    return {
      ns: requester.ns,
      lines: [
        `link add ${link} type veth peer name ${link} netns ${accepter.ns}`,
        `addr add ${addrs.requester}/30 dev ${link}`,
        `link set ${link} up`,
        // each route table sends the CIDRs it lists through the peering
        ...peering.aRoutes.map((cidr) => `route add ${cidr} via ${addrs.accepter} dev ${link}`),
      ],
    }
  }
  return {
    ns: accepter.ns,
    lines: [`addr add ${addrs.accepter}/30 dev ${link}`, `link set ${link} up`, ...peering.bRoutes.map((cidr) => `route add ${cidr} via ${addrs.requester} dev ${link}`)],
  }
}

function buildFabricBatch(plan: TopologyPlan, vpc: VpcPlan): NamespaceBatch {
  const lines = [
    'link set lo up',
    'link add br0 type bridge',
    'link set br0 up',
    `addr add ${vpc.routerIp}/${vpc.prefix} dev br0`,
    `addr add ${vpc.resolverIp}/32 dev br0`,
    // a VPC route table drops what matches no route, silently: the client times out
    'route add blackhole default',
  ]
  for (const endpoint of plan.endpoints.filter((e) => e.vpc === vpc.key)) {
    for (const eni of endpoint.enis) lines.push(`addr add ${eni.ip}/32 dev br0`)
  }
  for (const nlb of plan.nlbs.filter((n) => n.vpc === vpc.key)) {
    for (const node of nlb.nodes) lines.push(`addr add ${node.ip}/32 dev br0`)
  }
  plan.instances
    .filter((i) => i.vpc === vpc.key)
    .forEach((inst, n) => {
      const link = `v${n}`
      lines.push(`link add ${link} type veth peer name eth0 netns ${inst.ns}`, `link set ${link} master br0`, `link set ${link} up`)
    })
  return { ns: vpc.ns, lines }
}

/** VPC fabrics that route between peerings and their own bridge (IP forwarding on). */
export function forwardingFabrics(plan: TopologyPlan): string[] {
  const keys = new Set(plan.peerings.flatMap((p) => [p.a, p.b]))
  return plan.vpcs.filter((v) => keys.has(v.key)).map((v) => v.ns)
}
