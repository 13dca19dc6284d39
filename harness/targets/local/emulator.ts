// Builds a TopologyPlan out of namespaces, links, nftables and in-process services, and takes it
// all down again. Everything it creates is recorded as it is created, so destroy() (and a destroy
// after a failed build) removes exactly what this run made.
import { mkdir, rm, writeFile } from 'node:fs/promises'
import type dgram from 'node:dgram'
import type net from 'node:net'
import pMap from 'p-map'
import { buildAvailabilityCommands, buildEndpointRuleset, buildInstanceRuleset, buildPeeringForwardRuleset, tableName } from './firewall/nft-rules.js'
import { serveVpcResolver } from './dns/vpc-resolver.js'
import { hrtimeMs } from './latency/delay-pipe.js'
import { directPathRtt, endpointPathRtt, instanceByIp, reachableFrom, serviceNodeAz } from './latency/path-model.js'
import { buildNamespaceBatches, forwardingFabrics } from './netns/ip-batches.js'
import { deleteNamespaces, enableForwarding, runIpBatch, runNft } from './netns/run-batches.js'
import { SocketAgent } from './netns/socket-agent.js'
import { EmulatedNlb } from './services/emulated-nlb.js'
import { serveEniListener } from './services/privatelink-hop.js'
import { WebService } from './services/web-service.js'
import { createLocalCa, type LocalCa } from './tls/local-ca.js'
import type { DnsRecord, EndpointPlan, InstancePlan, NlbPlan, TopologyPlan, VpcPlan } from './topology/plan-types.js'
import { noJournal, type ResourceJournal } from '../../core/resource-journal.js'

type EndpointState = 'pendingAcceptance' | 'available' | 'rejected'

/** Short-lived socket agents (one node process each, ~40 MiB) started at once for consumer VPCs. */
const PASSING_AGENTS = 8

/** Where `ip netns exec` looks for a namespace's own resolv.conf. */
export const NETNS_ETC = '/etc/netns'

export interface EmulatorOptions {
  tag: string
  healthCheckIntervalMs?: number
  /** notes each namespace, /etc/netns dir, nft table and helper process before it is made (the run journal) */
  journal?: ResourceJournal
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
  private ca: LocalCa | undefined
  private destroyed = false

  constructor(plan: TopologyPlan, options: EmulatorOptions) {
    this.plan = plan
    this.options = { healthCheckIntervalMs: 300, journal: noJournal, ...options }
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
    const batches = buildNamespaceBatches(this.plan)
    // record before creating, so a failure half-way still tears down what exists
    this.namespaces.push(...batches.create.lines.map((l) => l.replace(/^netns add /, '')))
    await this.options.journal.record(...this.namespaces.map((ns) => ({ kind: 'namespace' as const, id: ns, ns })))
    await runIpBatch(batches.create)
    await Promise.all(batches.fabrics.map((b) => runIpBatch(b)))
    await Promise.all(batches.hosts.map((b) => runIpBatch(b)))
    await Promise.all(batches.peeringRequesters.map((b) => runIpBatch(b)))
    await Promise.all(batches.peeringAccepters.map((b) => runIpBatch(b)))
    await Promise.all(forwardingFabrics(this.plan).map((ns) => enableForwarding(ns)))
    await this.writeResolvConfs()
    await this.loadFirewalls()
    await this.startServices()
  }

  private async writeResolvConfs(): Promise<void> {
    for (const inst of this.plan.instances) {
      const vpc = this.plan.vpcs.find((v) => v.key === inst.vpc)!
      const dir = `${NETNS_ETC}/${inst.ns}`
      this.etcDirs.push(dir)
      await this.options.journal.record({ kind: 'dir', id: dir, path: dir })
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
      jobs.push(this.nft(vpc.ns, buildEndpointRuleset(this.options.tag, endpoints) + buildAvailabilityCommands(this.options.tag, pending, false)))
    }
    for (const inst of this.plan.instances) jobs.push(this.nft(inst.ns, buildInstanceRuleset(this.options.tag, inst)))
    await Promise.all(jobs)
    // peering is not transitive: a VPC never forwards from one peering into another
    await Promise.all(forwardingFabrics(this.plan).map((ns) => this.nft(ns, buildPeeringForwardRuleset(this.options.tag))))
  }

  private tableId(ns: string): string {
    return `${ns}:${tableName(this.options.tag)}`
  }

