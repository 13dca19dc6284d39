// The Network Load Balancer: per-AZ nodes, HTTP health checks (undici, over connections made
// from the node's own IP inside the provider VPC), and target choice with cross-zone load
// balancing on or off. Connections reach targets from the NLB node's IP, which is what the
// provider's service sees as the source (client IP preservation has no effect via PrivateLink).
import { Client } from 'undici'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { createSecureContext, TLSSocket, type SecureContext } from 'node:tls'
import { pipeWithDelay } from '../latency/delay-pipe.js'
import type { SocketAgent } from '../netns/socket-agent.js'
import type { NlbPlan } from '../topology/plan-types.js'
import { duplexPair } from './duplex-pair.js'

export type NlbTarget = NlbPlan['targets'][number]
type Target = NlbTarget

/** How long a connection that no target can take is held before it is dropped (the client times out first). */
const BLACKHOLE_HOLD_MS = 120_000

/** One connection arriving at an NLB node: from the PrivateLink hop or from inside the VPC. */
export interface ForwardRequest {
  /** AZ of the node that takes the connection */
  nodeAz: string
  /** listener port */
  port: number
  /** round trip of the whole path from the client to `target`, ms (the latency model) */
  rttMs: (target: Target) => number
  /** when the client's connection was accepted (hrtime ms) */
  acceptedAt: number
}

/** Health check settings; AWS's minimum interval is 5 s, the emulator checks faster to start fast. */
export interface HealthCheckOptions {
  intervalMs: number
  healthyThreshold: number
  unhealthyThreshold: number
  path: string
  port: number
}

/**
 * A target's health as ELB's DescribeTargetHealth names it: `initial` from registration until the
 * healthy (or unhealthy) threshold of consecutive checks is reached, as on AWS, where a new target
 * takes no traffic for its first health-check intervals; `unused` once deregistered.
 */
export type TargetHealthState = 'initial' | 'healthy' | 'unhealthy' | 'unused'

interface TargetState {
  target: Target
  health: TargetHealthState
  /** consecutive checks passed / failed */
  passes: number
  fails: number
  client: Client
}

export class EmulatedNlb {
  private readonly states: TargetState[]
  private timer: NodeJS.Timeout | undefined
  private cursor = 0
  private checking = false

  private readonly tlsContexts = new Map<number, { context: SecureContext; targetPort: number }>()

  constructor(
    readonly plan: NlbPlan,
    private readonly agents: (vpcKey: string) => SocketAgent,
    private readonly health: HealthCheckOptions,
    /** certificates of the TLS listeners, by server name (ACM's role) */
    certificates: (serverName: string) => { certPem: string; keyPem: string } = () => {
      throw new Error(`NLB ${plan.key} has TLS listeners but no certificates`)
    },
  ) {
    for (const l of plan.tlsListeners) {
      const { certPem, keyPem } = certificates(l.serverName)
      this.tlsContexts.set(l.port, { context: createSecureContext({ cert: certPem, key: keyPem, minVersion: 'TLSv1.2' }), targetPort: l.targetPort })
    }
    this.states = plan.targets.map((target) => ({
      target,
      health: 'initial' as TargetHealthState,
      passes: 0,
      fails: 0,
      client: this.checkClient(target),
    }))
  }

  private nodeIpFor(target: Target): string {
    return (this.plan.nodes.find((n) => n.az === target.az) ?? this.plan.nodes[0]!).ip
  }

  // undici does the HTTP; the connection itself is made inside the NLB's namespace by the agent.
  private checkClient(target: Target): Client {
    return new Client(`http://${target.ip}:${this.health.port}`, {
      pipelining: 1,
      connect: (_opts, callback) => {
        this.agents(this.plan.vpc)
          .connectTcp(target.ip, this.health.port, { localAddress: this.nodeIpFor(target), timeoutMs: 2000 })
          .then((socket) => {
            socket.resume()
            callback(null, socket)
          })
          .catch((error: Error) => callback(error, null))
      },
    })
  }

  /** Starts periodic health checks; resolves after the first round. */
  async start(): Promise<void> {
    await this.checkAll()
    this.timer = setInterval(() => void this.checkAll(), this.health.intervalMs)
    this.timer.unref()
  }

  private async checkAll(): Promise<void> {
    if (this.checking) return
    this.checking = true
    await Promise.all(this.states.filter((s) => s.health !== 'unused').map((s) => this.checkOne(s)))
    this.checking = false
  }

