// Parent side of socket-agent.mjs: starts the agent inside a namespace and asks it for listening
// servers, UDP sockets and outgoing connections, which arrive as handles owned by this process.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type net from 'node:net'
import type dgram from 'node:dgram'

const agentPath = fileURLToPath(new URL('./socket-agent.mjs', import.meta.url))

interface Pending {
  resolve: (value: { msg: AgentReply; handle: unknown }) => void
  reject: (error: Error) => void
}
interface AgentReply {
  id: number
  ok: boolean
  code?: string
  message?: string
  port?: number
}

/** A socket opener living in one network namespace. */
export class SocketAgent {
  readonly namespace: string
  readonly pid: number
  private readonly child: ChildProcess
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private exited = false

  private constructor(namespace: string, child: ChildProcess) {
    this.namespace = namespace
    this.child = child
    this.pid = child.pid ?? -1
    child.on('message', (msg: AgentReply, handle: unknown) => {
      const waiter = this.pending.get(msg.id)
      if (!waiter) return
      this.pending.delete(msg.id)
      waiter.resolve({ msg, handle })
    })
    child.on('exit', () => {
      this.exited = true
      for (const w of this.pending.values()) w.reject(new Error(`socket agent in ${namespace} exited`))
      this.pending.clear()
    })
  }

  /** Starts an agent inside `namespace` and waits until it is ready. */
  static async start(namespace: string): Promise<SocketAgent> {
    const child = spawn('ip', ['netns', 'exec', namespace, process.execPath, agentPath], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    })
    let stderr = ''
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
    await new Promise<void>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`socket agent for ${namespace} exited (${code}): ${stderr.trim()}`))
      child.once('exit', onExit)
      child.once('error', reject)
      child.once('message', () => {
        child.off('exit', onExit)
        resolve()
      })
    })
    return new SocketAgent(namespace, child)
  }

  private request(body: Record<string, unknown>): Promise<{ msg: AgentReply; handle: unknown }> {
    if (this.exited) return Promise.reject(new Error(`socket agent in ${this.namespace} is gone`))
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.child.send({ id, ...body })
    })
  }

  private static fail(msg: AgentReply, what: string): never {
    throw Object.assign(new Error(`${what}: ${msg.message ?? msg.code}`), { code: msg.code })
  }

  /** A TCP server listening inside the namespace (paused on connect until the caller reads). */
  async listenTcp(host: string, port: number): Promise<net.Server> {
    const { msg, handle } = await this.request({ op: 'listen-tcp', host, port })
    if (!msg.ok) SocketAgent.fail(msg, `listen ${host}:${port} in ${this.namespace}`)
    return handle as net.Server
  }

  /** A UDP socket bound inside the namespace. */
  async listenUdp(host: string, port: number): Promise<dgram.Socket> {
    const { msg, handle } = await this.request({ op: 'listen-udp', host, port })
    if (!msg.ok) SocketAgent.fail(msg, `bind udp ${host}:${port} in ${this.namespace}`)
    return handle as dgram.Socket
  }

  /** A TCP connection made from inside the namespace (optionally from a given local address). */
  async connectTcp(host: string, port: number, options: { localAddress?: string; timeoutMs?: number } = {}): Promise<net.Socket> {
    const { msg, handle } = await this.request({ op: 'connect-tcp', host, port, ...options })
    if (!msg.ok) SocketAgent.fail(msg, `connect ${host}:${port} from ${this.namespace}`)
    return handle as net.Socket
  }

  /** Ends the agent process; sockets it handed over stay open. */
  async stop(): Promise<void> {
    if (this.exited) return
    const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()))
    this.child.disconnect()
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 2000)
    await done
    clearTimeout(timer)
  }
}