  /** Loads a ruleset into `ns`'s table, journaled first (the table goes with its namespace). */
  private async nft(ns: string, script: string): Promise<void> {
    await this.options.journal.record({ kind: 'nft-table', id: this.tableId(ns), ns, table: `ip ${tableName(this.options.tag)}` })
    await runNft(ns, script)
  }

  /** A socket agent, journaled before it is spawned and again with its pid once it runs. */
  private async startAgent(ns: string): Promise<SocketAgent> {
    const entry = { kind: 'process' as const, id: `socket-agent:${ns}`, ns }
    await this.options.journal.record(entry)
    const agent = await SocketAgent.start(ns)
    await this.options.journal.record({ ...entry, pid: agent.pid })
    return agent
  }

  private async stopAgent(agent: SocketAgent): Promise<void> {
    await agent.stop()
    await this.options.journal.forget({ kind: 'process', id: `socket-agent:${agent.namespace}` })
  }

  private async agentIn(ns: string): Promise<SocketAgent> {
    let agent = this.agents.get(ns)
    if (!agent) {
      agent = await this.startAgent(ns)
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
    // VPCs with an NLB keep an agent for the whole run: the NLB opens its connections there
    const nlbVpcs = new Set(this.plan.nlbs.map((n) => n.vpc))
    const [lasting, passing] = [this.plan.vpcs.filter((v) => nlbVpcs.has(v.key)), this.plan.vpcs.filter((v) => !nlbVpcs.has(v.key))]
    await Promise.all(lasting.map((v) => this.agentIn(v.ns)))
    for (const vpc of lasting) await this.startResolver(vpc)
    await Promise.all(this.plan.instances.filter((i) => i.role === 'producer').map((i) => this.startWebService(i)))
    for (const nlbPlan of this.plan.nlbs) {
      // health checks go to the traffic port of the targets (a TLS listener's target port)
      const port = nlbPlan.listenerPorts.find((p) => !nlbPlan.tlsListeners.some((l) => l.port === p)) ?? nlbPlan.tlsListeners[0]!.targetPort
      const nlb = new EmulatedNlb(
        nlbPlan,
        (key) => this.vpcAgent(key),
        { intervalMs: this.options.healthCheckIntervalMs, healthyThreshold: 2, unhealthyThreshold: 2, path: '/health', port },
        (serverName) => this.certificateFor(serverName),
      )
      this.nlbs.set(nlbPlan.key, nlb)
      await nlb.start()
      await this.startNlbListeners(nlbPlan, nlb)
    }
    for (const endpoint of this.plan.endpoints.filter((e) => nlbVpcs.has(e.vpc))) await this.startEndpoint(endpoint)
    // every other VPC needs an agent only to open its resolver and ENI listeners: a few
    // short-lived agents at a time keep memory flat when many consumer VPCs share one service
    await pMap(
      passing,
      async (vpc) => {
        const agent = await this.agentIn(vpc.ns)
        try {
          await this.startResolver(vpc)
          for (const endpoint of this.plan.endpoints.filter((e) => e.vpc === vpc.key)) await this.startEndpoint(endpoint)
        } finally {
          await this.stopAgent(agent)
          this.agents.delete(vpc.ns)
        }
      },
      { concurrency: PASSING_AGENTS },
    )
  }

  private async startResolver(vpc: VpcPlan): Promise<void> {
    const socket = await this.vpcAgent(vpc.key).listenUdp(vpc.resolverIp, 53)
    this.udpSockets.push(socket)
    serveVpcResolver(socket, () => this.recordsFor(vpc.key))
  }

  /**
   * The records a VPC's resolver serves now. An endpoint's regional name is health-aware, as on
   * AWS: it leaves out the ENIs whose AZ's NLB node has no healthy target (all of them stay when
   * none has); zonal names always answer with their ENI.
   */
  private recordsFor(vpcKey: string): DnsRecord[] {
    const records = this.plan.dns[vpcKey] ?? []
    const endpoints = this.plan.endpoints.filter((e) => e.vpc === vpcKey)
    if (endpoints.length === 0 || this.nlbs.size === 0) return records
    return records.map((record) => {
      const endpoint = endpoints.find((e) => e.regionalDns === record.name)
      if (!endpoint) return record
      const service = this.plan.services.find((s) => s.id === endpoint.serviceId)!
      const nlb = this.nlbs.get(service.nlb)
      if (!nlb) return record
      const serving = endpoint.enis.filter((eni) => nlb.hasHealthyTarget(serviceNodeAz(this.plan, endpoint, eni.az)))
      return serving.length === 0 || serving.length === endpoint.enis.length ? record : { ...record, a: serving.map((e) => e.ip) }
    })
  }

  /** The run's CA, made on first use: it issues the TLS listeners' certificates. */
  caCertificate(): string | undefined {
    return this.ca?.certPem
  }

  private certificateFor(serverName: string): { certPem: string; keyPem: string } {
    this.ca ??= createLocalCa(this.options.tag)
    return this.ca.issue([serverName])
  }

  /**
   * The NLB's own listeners on its node IPs, for clients inside its VPC or a VPC peered with it
   * (an internal NLB answers there too; the relay's third VPC reaches it this way).
   */
  private async startNlbListeners(plan: NlbPlan, nlb: EmulatedNlb): Promise<void> {
    const agent = this.vpcAgent(plan.vpc)
    const sources = reachableFrom(this.plan, plan.vpc)
    for (const node of plan.nodes) {
      for (const port of plan.listenerPorts) {
        const server = await agent.listenTcp(node.ip, port)
        this.servers.push(server)
        server.on('connection', (client: net.Socket) => {
          const acceptedAt = hrtimeMs()
          client.setNoDelay(true)
          const source = instanceByIp(this.plan, client.remoteAddress ?? '', sources)
          nlb.forward(client, { nodeAz: node.az, port, acceptedAt, rttMs: (target) => directPathRtt(this.plan, plan, source, node.az, target) })
        })
      }
    }
  }

  private async startWebService(inst: InstancePlan): Promise<void> {
    const agent = await this.startAgent(inst.ns)
    try {
      const service = new WebService(inst.id, inst.az)
      for (const port of inst.servicePorts) {
        const listener = await agent.listenTcp(inst.ip, port)
        this.servers.push(listener)
        service.serve(listener)
      }
      this.webServices.set(inst.id, service)
    } finally {
      await this.stopAgent(agent)
    }
  }

  private async startEndpoint(endpoint: EndpointPlan): Promise<void> {
    const service = this.plan.services.find((s) => s.id === endpoint.serviceId)!
    const nlb = this.nlbs.get(service.nlb)!
    const agent = this.vpcAgent(endpoint.vpc)
    const consumerByIp = new Map(this.plan.instances.filter((i) => i.vpc === endpoint.vpc).map((i) => [i.ip, i]))
    for (const eni of endpoint.enis) {
      const nodeAz = serviceNodeAz(this.plan, endpoint, eni.az)
      for (const port of endpoint.ports) {
        const server = await agent.listenTcp(eni.ip, port)
        this.servers.push(server)
        serveEniListener(server, nodeAz, port, {
          nlb,
          isAvailable: () => this.endpointStates.get(endpoint.id) === 'available',
          pathRttMs: (sourceIp, target) => endpointPathRtt(this.plan, endpoint, consumerByIp.get(sourceIp)?.az, eni.az, target),
        })
      }
    }
  }

  /** Current state of an endpoint. */
  endpointState(id: string): EndpointState {
    return this.endpointStates.get(id) ?? 'pendingAcceptance'
  }

  /** Accepts pending connections (all, or those `which` names) (AcceptVpcEndpointConnections): traffic flows from now on. */
  async acceptEndpoints(which: (endpointId: string) => boolean = () => true): Promise<void> {
    for (const endpoint of this.plan.endpoints) {
      if (this.endpointStates.get(endpoint.id) !== 'pendingAcceptance' || !which(endpoint.id)) continue
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
    await Promise.all([...this.agents.values()].map((a) => this.stopAgent(a)))
    this.agents.clear()
    const left = await deleteNamespaces(this.namespaces)
    await Promise.all(this.etcDirs.map((d) => rm(d, { recursive: true, force: true })))
    const gone = this.namespaces.filter((ns) => !left.includes(ns))
    await this.options.journal.forget(...gone.flatMap((ns) => [{ kind: 'nft-table' as const, id: this.tableId(ns) }, { kind: 'namespace' as const, id: ns }]), ...this.etcDirs.map((d) => ({ kind: 'dir' as const, id: d })))
    return left
  }
}
