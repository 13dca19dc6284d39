// What the report's topology diagram shows, derived (pure) from what a scenario recorded: the
// fixture's `harness` output, the variables it was applied with and the probe results. The
// contract names instances, endpoint ENIs and NLB IPs but not VPCs or subnets, so:
// - a VPC's CIDR is the fixture variable of its role (consumer_cidr, producer_cidr or
//   provider_cidr, outpost_cidr, third_vpc_cidr);
// - a subnet is the block of the VPC's CIDR, 4 bits longer, that holds an AZ's addresses (every
//   shipped fixture gives each AZ `cidrsubnet(cidr, 4, i)`, terraform/modules/private-subnets);
// - the NLB's nodes are listed in the VPC that holds the NLB (the outpost for the relay).
import type { HarnessOutput, InstanceRef } from '../core/contract.js'
import type { ProbeResult } from '../core/results.js'

export type VpcRole = 'consumer' | 'outpost' | 'provider' | 'third'

/** Something drawn inside an AZ of a VPC. */
export interface AzItem {
  kind: 'consumer' | 'target' | 'bystander' | 'eni'
  /** instance id, or "ENI" */
  label: string
  ip: string | null
}

export interface AzLane {
  az: string
  /** the subnets that hold this AZ's addresses, where the VPC's CIDR is known */
  subnets: string[]
  items: AzItem[]
}

export interface VpcBox {
  role: VpcRole
  title: string
  region: string
  account: string | null
  cidr: string | null
  azs: AzLane[]
  /** the NLB's node IPs, in the VPC that holds the NLB */
  nlbNodes?: string[]
}

export interface Peering {
  a: VpcRole
  b: VpcRole
}

/** A consumer's probe of one of the endpoint's names, and where its answers came from. */
export interface ProbePath {
  consumer: string
  /** "regional", "zonal us-east-1b", "hostname" */
  name: string
  /** the ENI IPs its requests reached (from curl's remote_ip), or those its name should reach when none answered */
  enis: string[]
  ok: number
  samples: number
  failed: boolean
  step: number
}

export interface TopologyModel {
  vpcs: VpcBox[]
  peerings: Peering[]
  /** the PrivateLink hop: endpoint ENIs in the consumer VPC to the NLB */
  privatelink: { from: VpcRole; to: VpcRole; crossRegion: boolean }
  /** the NLB forwards to its targets in this VPC (across the peering for the relay) */
  targetsIn: VpcRole
  paths: ProbePath[]
}

const asString = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0)
}

function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.')
}

