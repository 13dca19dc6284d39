// Reads the variables the local target needs from a fixture's merged variables, with errors
// that name the variable: the emulator builds from the same inputs Terraform would.
import { z } from 'zod'
import { InputError } from '../../../core/errors.js'
import { cidrsOverlap, parseCidr, type Cidr } from './cidr.js'

export const regionVar = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region such as us-east-1')
export const portsVar = z.array(z.number().int().min(1).max(65535, 'ports are 1 to 65535')).min(1)
export const accountVar = z.string().regex(/^\d{12}$/, 'expected a 12-digit account id')

/** Parses `vars` with `schema`, throwing an InputError that names `source` and `vars.<name>`. */
export function readVars<T extends z.ZodTypeAny>(schema: T, vars: Record<string, unknown>, source: string): z.output<T> {
  const result = schema.safeParse(vars)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  return fail(source, issue.path.join('.'), issue.message)
}

/** Throws the one-line InputError for a variable. */
export function fail(source: string, variable: string, problem: string): never {
  throw new InputError(source, `vars.${variable}`, problem)
}

/** Parses a CIDR variable usable as an emulated VPC (prefix /16 to /24). */
export function vpcCidr(source: string, variable: string, text: string): Cidr {
  const cidr = parseCidr(text)
  if ('error' in cidr) fail(source, variable, cidr.error)
  if (cidr.prefix < 16 || cidr.prefix > 24) fail(source, variable, `VPC CIDRs must be /16 to /24 here (AWS allows /16 to /28; the emulator needs room for per-AZ subnets), got /${cidr.prefix}`)
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
