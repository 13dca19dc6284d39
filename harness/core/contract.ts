// The fixture output contract: every fixture, on both targets, yields one `harness` output object
// of this shape (DESIGN.md "The fixture contract"). Validated before any probe runs.
import { z } from 'zod'

const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'expected an AWS region such as us-east-1')
const az = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d[a-z]$/, 'expected an availability zone such as us-east-1a')
const ipv4 = z.string().ip({ version: 'v4' })
const dnsName = z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}\.?$/i, 'expected a DNS name')
const port = z.number().int().min(1).max(65535)

export const instanceSchema = z.object({
  instance_id: z.string().regex(/^(i|mi)-[0-9a-f]{8,17}$/, 'expected an instance id such as i-0123456789abcdef0'),
  region,
  az,
  account: z.string().min(1),
  /** private IP, where the target knows it (the local target always does) */
  private_ip: ipv4.optional(),
})

export const endpointSchema = z.object({
  id: z.string().regex(/^vpce-[0-9a-f]{8,17}$/, 'expected a VPC endpoint id such as vpce-0123456789abcdef0'),
  region,
  service_region: region,
  regional_dns: dnsName,
  zonal: z.array(z.object({ az, dns: dnsName })),
  eni_ips: z.array(z.object({ az, ip: ipv4 })),
  /** every state EC2 documents for an interface endpoint (targets/aws/endpoint-states.ts maps them) */
  state: z.enum(['pendingAcceptance', 'pending', 'partial', 'available', 'rejected', 'failed', 'expired', 'deleting', 'deleted']),
})

export const harnessOutputSchema = z.object({
  service: z.object({
    name: z.string().min(1),
    region,
    ports: z.array(port).min(1),
    expected: z.object({ status: z.number().int().min(100).max(599), body_pattern: z.string() }),
    /** the NLB's own private IPs: what the provider's service sees as source */
    nlb_ips: z.array(ipv4).optional(),
  }),
  endpoints: z.array(endpointSchema).min(1),
  consumers: z.array(instanceSchema).min(1),
  /** provider-side instances, for scenarios that act from the provider (optional: fixtures may not expose them) */
  producers: z.array(instanceSchema).optional(),
  /** instances that are neither consumers nor producers, e.g. a VPC peered to the relay's outpost only */
  bystanders: z.array(instanceSchema).optional(),
  hostnames: z.object({ tls: dnsName.optional() }).catchall(dnsName).default({}),
})

export type HarnessOutput = z.infer<typeof harnessOutputSchema>
export type InstanceRef = z.infer<typeof instanceSchema>
export type EndpointOutput = z.infer<typeof endpointSchema>
