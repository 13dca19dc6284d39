// TLS via a CNAME: the same-region cross-account topology with a TLS listener on the NLB whose
// certificate (issued by the run's local CA, ACM's role) names `<tls_record_name>.<zone_name>`;
// a private hosted zone in the consumer VPC makes that name a CNAME to the endpoint's regional
// name. HTTPS to the friendly name verifies; to the raw vpce names it fails on the name.
import { z } from 'zod'
import { endpointDnsRecords } from './build-privatelink.js'
import { buildConsumerSide, buildProviderSide } from './build-sides.js'
import { buildVpc } from './build-vpc.js'
import { createIdSource } from './ids.js'
import type { PlannerInput, TopologyPlan } from './plan-types.js'
import { accountVar, azNames, commonVars, fail, readVars, regionVar, vpcCidr } from './topology-vars.js'

const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/
const varsSchema = z.object({
  ...commonVars,
  region: regionVar,
  producer_cidr: z.string(),
  consumer_cidr: z.string(),
  zone_name: z.string().regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'expected a DNS zone such as example.com'),
  tls_record_name: z.string().regex(label, 'expected one DNS label such as consumer-link'),
  tls_port: z.number().int().min(1).max(65535, 'ports are 1 to 65535'),
  producer_account_id: accountVar.nullable().transform((v) => v ?? '111111111111'),
  consumer_account_id: accountVar.nullable().transform((v) => v ?? '222222222222'),
})

export function planTlsViaCname(input: PlannerInput): TopologyPlan {
  const v = readVars(varsSchema, input.vars, input.source)
  if (v.listener_ports.includes(v.tls_port)) fail(input.source, 'tls_port', `${v.tls_port} is also in listener_ports: one port, one listener`)
  const ids = createIdSource(input.seed)
  const azs = azNames(v.region, v.az_count)
  const hostname = `${v.tls_record_name}.${v.zone_name}`
  const producerVpc = buildVpc({ key: 'prod', tag: input.tag, cidr: vpcCidr(input.source, 'producer_cidr', v.producer_cidr), region: v.region, account: v.producer_account_id, azs })
  const consumerVpc = buildVpc({ key: 'cons', tag: input.tag, cidr: vpcCidr(input.source, 'consumer_cidr', v.consumer_cidr), region: v.region, account: v.consumer_account_id, azs })
  const { producers, nlb, service } = buildProviderSide({
    ids,
    tag: input.tag,
    targetVpc: producerVpc,
    nlbVpc: producerVpc,
    targetAzs: azs,
    nlbAzs: azs,
    ports: v.listener_ports,
    tlsListeners: [{ port: v.tls_port, targetPort: v.listener_ports[0]!, serverName: hostname }],
    crossZone: v.cross_zone_load_balancing,
    acceptanceRequired: v.acceptance_required,
    allowedPrincipals: v.allowed_principals,
  })
  const ports = [...v.listener_ports, v.tls_port]
  const { consumers, endpoint } = buildConsumerSide({ ids, tag: input.tag, vpc: consumerVpc, azs, service, ports, ingressCidrs: v.endpoint_ingress_cidrs, source: input.source })
  return {
    topology: 'tls-via-cname',
    vpcs: [producerVpc, consumerVpc],
    instances: [...producers, ...consumers],
    nlbs: [nlb],
    services: [service],
    endpoints: [endpoint],
    peerings: [],
    // the private hosted zone associated with the consumer VPC
    dns: { prod: [], cons: [...endpointDnsRecords(endpoint), { name: hostname, cname: endpoint.regionalDns }] },
    hostnames: { tls: hostname },
    assumptions: [],
  }
}
