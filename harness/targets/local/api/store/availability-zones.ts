// Availability zones as AWS presents them: zone ids (`use1-az1`) name the same physical zone in
// every account, zone names (`us-east-1a`) are shuffled per account. The shuffle is deterministic
// (a hash of account and region), so a run is reproducible and a scenario written with the wrong
// account's names fails locally as it would on AWS. The one definition of the shuffle.
import { createHash } from 'node:crypto'

/** Zones per region where AWS has more or fewer than three; others get three. */
const ZONE_COUNT: Record<string, number> = { 'us-east-1': 6, 'us-west-2': 4, 'ap-northeast-1': 4, 'ap-northeast-2': 4 }

/** One zone as one account sees it. */
export interface AvailabilityZone {
  name: string
  id: string
  region: string
}

/** `us-east-1` → `use1`, `eu-west-2` → `euw2`, `ap-southeast-1` → `apse1` (AWS's zone-id prefixes). */
export function zoneIdPrefix(region: string): string {
  const [area = '', direction = '', number = ''] = region.split('-')
  const compass = direction.replace(/(north|south)(east|west)?/, (_m, a: string, b?: string) => a[0]! + (b ? b[0]! : '')).replace(/^(east|west|central)$/, (d) => d[0]!)
  return `${area}${compass}${number}`
}

/** The zones of a region as `account` sees them, sorted by name (AWS's order). */
export function listAvailabilityZones(account: string, region: string): AvailabilityZone[] {
  const count = ZONE_COUNT[region] ?? 3
  const prefix = zoneIdPrefix(region)
  const ids = Array.from({ length: count }, (_v, i) => `${prefix}-az${i + 1}`)
  // Fisher–Yates driven by a hash of account and region: the per-account shuffle.
  const seed = createHash('sha256').update(`${account}/${region}`).digest()
  for (let i = ids.length - 1; i > 0; i--) {
    const j = seed[i % seed.length]! % (i + 1)
    ;[ids[i], ids[j]] = [ids[j]!, ids[i]!]
  }
  return ids.map((id, i) => ({ name: `${region}${String.fromCharCode(97 + i)}`, id, region }))
}

/** Zone by name or id, as `account` sees it; undefined when the region has no such zone. */
export function findAvailabilityZone(account: string, region: string, nameOrId: string): AvailabilityZone | undefined {
  return listAvailabilityZones(account, region).find((z) => z.name === nameOrId || z.id === nameOrId)
}