  private async checkOne(state: TargetState): Promise<void> {
    let ok = false
    try {
      const res = await state.client.request({ method: 'GET', path: this.health.path, headersTimeout: 2000, bodyTimeout: 2000 })
      await res.body.dump()
      ok = res.statusCode >= 200 && res.statusCode < 400
    } catch {
      ok = false
    }
    if (state.health === 'unused') return // deregistered while the check was in flight
    state.passes = ok ? state.passes + 1 : 0
    state.fails = ok ? 0 : state.fails + 1
    if (state.health !== 'healthy' && state.passes >= this.health.healthyThreshold) state.health = 'healthy'
    if (state.health !== 'unhealthy' && state.fails >= this.health.unhealthyThreshold) state.health = 'unhealthy'
  }

  /** Health of every target, by instance id. */
  targetHealth(): Record<string, TargetHealthState> {
    return Object.fromEntries(this.states.map((s) => [s.target.instanceId, s.health]))
  }

  /** Deregisters a target (`unused`: no checks, no traffic) or registers it again (`initial` until its checks pass). */
  setRegistered(instanceId: string, registered: boolean): void {
    for (const state of this.states.filter((s) => s.target.instanceId === instanceId)) {
      if (registered === (state.health !== 'unused')) continue
      state.health = registered ? 'initial' : 'unused'
      state.passes = 0
      state.fails = 0
    }
  }

  /**
   * The target a new connection arriving at the node in `az` goes to: round robin over healthy
   * targets in that AZ (cross-zone off) or in every AZ (on); null when there is none. When every
   * registered target fails its health checks, the NLB fails open to all of them, as AWS does;
   * targets still `initial` or deregistered (`unused`) take nothing.
   */
  pickTarget(az: string): Target | null {
    const registered = this.states.filter((s) => s.health !== 'unused')
    const failOpen = registered.length > 0 && registered.every((s) => s.health === 'unhealthy')
    const pool = registered.filter((s) => (this.plan.crossZone || s.target.az === az) && (s.health === 'healthy' || failOpen))
    if (pool.length === 0) return null
    const chosen = pool[this.cursor++ % pool.length]!
    return chosen.target
  }

  /** Whether the node in `az` has a healthy target to send new connections to. */
  hasHealthyTarget(az: string): boolean {
    return this.states.some((s) => s.health === 'healthy' && (this.plan.crossZone || s.target.az === az))
  }

  /** Opens a connection from the node in `az` to `target`. */
  connect(az: string, target: Target, port: number): Promise<Socket> {
    const node = this.plan.nodes.find((n) => n.az === az) ?? this.plan.nodes[0]!
    return this.agents(this.plan.vpc).connectTcp(target.ip, port, { localAddress: node.ip, timeoutMs: 5000 })
  }

  /**
   * Takes one client connection: picks a target for the node (none: the connection is held and
   * goes nowhere, as on AWS), connects to it from the node's IP, and pipes the two with the
   * path's round trip applied. A TLS listener terminates TLS here and forwards plain TCP to the
   * target port, as an NLB TLS listener does.
   */
  forward(client: Duplex, request: ForwardRequest): void {
    client.on('error', () => client.destroy())
    const target = this.pickTarget(request.nodeAz)
    if (!target) {
      client.resume()
      const timer = setTimeout(() => client.destroy(), BLACKHOLE_HOLD_MS)
      timer.unref()
      client.on('close', () => clearTimeout(timer))
      return
    }
    const rtt = request.rttMs(target)
    const delays = { forwardMs: rtt / 2, backwardMs: rtt / 2, handshakeMs: rtt, acceptedAt: request.acceptedAt }
    const tls = this.tlsContexts.get(request.port)
    this.connect(request.nodeAz, target, tls ? tls.targetPort : request.port)
      .then((upstream) => {
        if (client.destroyed) {
          upstream.destroy()
          return
        }
        upstream.setNoDelay(true)
        if (!tls) {
          pipeWithDelay(client, upstream, delays)
          return
        }
        // the round trips apply to the encrypted bytes between client and node; behind the
        // TLSSocket the plain bytes go straight to the target
        const [outer, inner] = duplexPair()
        pipeWithDelay(client, outer, delays)
        const secure = new TLSSocket(inner, { isServer: true, secureContext: tls.context })
        const closeAll = (): void => {
          secure.destroy()
          upstream.destroy()
          outer.destroy()
        }
        secure.on('error', closeAll)
        upstream.on('error', closeAll)
        secure.pipe(upstream)
        upstream.pipe(secure)
      })
      .catch(() => client.destroy())
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    await Promise.all(this.states.map((s) => s.client.destroy().catch(() => undefined)))
  }
}
