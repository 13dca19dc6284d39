// The reconciler's pure half: a snapshot of the local AWS API's store in, the data plane's spec
// out (the TopologyPlan the emulator builds: VPC fabrics, instances, NLBs, endpoint services,
// endpoints, DNS). Only resources in a usable state take part (a VPC `available`, an instance
// `running`, an NLB `active`, an endpoint whose service and NLB exist), so the spec grows as an
// apply proceeds and shrinks as a destroy does. Where the store cannot say what runs on an
// instance, the emulator's stand-in applies: an instance registered in a target group answers
// HTTP on the registration's port as the fixtures' producer service does ("Hello from plh
// producer <az>", /whoami); its user data is not run.
import type { Instance, NetworkInterface, SecurityGroupRule, Subnet, Vpc, VpcEndpoint, ServiceConfiguration, VpcPeeringConnection, RouteTable } from '@aws-sdk/client-ec2'
import type { Listener, LoadBalancer, TargetGroup } from '@aws-sdk/client-elastic-load-balancing-v2'
import type { ResourceRecord } from '../api/store/aws-store.js'
import { findAvailabilityZone } from '../api/store/availability-zones.js'
import { addressAt, parseCidr } from '../topology/cidr.js'
import { endpointDnsRecords, PRODUCER_BODY_PATTERN } from '../topology/build-privatelink.js'
import type { DnsRecord, EndpointPlan, InstancePlan, NlbPlan, PeeringPlan, ServicePlan, TopologyPlan, VpcPlan } from '../topology/plan-types.js'

/** What ELBv2 keeps beside a target group's SDK shape (services/elbv2/records.ts). */
interface TargetGroupExtras {
  local?: { targets?: Array<{ Id: string; Port?: number; AvailabilityZone?: string; deregisteredAt?: number }> }
}
interface LoadBalancerExtras {
  local?: { attributes?: Record<string, string>; networkInterfaceIds?: string[] }
}

/** The widest port range a rule is expanded into single ports for; wider ones become an nft range. */
const ALL_PORTS = '0-65535'

export interface PlanFromStoreInput {
  records: ResourceRecord[]
  /** names of namespaces and nft tables carry it (`plh-<tag>-<vpc-id>`) */
  tag: string
  /** round trip of a peering (ms), from the latency model; default 0 */
  peeringRttMs?: (a: { region: string }, b: { region: string }) => number
}

/** The spec and, per left-out resource, why (for logs: "vpce-… waits for its service's NLB"). */
export interface StorePlan {
  plan: TopologyPlan
  waiting: string[]
}

const byType = (records: ResourceRecord[], type: string) => records.filter((r) => r.type === type)

/**
 * The data plane is physical, so it names zones by zone id (`use1-az1`): each account's AZ names
 * are its own shuffle (store/availability-zones.ts), and only ids say that the consumer's
 * us-east-1c is the producer's us-east-1a.
 */
function zoneId(record: { account: string; region: string }, name: string | undefined): string {
  return findAvailabilityZone(record.account, record.region, name ?? '')?.id ?? name ?? ''
}

