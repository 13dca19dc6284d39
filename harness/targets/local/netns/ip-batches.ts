// Pure builders of `ip -batch` scripts: one batch creates every namespace, then one batch per
// namespace wires it, so a VPC with many instances costs a handful of processes, not hundreds.
// Links are created inside the VPC namespace and their peers moved straight into the instance
// namespace: nothing is ever created in (or routed to) the host namespace.
import type { TopologyPlan, VpcPlan } from '../topology/plan-types.js'

export interface NamespaceBatch {
  /** namespace the batch runs in (`ip -n NS -batch -`), or null for the host (netns add only) */
  ns: string | null
  lines: string[]
}

/** Every namespace of the plan, VPC fabrics first. */
export function namespacesOf(plan: TopologyPlan): string[] {
  return [...plan.vpcs.map((v) => v.ns), ...plan.instances.map((i) => i.ns)]
}

/** The batches that build the plan's namespaces and links, in the order they must run. */
export function buildNamespaceBatches(plan: TopologyPlan): NamespaceBatch[] {
  const create: NamespaceBatch = { ns: null, lines: namespacesOf(plan).map((ns) => `netns add ${ns}`) }
  const fabrics = plan.vpcs.map((vpc) => buildFabricBatch(plan, vpc))
  const hosts = plan.instances.map((inst) => {
    const vpc = plan.vpcs.find((v) => v.key === inst.vpc)!
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
  return [create, ...fabrics, ...hosts]
}

function buildFabricBatch(plan: TopologyPlan, vpc: VpcPlan): NamespaceBatch {
  const lines = ['link set lo up', 'link add br0 type bridge', 'link set br0 up', `addr add ${vpc.routerIp}/${vpc.prefix} dev br0`, `addr add ${vpc.resolverIp}/32 dev br0`]
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