/** The block of `cidr`, 4 bits longer, that holds `ip`; null when `ip` is outside `cidr` or the CIDR is not IPv4. */
export function subnetOf(cidr: string, ip: string): string | null {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(cidr)
  if (!m || !/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return null
  const prefix = Number(m[2])
  const network = ipToNumber(m[1]!) - (ipToNumber(m[1]!) % 2 ** (32 - prefix))
  const addr = ipToNumber(ip)
  if (addr < network || addr >= network + 2 ** (32 - prefix)) return null
  const subPrefix = Math.min(32, prefix + 4)
  const size = 2 ** (32 - subPrefix)
  return `${numberToIp(addr - (addr % size))}/${subPrefix}`
}

function lanes(cidr: string | null, entries: Array<{ az: string; item: AzItem }>): AzLane[] {
  const byAz = new Map<string, AzItem[]>()
  for (const { az, item } of entries) byAz.set(az, [...(byAz.get(az) ?? []), item])
  return [...byAz.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([az, items]) => ({
      az,
      subnets: cidr ? [...new Set(items.map((i) => (i.ip ? subnetOf(cidr, i.ip) : null)).filter((s): s is string => s !== null))] : [],
      items,
    }))
}

const instanceItem = (kind: AzItem['kind'], i: InstanceRef): { az: string; item: AzItem } => ({ az: i.az, item: { kind, label: i.instance_id, ip: i.private_ip ?? null } })

const endpointNameKinds = new Set<ProbeResult['name_kind']>(['regional', 'zonal', 'hostname', 'tls'])

/** One path per consumer and name, as the last step that probed it found it. */
function probePaths(out: HarnessOutput, probes: readonly ProbeResult[]): ProbePath[] {
  const consumers = new Set(out.consumers.map((c) => c.instance_id))
  const eniIps = out.endpoints.flatMap((e) => e.eni_ips)
  const latest = new Map<string, ProbeResult>()
  for (const p of probes) {
    if (!consumers.has(p.consumer) || !endpointNameKinds.has(p.name_kind)) continue
    const key = `${p.consumer} ${p.dns_name} ${p.url}`
    const seen = latest.get(key)
    if (!seen || seen.step <= p.step) latest.set(key, p)
  }
  return [...latest.values()].map((p) => {
    const reached = [...new Set(p.raw.filter((s) => s.exitcode === 0 && s.remote_ip).map((s) => s.remote_ip))].filter((ip) => eniIps.some((e) => e.ip === ip))
    const meant = p.name_kind === 'zonal' ? eniIps.filter((e) => e.az === p.az).map((e) => e.ip) : eniIps.map((e) => e.ip)
    return {
      consumer: p.consumer,
      name: p.name_kind === 'zonal' ? `zonal ${p.az ?? ''}`.trim() : p.name_kind === 'tls' ? 'hostname' : p.name_kind,
      enis: reached.length > 0 ? reached : meant,
      ok: p.ok,
      samples: p.samples,
      failed: p.ok < p.samples,
      step: p.step,
    }
  })
}

/** The diagram's model of a scenario's topology. */
export function buildTopologyModel(out: HarnessOutput, vars: Record<string, unknown> | undefined, probes: readonly ProbeResult[]): TopologyModel {
  const v = vars ?? {}
  const endpoint = out.endpoints[0]!
  const relay = asString(v.outpost_cidr) !== null
  const consumerAccount = out.consumers[0]?.account ?? asString(v.consumer_account_id)
  const producerAccount = out.producers?.[0]?.account ?? asString(v.producer_account_id)

  const consumerCidr = asString(v.consumer_cidr)
  const consumerVpc: VpcBox = {
    role: 'consumer',
    title: 'Consumer VPC',
    region: endpoint.region,
    account: consumerAccount,
    cidr: consumerCidr,
    azs: lanes(consumerCidr, [
      ...out.consumers.map((c) => instanceItem('consumer', c)),
      ...out.endpoints.flatMap((e) => e.eni_ips.map((eni) => ({ az: eni.az, item: { kind: 'eni' as const, label: 'ENI', ip: eni.ip } }))),
    ]),
  }
  const providerCidr = asString(v.producer_cidr) ?? asString(v.provider_cidr)
  const providerVpc: VpcBox = {
    role: 'provider',
    title: 'Provider VPC',
    region: out.producers?.[0]?.region ?? endpoint.service_region,
    account: producerAccount,
    cidr: providerCidr,
    azs: lanes(providerCidr, (out.producers ?? []).map((p) => instanceItem('target', p))),
  }
  const nlbNodes = out.service.nlb_ips ?? []
  const vpcs: VpcBox[] = [consumerVpc]
  const peerings: Peering[] = []
  if (relay) {
    const outpostCidr = asString(v.outpost_cidr)
    vpcs.push({ role: 'outpost', title: 'Outpost VPC (relay)', region: out.service.region, account: producerAccount, cidr: outpostCidr, azs: [], nlbNodes })
    vpcs.push(providerVpc)
    peerings.push({ a: 'outpost', b: 'provider' })
  } else {
    vpcs.push({ ...providerVpc, nlbNodes })
  }
  const bystanders = out.bystanders ?? []
  if (bystanders.length > 0) {
    const thirdCidr = asString(v.third_vpc_cidr)
    vpcs.push({
      role: 'third',
      title: 'Third VPC',
      region: bystanders[0]!.region,
      account: bystanders[0]!.account,
      cidr: thirdCidr,
      azs: lanes(thirdCidr, bystanders.map((b) => instanceItem('bystander', b))),
    })
    if (relay) peerings.push({ a: 'third', b: 'outpost' })
  }
  return {
    vpcs,
    peerings,
    privatelink: { from: 'consumer', to: relay ? 'outpost' : 'provider', crossRegion: endpoint.region !== endpoint.service_region },
    targetsIn: 'provider',
    paths: probePaths(out, probes),
  }
}