/** The data plane's spec for the store's current state. */
export function planFromStore(input: PlanFromStoreInput): StorePlan {
  const { records, tag } = input
  const waiting: string[] = []
  const subnets = byType(records, 'subnet') as ResourceRecord<Subnet>[]
  const rules = byType(records, 'security-group-rule') as ResourceRecord<SecurityGroupRule>[]
  const enis = byType(records, 'network-interface') as ResourceRecord<NetworkInterface>[]

  const vpcs: VpcPlan[] = []
  for (const r of byType(records, 'vpc') as ResourceRecord<Vpc>[]) {
    const cidr = parseCidr(r.data.CidrBlock ?? '')
    if ('error' in cidr || r.data.State !== 'available') continue
    vpcs.push({
      key: r.id,
      ns: `plh-${tag}-${r.id}`,
      cidr: cidr.text,
      prefix: cidr.prefix,
      region: r.region,
      account: r.account,
      routerIp: addressAt(cidr, 1),
      resolverIp: addressAt(cidr, 2),
      subnets: subnets.filter((s) => s.data.VpcId === r.id).map((s) => ({ az: zoneId(s, s.data.AvailabilityZone), cidr: s.data.CidrBlock ?? '' })),
    })
  }
  const vpcKeys = new Set(vpcs.map((v) => v.key))

  // target groups → registrations (instance or IP), for producers' service ports and NLB targets
  const targetGroups = byType(records, 'target-group') as ResourceRecord<TargetGroup & TargetGroupExtras>[]
  const live = (tg: ResourceRecord<TargetGroup & TargetGroupExtras>) => (tg.data.local?.targets ?? []).filter((t) => t.deregisteredAt === undefined)

  const instanceRecords = (byType(records, 'instance') as ResourceRecord<Instance>[]).filter((r) => r.data.State?.Name === 'running' && vpcKeys.has(r.data.VpcId ?? ''))
  const servicePorts = (inst: Instance): number[] => {
    const ports = new Set<number>()
    for (const tg of targetGroups) {
      for (const t of live(tg)) if (t.Id === inst.InstanceId || t.Id === inst.PrivateIpAddress) ports.add(t.Port ?? tg.data.Port ?? 80)
    }
    return [...ports].sort((a, b) => a - b)
  }
  const groupMembersIps = (groupId: string): string[] => [
    ...instanceRecords.filter((i) => (i.data.SecurityGroups ?? []).some((g) => g.GroupId === groupId)).map((i) => i.data.PrivateIpAddress ?? ''),
    ...enis.filter((e) => (e.data.Groups ?? []).some((g) => g.GroupId === groupId)).map((e) => e.data.PrivateIpAddress ?? ''),
  ].filter(Boolean)
  const ingressOf = (groupIds: string[]): InstancePlan['ingress'] =>
    rules
      .filter((r) => !r.data.IsEgress && groupIds.includes(r.data.GroupId ?? '') && (r.data.IpProtocol === 'tcp' || r.data.IpProtocol === '6' || r.data.IpProtocol === '-1'))
      .flatMap((r) => {
        const ports = rulePorts(r.data)
        const sources = r.data.CidrIpv4 ? [r.data.CidrIpv4] : r.data.ReferencedGroupInfo?.GroupId ? groupMembersIps(r.data.ReferencedGroupInfo.GroupId).map((ip) => `${ip}/32`) : []
        return sources.map((cidr) => ({ cidr, ports }))
      })

  const instances: InstancePlan[] = instanceRecords.map((r) => {
    const ports = servicePorts(r.data)
    return {
      id: r.id,
      vpc: r.data.VpcId!,
      ns: `plh-${tag}-${r.id}`,
      az: zoneId(r, r.data.Placement?.AvailabilityZone),
      region: r.region,
      account: r.account,
      ip: r.data.PrivateIpAddress ?? '',
      role: ports.length > 0 ? 'producer' : 'consumer',
      servicePorts: ports,
      ingress: ingressOf((r.data.SecurityGroups ?? []).map((g) => g.GroupId ?? '')),
    }
  })

  // network load balancers that are active, with their listeners and targets
  const listeners = byType(records, 'listener') as ResourceRecord<Listener>[]
  const nlbs: NlbPlan[] = []
  for (const r of byType(records, 'load-balancer') as ResourceRecord<LoadBalancer & LoadBalancerExtras>[]) {
    const lb = r.data
    if (lb.Type !== 'network' || !vpcKeys.has(lb.VpcId ?? '')) continue
    if (lb.State?.Code !== 'active') {
      waiting.push(`${lb.LoadBalancerName ?? r.id} is ${lb.State?.Code ?? 'not active'}`)
      continue
    }
    const own = listeners.filter((l) => l.data.LoadBalancerArn === r.id && (l.data.Port ?? 0) > 0)
    if (own.length === 0) {
      waiting.push(`${lb.LoadBalancerName ?? r.id} has no listener`)
      continue
    }
    const forwardTo = (l: Listener) => (l.DefaultActions ?? []).map((a) => a.TargetGroupArn ?? a.ForwardConfig?.TargetGroups?.[0]?.TargetGroupArn).find(Boolean)
    const groups = own.map((l) => targetGroups.find((tg) => tg.id === forwardTo(l.data))).filter((g): g is NonNullable<typeof g> => g !== undefined)
    const targets = groups.flatMap((tg) =>
      live(tg).flatMap((t) => {
        const inst = instances.find((i) => i.id === t.Id || i.ip === t.Id)
        return inst ? [{ instanceId: inst.id, ip: inst.ip, az: inst.az, vpc: inst.vpc }] : []
      }),
    )
    // an internal NLB lists no addresses (LoadBalancerAddresses is for Elastic IPs): its nodes are
    // its ENIs, `ELB net/<name>/<id>` in each subnet, as the fixtures' data sources find them
    const nodeEnis = enis.filter((n) => (lb.local?.networkInterfaceIds ?? []).includes(n.id) || n.data.Description === `ELB ${r.id.split(':loadbalancer/')[1] ?? '-'}`)
    const nodes = nodeEnis.map((n) => ({ az: zoneId(n, n.data.AvailabilityZone), ip: n.data.PrivateIpAddress ?? '' })).filter((n) => n.ip !== '')
    if (nodes.length === 0) {
      waiting.push(`${lb.LoadBalancerName ?? r.id} has no node ENI`)
      continue
    }
    nlbs.push({
      key: r.id,
      vpc: lb.VpcId!,
      region: r.region,
      nodes,
      listenerPorts: [...new Set(own.map((l) => l.data.Port!))],
      // TLS termination needs the certificate ACM holds (issue 13); until then TLS listeners are plain TCP here
      tlsListeners: [],
      crossZone: lb.local?.attributes?.['load_balancing.cross_zone.enabled'] === 'true',
      targets: dedupe(targets, (t) => t.instanceId),
    })
  }

  const services: ServicePlan[] = []
  for (const r of byType(records, 'vpc-endpoint-service') as ResourceRecord<ServiceConfiguration>[]) {
    const nlb = nlbs.find((n) => (r.data.NetworkLoadBalancerArns ?? []).includes(n.key))
    if (!nlb) {
      waiting.push(`${r.id} waits for an active NLB`)
      continue
    }
    services.push({
      id: r.id,
      name: r.data.ServiceName ?? '',
      region: r.region,
      nlb: nlb.key,
      azs: nlb.nodes.map((n) => n.az),
      acceptanceRequired: r.data.AcceptanceRequired ?? false,
      // the API refuses endpoints of principals it does not allow; the data plane need not check again
      allowedPrincipals: [],
      supportedRegions: (r.data.SupportedRegions ?? []).map((s) => s.Region ?? '').filter(Boolean),
      expected: { status: 200, bodyPattern: PRODUCER_BODY_PATTERN },
    })
  }

  const endpoints: EndpointPlan[] = []
  for (const r of byType(records, 'vpc-endpoint') as ResourceRecord<VpcEndpoint>[]) {
    const e = r.data
    if (e.VpcEndpointType !== 'Interface' || !vpcKeys.has(e.VpcId ?? '')) continue
    const service = services.find((s) => s.name === e.ServiceName)
    if (!service) {
      if (!isAwsServiceName(e.ServiceName)) waiting.push(`${r.id} waits for its service ${e.ServiceName ?? '?'}`)
      continue
    }
    const state = e.State?.toLowerCase()
    // `pending` (just created, or just accepted) is the same endpoint on its way to available: kept,
    // not yet passing traffic, so the step to available is applied in place rather than a rebuild.
    if (state !== 'available' && state !== 'pendingacceptance' && state !== 'pending') continue
    const ownEnis = enis.filter((n) => (e.NetworkInterfaceIds ?? []).includes(n.id))
    const vpc = vpcs.find((v) => v.key === e.VpcId)!
    const ingress = ingressOf((e.Groups ?? []).map((g) => g.GroupId ?? ''))
    const nlb = nlbs.find((n) => n.key === service.nlb)!
    const allowed = (port: number) => ingress.some((rule) => rule.ports.some((p) => (typeof p === 'number' ? p === port : inRange(p, port))))
    const dns = e.DnsEntries ?? []
    const regional = dns.find((d) => !zonalAz(d.DnsName ?? '', r.region))
    endpoints.push({
      id: r.id,
      vpc: vpc.key,
      region: r.region,
      serviceId: service.id,
      serviceRegion: service.region,
      account: r.account,
      enis: ownEnis.map((n) => ({ az: zoneId(n, n.data.AvailabilityZone), ip: n.data.PrivateIpAddress ?? '' })),
      regionalDns: regional?.DnsName ?? '',
      zonal: dns.flatMap((d) => {
        const az = zonalAz(d.DnsName ?? '', r.region)
        return az ? [{ az: zoneId(r, az), dns: d.DnsName ?? '' }] : []
      }),
      initialState: state === 'available' ? 'available' : 'pendingAcceptance',
      ingressCidrs: [...new Set(ingress.map((rule) => rule.cidr))],
      ports: nlb.listenerPorts.filter(allowed),
    })
  }

  const peerings: PeeringPlan[] = []
  const routeTables = byType(records, 'route-table') as ResourceRecord<RouteTable>[]
  for (const r of byType(records, 'vpc-peering-connection') as ResourceRecord<VpcPeeringConnection>[]) {
    const p = r.data
    if (p.Status?.Code !== 'active') continue
    const a = p.RequesterVpcInfo?.VpcId ?? ''
    const b = p.AccepterVpcInfo?.VpcId ?? ''
    if (!vpcKeys.has(a) || !vpcKeys.has(b)) continue
    const routesThrough = (vpcId: string) => [
      ...new Set(routeTables.filter((t) => t.data.VpcId === vpcId).flatMap((t) => (t.data.Routes ?? []).filter((route) => route.VpcPeeringConnectionId === r.id).map((route) => route.DestinationCidrBlock ?? '').filter(Boolean))),
    ]
    const va = vpcs.find((v) => v.key === a)!
    const vb = vpcs.find((v) => v.key === b)!
    peerings.push({ id: r.id, a, b, aRoutes: routesThrough(a), bRoutes: routesThrough(b), rttMs: input.peeringRttMs?.(va, vb) ?? 0 })
  }

  const dns: Record<string, DnsRecord[]> = {}
  for (const endpoint of endpoints) (dns[endpoint.vpc] ??= []).push(...endpointDnsRecords(endpoint))

  return {
    plan: { topology: 'local-aws', vpcs, instances, nlbs, services, endpoints, peerings, dns, hostnames: {}, assumptions: [] },
    waiting,
  }
}

