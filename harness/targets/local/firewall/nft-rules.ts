// Security groups and the endpoint's port filter as nftables rulesets, one table per namespace,
// named after the run. Pure text; run-nft.ts loads it. Drops are silent (no reset), as a
// security group is: a blocked client sees a timeout.
import type { EndpointPlan, InstancePlan } from '../topology/plan-types.js'

/** The table every ruleset of a run lives in. */
export function tableName(tag: string): string {
  return `plh_${tag.replace(/[^A-Za-z0-9]/g, '_')}`
}

const list = (items: Array<string | number>): string => `{ ${items.join(', ')} }`

/**
 * The VPC fabric's ruleset for its endpoint ENIs: only the listener ports pass, only from the
 * security group's source CIDRs, and nothing passes while the endpoint is not `available`
 * (its ENIs sit in the `unavailable` set until then).
 */
export function buildEndpointRuleset(tag: string, endpoints: EndpointPlan[]): string {
  const table = tableName(tag)
  const enis = endpoints.flatMap((e) => e.enis.map((x) => x.ip))
  const lines = [
    `table ip ${table} {`,
    `  set enis { type ipv4_addr; ${enis.length ? `elements = ${list(enis)}` : ''} }`,
    `  set unavailable { type ipv4_addr; }`,
    `  chain input {`,
    `    type filter hook input priority 0; policy accept;`,
    `    ip daddr @unavailable drop`,
  ]
  for (const endpoint of endpoints) {
    const ips = endpoint.enis.map((e) => e.ip)
    if (ips.length === 0) continue
    lines.push(`    ip daddr ${list(ips)} ip saddr ${list(endpoint.ingressCidrs)} tcp dport ${list(endpoint.ports)} accept`)
  }
  lines.push(`    ip daddr @enis drop`, `  }`, `}`)
  return lines.join('\n') + '\n'
}

/** An instance's security group: stateful, ingress only as listed, egress open. */
export function buildInstanceRuleset(tag: string, instance: InstancePlan): string {
  const lines = [
    `table ip ${tableName(tag)} {`,
    `  chain input {`,
    `    type filter hook input priority 0; policy drop;`,
    `    ct state established,related accept`,
    `    iifname "lo" accept`,
  ]
  for (const rule of instance.ingress) {
    if (rule.ports.length > 0) lines.push(`    ip saddr ${rule.cidr} tcp dport ${list(rule.ports)} accept`)
  }
  lines.push(`  }`, `}`)
  return lines.join('\n') + '\n'
}

/** Commands (nft script) that mark endpoint ENIs unavailable or available. */
export function buildAvailabilityCommands(tag: string, enis: string[], available: boolean): string {
  if (enis.length === 0) return ''
  const verb = available ? 'delete' : 'add'
  return `${verb} element ip ${tableName(tag)} unavailable ${list(enis)}\n`
}

/**
 * A peered VPC fabric's forward chain: traffic may cross from a peering into the VPC and back,
 * never from one peering into another (VPC peering is not transitive).
 */
export function buildPeeringForwardRuleset(tag: string): string {
  return [
    `table ip ${tableName(tag)} {`,
    `  chain forward {`,
    `    type filter hook forward priority 0; policy accept;`,
    `    iifname "pcx*" oifname "pcx*" drop`,
    `  }`,
    `}`,
  ].join('\n') + '\n'
}
