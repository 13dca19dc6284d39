// Private address allocation inside a subnet, with AWS's reserved addresses: the network address,
// base+1 (VPC router), base+2 (DNS), base+3 (reserved) and the broadcast address are never handed
// out. Pure: the caller passes what is taken.
import { addressAt, parseCidr } from '../../topology/cidr.js'

/** The first free address of `subnetCidr` not in `taken`, or undefined when the subnet is full. */
export function allocateSubnetAddress(subnetCidr: string, taken: Iterable<string>): string | undefined {
  const cidr = parseCidr(subnetCidr)
  if ('error' in cidr) throw new TypeError(cidr.error)
  const used = new Set(taken)
  const size = 2 ** (32 - cidr.prefix)
  for (let offset = 4; offset < size - 1; offset++) {
    const ip = addressAt(cidr, offset)
    if (!used.has(ip)) return ip
  }
  return undefined
}

/** How many addresses AWS leaves usable in a subnet (size minus five). */
export function usableAddressCount(subnetCidr: string): number {
  const cidr = parseCidr(subnetCidr)
  if ('error' in cidr) throw new TypeError(cidr.error)
  return Math.max(0, 2 ** (32 - cidr.prefix) - 5)
}
