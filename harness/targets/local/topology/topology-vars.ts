// Reads the variables the local target needs from a fixture's merged variables, with errors
// that name the variable: the emulator builds from the same inputs Terraform would.
import { z } from 'zod'
import { InputError } from '../../../core/errors.js'
import { formatFieldPath } from '../../../core/validate-input.js'
import { cidrsOverlap, parseCidr, type Cidr } from './cidr.js'

export const regionVar = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region such as us-east-1')
export const portsVar = z
  .array(z.number().int().min(1, 'ports are 1 to 65535').max(65535, 'ports are 1 to 65535'))
  .min(1, 'at least one port')
  // the fixture's validation requires distinct ports too (terraform would refuse at plan)
  .refine((ports) => new Set(ports).size === ports.length, 'a port is listed more than once')
export const accountVar = z.string().regex(/^\d{12}$/, 'expected a 12-digit account id')

/** Variables every fixture shares: AZs, listener ports, the service's acceptance and principals, the endpoint's security group. */
export const commonVars = {
  az_count: z.number().int().min(1).max(3, 'the emulator offers at most 3 AZs per region'),
  listener_ports: portsVar,
  acceptance_required: z.boolean(),
  allowed_principals: z.array(z.string()),
  cross_zone_load_balancing: z.boolean(),
  endpoint_ingress_cidrs: z.array(z.string()),
}

/** The producer and consumer accounts (the emulator's stand-in account ids where the fixture has none). */
export const accountVars = {
  producer_account_id: accountVar.nullable().transform((v) => v ?? '111111111111'),
  consumer_account_id: accountVar.nullable().transform((v) => v ?? '222222222222'),
}

/** The two VPCs' CIDRs and accounts of a producer-VPC/consumer-VPC topology. */
export const twoVpcVars = {
  producer_cidr: z.string(),
  consumer_cidr: z.string(),
  ...accountVars,
}

/** Parses `vars` with `schema`, throwing an InputError that names `source` and `vars.<name>`. */
export function readVars<T extends z.ZodTypeAny>(schema: T, vars: Record<string, unknown>, source: string): z.output<T> {
  const result = schema.safeParse(vars)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  return fail(source, formatFieldPath(issue.path), issue.message)
}

/** Throws the one-line InputError for a variable. */
export function fail(source: string, variable: string, problem: string): never {
  throw new InputError(source, `vars.${variable}`, problem)
}

// Special-purpose ranges (RFC 6890) no VPC can be addressed from. AWS's VPC User Guide ("VPC CIDR
// blocks") allows publicly routable blocks besides RFC 1918 ones, but not host addresses in these:
// 169.254.0.0/16 carries the instance metadata service and the Route 53 resolver, the others are
// not unicast host addresses at all. The emulator could not use them either: each namespace has a
// loopback of its own, and the kernel treats link-local and multicast addresses specially.
const reservedRanges = [
  { text: '0.0.0.0/8', what: '"this network"' },
  { text: '127.0.0.0/8', what: 'loopback' },
  { text: '169.254.0.0/16', what: 'link-local' },
  { text: '224.0.0.0/4', what: 'multicast' },
  { text: '240.0.0.0/4', what: 'reserved (class E and broadcast)' },
].map(({ text, what }) => ({ cidr: parseCidr(text) as Cidr, what }))

/** Parses a CIDR variable usable as an emulated VPC (prefix /16 to /24, not a reserved range). */
export function vpcCidr(source: string, variable: string, text: string): Cidr {
  const cidr = parseCidr(text)
  if ('error' in cidr) fail(source, variable, cidr.error)
  if (cidr.prefix < 16 || cidr.prefix > 24) fail(source, variable, `VPC CIDRs must be /16 to /24 here (AWS allows /16 to /28; the emulator needs room for per-AZ subnets), got /${cidr.prefix}`)
  const reserved = reservedRanges.find((r) => cidrsOverlap(r.cidr, cidr))
  if (reserved) fail(source, variable, `${cidr.text} lies in ${reserved.cidr.text}, the ${reserved.what} range, which no VPC can use`)
  return cidr
}

/** Rejects two CIDRs that overlap where they cannot (peering, routes between them). */
export function requireDisjoint(source: string, variable: string, a: Cidr, b: Cidr, why: string): void {
  if (cidrsOverlap(a, b)) fail(source, variable, `${b.text} overlaps ${a.text}: ${why}`)
}

/** Availability zone names of a region, as AWS spells them (us-east-1a, us-east-1b, …). */
export function azNames(region: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${region}${'abcdef'[i]}`)
}
