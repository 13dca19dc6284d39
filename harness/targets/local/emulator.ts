// Builds a TopologyPlan out of namespaces, links, nftables and in-process services, and takes it
// all down again. Everything it creates is recorded as it is created, so destroy() (and a destroy
// after a failed build) removes exactly what this run made.
import { mkdir, rm, writeFile } from 'node:fs/promises'
import type dgram from 'node:dgram'
import type net from 'node:net'
import { buildAvailabilityCommands, buildEndpointRuleset, buildInstanceRuleset } from './firewall/nft-rules.js'
import { serveVpcResolver } from './dns/vpc-resolver.js'
import { azRttMs, CROSS_AZ_RTT_MS, PRIVATELINK_HOP_RTT_MS, interRegionRttMs, pathRttMs } from './latency/latency-model.js'
import { buildNamespaceBatches } from './netns/ip-batches.js'
import { deleteNamespaces, runIpBatch, runNft } from './netns/run-batches.js'
import { SocketAgent } from './netns/socket-agent.js'
import { EmulatedNlb } from './services/emulated-nlb.js'
import { serveEniListener } from './services/privatelink-hop.js'
import { WebService } from './services/web-service.js'
import type { EndpointPlan, InstancePlan, TopologyPlan } from './topology/plan-types.js'

type EndpointState = 'pendingAcceptance' | 'available' | 'rejected'

/** Where `ip netns exec` looks for a namespace's own resolv.conf. */
export const NETNS_ETC = '/etc/netns'

export interface EmulatorOptions {
  tag: string
  healthCheckIntervalMs?: number
}

/** A running emulated topology. */
export class Emulator {
  readonly plan: TopologyPlan
  private readonly namespaces: string[] = []
  private readonly etcDirs: string[] = []
  private readonly agents = new Map<string, SocketAgent>()
  private readonly servers: net.Server[] = []
  private readonly udpSockets: dgram.Socket[] = []
  private readonly webServices = new Map<string, WebService>()
  private readonly nlbs = new Map<string, EmulatedNlb>()
  private readonly endpointStates = new Map<string, EndpointState>()
  private readonly options: Required<EmulatorOptions>
  private destroyed = false

  constructor(plan: TopologyPlan, options: EmulatorOptions) {
    this.plan = plan
    this.options = { healthCheckIntervalMs: 300, ...options }
    for (const e of plan.endpoints) this.endpointStates.set(e.id, e.initialState)
  }

  /** Namespaces this emulator created (for journals and leak checks). */
  createdNamespaces(): string[] {
    return [...this.namespaces]
  }

  /** PIDs of helper processes still running. */
  helperPids(): number[] {
    return [...this.agents.values()].map((a) => a.pid)
  }

  /** Creates the topology. On failure, call destroy(): it removes whatever got made. */
  async build(): Promise<void> {
    const [create, ...wiring] = buildNamespaceBatches(this.plan)
    // record before creating, so a failure half-way still tears down what exists
    this.namespaces.push(...create!.lines.map((l) => l.replace(/^netns add /, '')))
    await runIpBatch(create!)
    const fabrics = wiring.filter((b) => this.plan.vpcs.some((v) => v.ns === b.ns))
    const hosts = wiring.filter((b) => !fabrics.includes(b))
    await Promise.all(fabrics.map((b) => runIpBatch(b)))
    await Promise.all(hosts.map((b) => runIpBatch(b)))
    await this.writeResolvConfs()
    await this.loadFirewalls()
    await this.startServices()
  }

  private async writeResolvConfs(): Promise<void> {
    for (const inst of this.plan.instances) {
      const vpc = this.plan.vpcs.find((v) => v.key === inst.vpc)!
      const dir = `${NETNS_ETC}/${inst.ns}`
      this.etcDirs.push(dir)
      await mkdir(dir, { recursive: true })
      await writeFile(`${dir}/resolv.conf`, `nameserver ${vpc.resolverIp}\noptions timeout:1 attempts:2\n`)
    }
  }

  private async loadFirewalls(): Promise<void> {
    const jobs: Array<Promise<void>> = []
    for (const vpc of this.plan.vpcs) {
      const endpoints = this.plan.endpoints.filter((e) => e.vpc === vpc.key)
      if (endpoints.length === 0) continue
      const pending = endpoints.filter((e) => this.endpointStates.get(e.id) !== 'available').flatMap((e) => e.enis.map((x) => x.ip))
      jobs.push(runNft(vpc.ns, buildEndpointRuleset(this.options.tag, endpoints) + buildAvailabilityCommands(this.options.tag, pending, false)))
    }
    for (const inst of this.plan.instances) jobs.push(runNft(inst.ns, buildInstanceRuleset(this.options.tag, inst)))
    await Promise.all(jobs)
  }

  private async agentIn(ns: string): Promise<SocketAgent> {
    let agent = this.agents.get(ns)
    if (!agent) {
      agent = await SocketAgent.start(ns)
      this.agents.set(ns, agent)
    }
    return agent
  }

  private vpcAgent(vpcKey: string): SocketAgent {
    const vpc = this.plan.vpcs.find((v) => v.key === vpcKey)!
    const agent = this.agents.get(vpc.ns)
    if (!agent) throw new Error(`no socket agent in VPC ${vpcKey}`)
    return agent
  }

