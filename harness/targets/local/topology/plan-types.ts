// The emulated topology as data: what the emulator builds, computed purely from a fixture's
// variables. Every name that reaches the kernel (namespaces, nft tables) carries the run tag.

export interface VpcPlan {
  key: string
  /** network namespace acting as the VPC's fabric: router, resolver, endpoint ENIs, NLB nodes */
  ns: string
  cidr: string
  prefix: number
  region: string
  account: string
  routerIp: string
  resolverIp: string
  subnets: Array<{ az: string; cidr: string }>
}

export interface InstancePlan {
  id: string
  vpc: string
  ns: string
  az: string
  region: string
  account: string
  ip: string
  /** bystander: an instance in a VPC peered to the topology, neither consumer nor producer (non-transitivity) */
  role: 'consumer' | 'producer' | 'bystander'
  /** ports the instance's web service answers on (producers) */
  servicePorts: number[]
  /** ingress the instance's security group admits: CIDR and ports (a string is an nft range, `1024-2048`) */
  ingress: Array<{ cidr: string; ports: Array<number | string> }>
}

export interface NlbPlan {
  key: string
  vpc: string
  region: string
  nodes: Array<{ az: string; ip: string }>
  /** every listener port, TCP and TLS */
  listenerPorts: number[]
  /** listeners that terminate TLS with a certificate for `serverName`, forwarding plain TCP to `targetPort` */
  tlsListeners: Array<{ port: number; targetPort: number; serverName: string }>
  crossZone: boolean
  targets: Array<{ instanceId: string; ip: string; az: string; vpc: string }>
}

export interface ServicePlan {
  id: string
  /** com.amazonaws.vpce.<region>.vpce-svc-… */
  name: string
  region: string
  nlb: string
  azs: string[]
  acceptanceRequired: boolean
  allowedPrincipals: string[]
  supportedRegions: string[]
  expected: { status: number; bodyPattern: string }
}

export interface EndpointPlan {
  id: string
  vpc: string
  region: string
  serviceId: string
  serviceRegion: string
  account: string
  enis: Array<{ az: string; ip: string }>
  regionalDns: string
  zonal: Array<{ az: string; dns: string }>
  initialState: 'pendingAcceptance' | 'available'
  ingressCidrs: string[]
  ports: number[]
}

/** An inter-VPC peering: a routed link between two VPC fabrics, with the round trip between them. */
export interface PeeringPlan {
  id: string
  /** requester and accepter VPC keys */
  a: string
  b: string
  /** CIDRs the requester's route table sends through the peering (at least the accepter's CIDR) */
  aRoutes: string[]
  /** CIDRs the accepter's route table sends through the peering */
  bRoutes: string[]
  /** round trip the latency model gives the peering (inter-region or inside a region) */
  rttMs: number
}

export interface DnsRecord {
  name: string
  a?: string[]
  cname?: string
}

export interface TopologyPlan {
  topology: string
  vpcs: VpcPlan[]
  instances: InstancePlan[]
  nlbs: NlbPlan[]
  services: ServicePlan[]
  endpoints: EndpointPlan[]
  peerings: PeeringPlan[]
  /** records each VPC's resolver serves, by VPC key */
  dns: Record<string, DnsRecord[]>
  hostnames: Record<string, string>
  /** assumptions the emulator makes where AWS's documentation is silent, stated in results */
  assumptions: string[]
}

/** What every planner gets: the fixture's merged variables, the namespace tag, an id seed, the input's name. */
export interface PlannerInput {
  vars: Record<string, unknown>
  tag: string
  seed: string
  /** names the input in error messages (the scenario file) */
  source: string
}
