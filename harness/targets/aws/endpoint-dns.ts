// Pure cross-check of an interface endpoint's DnsEntries (DescribeVpcEndpoints) against what the
// fixture's `harness` output says about the same endpoint: the probes use the output's names, so a
// fixture that computed them wrong would probe names AWS never created.
import type { EndpointOutput } from '../../core/contract.js'

/** One DnsEntries item, as DescribeVpcEndpoints returns it. */
export interface DnsEntry {
  DnsName?: string
  HostedZoneId?: string
}

/** One disagreement, naming the output field that carries the wrong value. */
export interface DnsMismatch {
  field: string
  problem: string
}

/** AWS-generated endpoint names end here (the China partition adds .cn); anything else is a private DNS name. */
const VPCE_SUFFIX = /\.vpce\.amazonaws\.com(\.cn)?$/
/** A zonal name carries `-<az>.` right before `vpce-svc-…`: `vpce-0a1b-x2y3-us-east-1a.vpce-svc-….us-east-1.vpce.amazonaws.com`. */
const ZONAL = /-([a-z]{2}(?:-[a-z]+)+-\d[a-z])\.vpce-svc-[0-9a-z]+\./

const normalize = (name: string): string => name.toLowerCase().replace(/\.$/, '')

/** Splits DnsEntries into the regional name and the zonal names by AZ; the private DNS entry is ignored. */
export function readDnsEntries(entries: readonly DnsEntry[]): { regional: string | undefined; zonal: Map<string, string> } {
  let regional: string | undefined
  const zonal = new Map<string, string>()
  for (const entry of entries) {
    if (!entry.DnsName) continue
    const name = normalize(entry.DnsName)
    if (!VPCE_SUFFIX.test(name)) continue
    const az = ZONAL.exec(name)?.[1]
    if (az) zonal.set(az, name)
    else regional ??= name
  }
  return { regional, zonal }
}

/**
 * Compares the endpoint's DnsEntries with `endpoint` (the output at `field`, such as
 * `harness.endpoints[0]`), case-insensitively. Every name the output gives must be one AWS
 * created; every zonal name AWS created must be in the output (the probes would miss an AZ).
 */
export function checkEndpointDns(endpoint: EndpointOutput, entries: readonly DnsEntry[], field: string): DnsMismatch[] {
  const aws = readDnsEntries(entries)
  const problems: DnsMismatch[] = []
  if (aws.regional === undefined) {
    problems.push({ field: `${field}.regional_dns`, problem: `AWS lists no regional name for ${endpoint.id} (DnsEntries: ${entries.map((e) => e.DnsName).join(', ') || 'none'})` })
  } else if (normalize(endpoint.regional_dns) !== aws.regional) {
    problems.push({ field: `${field}.regional_dns`, problem: `is ${endpoint.regional_dns} but AWS names ${endpoint.id} ${aws.regional}` })
  }
  endpoint.zonal.forEach((z, i) => {
    const expected = aws.zonal.get(z.az)
    if (expected === undefined) problems.push({ field: `${field}.zonal[${i}].az`, problem: `AWS lists no zonal name in ${z.az} for ${endpoint.id} (zonal names in: ${[...aws.zonal.keys()].join(', ') || 'none'})` })
    else if (normalize(z.dns) !== expected) problems.push({ field: `${field}.zonal[${i}].dns`, problem: `is ${z.dns} but AWS's zonal name in ${z.az} is ${expected}` })
  })
  const given = new Set(endpoint.zonal.map((z) => z.az))
  for (const [az, name] of aws.zonal) {
    if (!given.has(az)) problems.push({ field: `${field}.zonal`, problem: `lacks ${az}: AWS created ${name}` })
  }
  return problems
}