  private async startServices(): Promise<void> {
    // one agent per VPC fabric: resolvers, ENIs and NLB connections live there
    await Promise.all(this.plan.vpcs.map((v) => this.agentIn(v.ns)))
    for (const vpc of this.plan.vpcs) {
      const socket = await this.vpcAgent(vpc.key).listenUdp(vpc.resolverIp, 53)
      this.udpSockets.push(socket)
      serveVpcResolver(socket, () => this.plan.dns[vpc.key] ?? [])
    }
    await Promise.all(this.plan.instances.filter((i) => i.role === 'producer').map((i) => this.startWebService(i)))
    for (const nlbPlan of this.plan.nlbs) {
      const port = nlbPlan.listenerPorts[0]!
      const nlb = new EmulatedNlb(nlbPlan, (key) => this.vpcAgent(key), {
        intervalMs: this.options.healthCheckIntervalMs,
        healthyThreshold: 2,
        unhealthyThreshold: 2,
        path: '/health',
        port,
      })
      this.nlbs.set(nlbPlan.key, nlb)
      await nlb.start()
    }
    for (const endpoint of this.plan.endpoints) await this.startEndpoint(endpoint)
    // agents in consumer-only VPCs are no longer needed once their listeners exist
    const needed = new Set(this.plan.nlbs.map((n) => this.plan.vpcs.find((v) => v.key === n.vpc)!.ns))
    for (const [ns, agent] of this.agents) {
      if (!needed.has(ns)) {
        await agent.stop()
        this.agents.delete(ns)
      }
    }
  }

  private async startWebService(inst: InstancePlan): Promise<void> {
    const agent = await SocketAgent.start(inst.ns)
    try {
      const service = new WebService(inst.id, inst.az)
      for (const port of inst.servicePorts) {
        const listener = await agent.listenTcp(inst.ip, port)
        this.servers.push(listener)
        service.serve(listener)
      }
      this.webServices.set(inst.id, service)
    } finally {
      await agent.stop()
    }
  }

  private async startEndpoint(endpoint: EndpointPlan): Promise<void> {
    const service = this.plan.services.find((s) => s.id === endpoint.serviceId)!
    const nlb = this.nlbs.get(service.nlb)!
    const agent = this.vpcAgent(endpoint.vpc)
    const consumerByIp = new Map(this.plan.instances.filter((i) => i.vpc === endpoint.vpc).map((i) => [i.ip, i]))
    const crossRegion = interRegionRttMs(endpoint.region, endpoint.serviceRegion)
    for (const eni of endpoint.enis) {
      for (const port of endpoint.ports) {
        const server = await agent.listenTcp(eni.ip, port)
        this.servers.push(server)
        serveEniListener(server, eni.az, port, {
          nlb,
          isAvailable: () => this.endpointStates.get(endpoint.id) === 'available',
          pathRttMs: (sourceIp, eniAz, targetAz) => {
            const consumer = consumerByIp.get(sourceIp)
            return pathRttMs({
              consumerToEni: consumer ? azRttMs(consumer.az, eniAz) : CROSS_AZ_RTT_MS,
              privatelink: PRIVATELINK_HOP_RTT_MS,
              crossRegion,
              nlbToTarget: azRttMs(eniAz, targetAz),
            })
          },
        })
      }
    }
  }

  /** Current state of an endpoint. */
  endpointState(id: string): EndpointState {
    return this.endpointStates.get(id) ?? 'pendingAcceptance'
  }

  /** Accepts pending connections to the service (AcceptVpcEndpointConnections): traffic flows from now on. */
  async acceptEndpoints(): Promise<void> {
    for (const endpoint of this.plan.endpoints) {
      if (this.endpointStates.get(endpoint.id) !== 'pendingAcceptance') continue
      const vpc = this.plan.vpcs.find((v) => v.key === endpoint.vpc)!
      await runNft(vpc.ns, buildAvailabilityCommands(this.options.tag, endpoint.enis.map((e) => e.ip), true))
      this.endpointStates.set(endpoint.id, 'available')
    }
  }

  /** Makes the producers in `az` pass or fail their health checks. */
  setTargetHealth(az: string, healthy: boolean): void {
    for (const inst of this.plan.instances.filter((i) => i.role === 'producer' && i.az === az)) {
      const service = this.webServices.get(inst.id)
      if (service) service.healthy = healthy
    }
  }

  /** Health of every NLB target. */
  targetHealth(): Record<string, boolean> {
    return Object.assign({}, ...[...this.nlbs.values()].map((n) => n.targetHealth()))
  }

  /** Removes everything this emulator made; returns the namespaces that could not be removed. */
  async destroy(): Promise<string[]> {
    if (this.destroyed) return []
    this.destroyed = true
    await Promise.all([...this.nlbs.values()].map((n) => n.close()))
    await Promise.all([...this.webServices.values()].map((w) => w.close()))
    for (const s of this.servers) s.close()
    for (const u of this.udpSockets) u.close()
    await Promise.all([...this.agents.values()].map((a) => a.stop()))
    this.agents.clear()
    const left = await deleteNamespaces(this.namespaces)
    await Promise.all(this.etcDirs.map((d) => rm(d, { recursive: true, force: true })))
    return left
  }
}
