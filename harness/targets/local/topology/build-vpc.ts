// Lays out one emulated VPC: the fabric namespace, router at base+1, resolver at base+2, a subnet
// per AZ, and fixed offsets inside each subnet for instances, endpoint ENIs and NLB nodes.
import { addressAt, parseCidr, type Cidr } from './cidr.js'
import type { VpcPlan } from './plan-types.js'

/** Offsets inside each per-AZ subnet: instances from +4 up, ENI and NLB node at the top. */
const INSTANCE_OFFSET = 4
const ENI_FROM_END = 6
const NLB_FROM_END = 5

/** Plans a VPC whose subnets are the 16 equal blocks of its CIDR, the first one left for the router. */
export function buildVpc(input: { key: string; tag: string; cidr: Cidr; region: string; account: string; azs: string[] }): VpcPlan {
  const { cidr } = input
  const subnetPrefix = cidr.prefix + 4
  const subnetSize = 2 ** (32 - subnetPrefix)
  return {
    key: input.key,
    ns: `plh-${input.tag}-${input.key}`,
    cidr: cidr.text,
    prefix: cidr.prefix,
    region: input.region,
    account: input.account,
    routerIp: addressAt(cidr, 1),
    resolverIp: addressAt(cidr, 2),
    subnets: input.azs.map((az, i) => ({ az, cidr: `${addressAt(cidr, (i + 1) * subnetSize)}/${subnetPrefix}` })),
  }
}

function subnetBase(vpc: VpcPlan, az: string): { base: Cidr; size: number } {
  const subnet = vpc.subnets.find((s) => s.az === az)
  if (!subnet) throw new Error(`VPC ${vpc.key} has no subnet in ${az}`)
  const base = parseCidr(subnet.cidr)
  if ('error' in base) throw new Error(`VPC ${vpc.key}: ${base.error}`)
  return { base, size: 2 ** (32 - base.prefix) }
}

/** The n-th instance address in an AZ's subnet. */
export function instanceIp(vpc: VpcPlan, az: string, n: number): string {
  return addressAt(subnetBase(vpc, az).base, INSTANCE_OFFSET + n)
}

/** The endpoint ENI address in an AZ's subnet. */
export function eniIp(vpc: VpcPlan, az: string): string {
  const { base, size } = subnetBase(vpc, az)
  return addressAt(base, size - ENI_FROM_END)
}

/** The NLB node address in an AZ's subnet. */
export function nlbNodeIp(vpc: VpcPlan, az: string): string {
  const { base, size } = subnetBase(vpc, az)
  return addressAt(base, size - NLB_FROM_END)
}
