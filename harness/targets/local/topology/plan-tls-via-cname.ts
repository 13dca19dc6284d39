// TLS via a CNAME: the same-region cross-account topology with a TLS listener on the NLB whose
// certificate (issued by the run's local CA, ACM's role) names `<tls_record_name>.<zone_name>`;
// a private hosted zone in the consumer VPC makes that name a CNAME to the endpoint's regional
// name. HTTPS to the friendly name verifies; to the raw vpce names it fails on the name.
import { z } from 'zod'
import { endpointDnsRecords } from './build-privatelink.js'
import { buildTwoVpcTopology } from './build-sides.js'
import type { PlannerInput, TopologyPlan } from './plan-types.js'
import { commonVars, fail, readVars, regionVar, twoVpcVars } from './topology-vars.js'

const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/
const varsSchema = z.object({
  ...commonVars,
  ...twoVpcVars,
  region: regionVar,
  zone_name: z.string().regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'expected a DNS zone such as example.com'),
  tls_record_name: z.string().regex(label, 'expected one DNS label such as consumer-link'),
  tls_port: z.number().int().min(1).max(65535, 'ports are 1 to 65535'),
})

export function planTlsViaCname(input: PlannerInput): TopologyPlan {
  const v = readVars(varsSchema, input.vars, input.source)
  if (v.listener_ports.includes(v.tls_port)) fail(input.source, 'tls_port', `${v.tls_port} is also in listener_ports: one port, one listener`)
  const hostname = `${v.tls_record_name}.${v.zone_name}`
  const built = buildTwoVpcTopology({
    planner: input,
    v,
    serviceRegion: v.region,
    consumerRegion: v.region,
    tlsListeners: [{ port: v.tls_port, targetPort: v.listener_ports[0]!, serverName: hostname }],
  })
  const endpoint = built.endpoints[0]!
  return {
    topology: 'tls-via-cname',
    ...built,
    peerings: [],
    // the private hosted zone associated with the consumer VPC
    dns: { prod: [], cons: [...endpointDnsRecords(endpoint), { name: hostname, cname: endpoint.regionalDns }] },
    hostnames: { tls: hostname },
    assumptions: [],
  }
}