/** The ports a TCP rule admits: single ports for ranges up to 64 wide, an nft range beyond. */
export function rulePorts(rule: SecurityGroupRule): Array<number | string> {
  if (rule.IpProtocol === '-1') return [ALL_PORTS]
  const from = rule.FromPort ?? 0
  const to = rule.ToPort ?? from
  if (from < 0 || to < 0) return [ALL_PORTS]
  if (to - from < 64) return Array.from({ length: to - from + 1 }, (_v, i) => from + i)
  return [`${from}-${to}`]
}

function inRange(range: string, port: number): boolean {
  const [from, to] = range.split('-').map(Number)
  return port >= (from ?? 0) && port <= (to ?? 65535)
}

/** The AZ of a zonal endpoint name (`vpce-…-us-east-1a.vpce-svc-….us-east-1.vpce.amazonaws.com`), else undefined. */
export function zonalAz(dnsName: string, region: string): string | undefined {
  const first = dnsName.split('.')[0] ?? ''
  const match = new RegExp(`-(${region}[a-z])$`).exec(first)
  return match?.[1]
}

/** Endpoints to AWS's own services (ssm, ssmmessages, ec2messages) have no data-plane service to reach. */
function isAwsServiceName(name: string | undefined): boolean {
  return name !== undefined && name.startsWith('com.amazonaws.') && !name.startsWith('com.amazonaws.vpce.')
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)))
}
