// IPv4 CIDR arithmetic for planning emulated VPCs. Small enough that a library would add more
// than it saves; kept pure and tested.

/** Parses a dotted quad into an unsigned 32-bit number, or null. */
export function parseIpv4(ip: string): number | null {
  const parts = ip.split('.')
  if (parts.length !== 4) return null
  let value = 0
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null
    const n = Number(part)
    if (n > 255) return null
    value = value * 256 + n
  }
  return value
}

/** Formats an unsigned 32-bit number as a dotted quad. */
export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (Math.floor(value / 2 ** shift) % 256).toString()).join('.')
}

export interface Cidr {
  base: number
  prefix: number
  text: string
}

/** Parses `a.b.c.d/n`; the address must be the network address (as AWS requires of VPC CIDRs). */
export function parseCidr(text: string): Cidr | { error: string } {
  const match = /^(\d+\.\d+\.\d+\.\d+)\/(\d{1,2})$/.exec(text)
  if (!match) return { error: `"${text}" is not an IPv4 CIDR such as 10.0.0.0/16` }
  const ip = parseIpv4(match[1]!)
  const prefix = Number(match[2])
  if (ip === null || prefix > 32) return { error: `"${text}" is not an IPv4 CIDR such as 10.0.0.0/16` }
  const size = 2 ** (32 - prefix)
  if (ip % size !== 0) return { error: `"${text}" has host bits set; the network address is ${formatIpv4(ip - (ip % size))}/${prefix}` }
  return { base: ip, prefix, text }
}

/** Whether two CIDRs share any address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  const aEnd = a.base + 2 ** (32 - a.prefix)
  const bEnd = b.base + 2 ** (32 - b.prefix)
  return a.base < bEnd && b.base < aEnd
}

/** Whether `ip` lies inside `cidr`. */
export function cidrContains(cidr: Cidr, ip: string): boolean {
  const value = parseIpv4(ip)
  return value !== null && value >= cidr.base && value < cidr.base + 2 ** (32 - cidr.prefix)
}

/** The address at `offset` from the start of the CIDR. */
export function addressAt(cidr: Cidr, offset: number): string {
  return formatIpv4(cidr.base + offset)
}
