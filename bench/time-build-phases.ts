// Profiling aid for the scale benchmark: times the phases of Emulator.build() (namespaces and
// links, resolv.conf files, nftables, services) and the socket agents it starts, by wrapping the
// emulator's own methods on one instance at run time, so the emulator's code stays untouched.
// A method the emulator no longer has is simply not timed (the phase is reported absent).
import { SocketAgent } from '../harness/targets/local/netns/socket-agent.js'

const PHASES = ['writeResolvConfs', 'loadFirewalls', 'startServices'] as const

export interface BuildPhaseTimes {
  /** seconds per phase, in build order; `namespaces_and_links` is from build() to the first timed phase */
  phases_s: Record<string, number>
  socket_agents: { started: number; concurrent_peak: number; start_s_total: number }
}

/**
 * Instruments `emulator` (before build()); read() after build() returns the times.
 * `beforeFirstAgentStop` runs when the first agent is about to stop: the moment most agents are alive.
 */
export function timeBuildPhases(emulator: object, hooks: { beforeFirstAgentStop?: () => Promise<void> } = {}): { read(): BuildPhaseTimes } {
  const target = emulator as Record<string, unknown>
  const marks: Array<{ phase: string; start: number; end: number }> = []
  const buildStart = { at: 0 }
  const originalBuild = target.build as (() => Promise<void>) | undefined
  if (typeof originalBuild === 'function') {
    target.build = async function (this: unknown) {
      buildStart.at = performance.now()
      return originalBuild.call(this)
    }
  }
  for (const phase of PHASES) {
    const original = target[phase]
    if (typeof original !== 'function') continue
    target[phase] = async function (this: unknown, ...args: unknown[]) {
      const start = performance.now()
      try {
        return await (original as (...a: unknown[]) => Promise<unknown>).apply(this, args)
      } finally {
        marks.push({ phase, start, end: performance.now() })
      }
    }
  }
  const agents = { started: 0, running: 0, concurrent_peak: 0, start_ms_total: 0 }
  const originalStart = SocketAgent.start.bind(SocketAgent)
  SocketAgent.start = async (namespace: string) => {
    const t0 = performance.now()
    agents.running += 1
    agents.concurrent_peak = Math.max(agents.concurrent_peak, agents.running)
    try {
      const agent = await originalStart(namespace)
      agents.started += 1
      const stop = agent.stop.bind(agent)
      agent.stop = async () => {
        const hook = hooks.beforeFirstAgentStop
        hooks.beforeFirstAgentStop = undefined
        await hook?.()
        await stop()
        agents.running -= 1
      }
      return agent
    } catch (error) {
      agents.running -= 1
      throw error
    } finally {
      agents.start_ms_total += performance.now() - t0
    }
  }
  const s = (ms: number) => Math.round(ms) / 1000
  return {
    read() {
      const phases_s: Record<string, number> = {}
      const first = marks[0]
      if (first && buildStart.at) phases_s.namespaces_and_links = s(first.start - buildStart.at)
      for (const m of marks) phases_s[m.phase] = s(m.end - m.start)
      return { phases_s, socket_agents: { started: agents.started, concurrent_peak: agents.concurrent_peak, start_s_total: s(agents.start_ms_total) } }
    },
  }
}
