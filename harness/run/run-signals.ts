// SIGINT, SIGTERM, SIGHUP, SIGQUIT, an orphaned run and dead workers in the `plh run` process.
// Vitest's own handlers (its Logger) call process.exit() at once on a signal or an unhandled
// rejection, so workers' fixtures would be left up; and once a worker has died, tinypool keeps
// failing to reach it ("Channel closed"), so vitest never returns cleanly. While a run is on, this
// module handles those events first (and holds process.exit once it acts, so vitest's handlers
// cannot cut the teardown short) and ends the run itself:
// - first signal: mark the run interrupted (workers not yet started apply nothing), pass the signal
//   to the workers the journal lists (each tears its scenario down and forgets itself), wait;
// - a further signal: stop waiting, SIGKILL the workers;
// - the process that started `plh run` gone (a wrapper killed with SIGKILL: no signal comes): as
//   a SIGHUP;
// - an unhandled rejection or uncaught exception (tinypool's, when a worker died: a crash, an OOM
//   kill): as a signal, but the exit code says infrastructure error (3);
// then remove whatever the journal still lists and sweep the run's namespaces by name (the same
// code as `plh cleanup --run <tag>`, run as a child), and exit (signal-policy.ts has the codes).
// Nothing is written to the reports of a run ended this way.
//
// A closed terminal (SIGHUP) also closes the console: writes to it fail with EIO (EPIPE for a
// pipe). Those errors are expected, never a fault; the display stops (whenConsoleGone), and what
// this module says goes to run.log, and to stderr only while stderr still takes it.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, writeSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import type { Logger } from '../core/target.js'
import { actionForSignal, exitCodeForInterruptedRun, parentIsGone, RUN_SIGNALS, type RunSignal } from './signal-policy.js'
import { journalFile, parseJournal, pendingResources, type JournalResource } from './run-journal.js'
import { markRunInterrupted } from './run-registry.js'

export interface RunSignals {
  /** Gives the events back (default behaviour), unless they are ending the run. */
  dispose(): void
  /** Calls `hook` once the console is gone (a hang-up, a write that failed with EIO or EPIPE): the display stops there. */
  whenConsoleGone(hook: () => void): void
}

/** Why a run is being ended here: a signal (`reason` when it stands for something else), or a fault in the `plh run` process (a worker died). */
type StopCause = { signal: RunSignal; reason?: string } | { fault: string }

/** How often an orphaned run is looked for (its parent's exit sends no signal). */
const parentCheckMs = 1000

let stopping: Promise<never> | undefined

const plhBin = fileURLToPath(new URL('../../bin/plh.mjs', import.meta.url))
const exitNow: (code: number) => never = process.exit.bind(process)

/** While this module is ending the run: a promise that never settles (the process exits). Undefined otherwise. */
export function runStopping(): Promise<never> | undefined {
  return stopping
}

// Synchronous on purpose, like children() below: after a worker died, tinypool spins on its closed
// channel and every await here would wait behind it.
function liveWorkers(tag: string): JournalResource[] {
  const text = (() => {
    try {
      return readFileSync(journalFile(tag), 'utf8')
    } catch {
      return ''
    }
  })()
  return pendingResources(parseJournal(text)).filter((r) => r.kind === 'process' && r.id.startsWith('worker:') && r.pid !== undefined && cmdlineSync(r.pid) === r.cmdline)
}

function cmdlineSync(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replaceAll('\0', ' ')
  } catch {
    return undefined
  }
}

function signalQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal)
  } catch {
    // gone meanwhile
  }
}

/** A write to stdout or stderr failed: nothing more is written there. */
let consoleBroken = false
/** The display was told to stop (the console broke, or a hang-up: nobody watches it). */
let displayStopped = false
const consoleGoneHooks = new Set<() => void>()

function stopDisplay(): void {
  if (displayStopped) return
  displayStopped = true
  for (const hook of consoleGoneHooks) {
    try {
      hook()
    } catch {
      // a display that cannot stop cleanly has nowhere to say so
    }
  }
}

/**
 * Listens for write errors on stdout and stderr for the rest of the process: unheard, an EIO from a
 * closed terminal is an uncaught exception (the run would end as a fault), and the summary printed
 * after a run must not crash either. Installed once.
 */
function watchConsole(): void {
  if (watchingConsole) return
  watchingConsole = true
  for (const stream of [process.stdout, process.stderr]) {
    // EIO (a closed terminal), EPIPE (a closed pipe): nobody reads this console any more; the run goes on without it
    stream.on('error', () => {
      consoleBroken = true
      stopDisplay()
    })
  }
}
let watchingConsole = false

/** Direct children of this process (vitest's workers, including idle ones the journal never saw). */
function children(): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat = ''
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue
    }
    // the command name is in parentheses and may hold spaces: the ppid is the 2nd field after it
    if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid) pids.push(Number(entry))
  }
  return pids
}

/**
 * Takes SIGINT, SIGTERM, SIGHUP, SIGQUIT, the parent's exit, unhandled rejections and uncaught
 * exceptions over for run `tag` until `dispose()`. What it says also goes to `log` (run.log).
 */
export function takeOverRunSignals(run: { tag: string; runId: string; unregister(): Promise<void> }, options: { log?: Logger } = {}): RunSignals {
  watchConsole()
  const say = (line: string) => {
    options.log?.warn({ signals: true }, line)
    if (consoleBroken) return
    try {
      // synchronous: the process exits right after the last line, and a pipe would drop pending writes
      writeSync(2, `plh: ${line}\n`)
    } catch {
      // EIO or EPIPE: the terminal is gone; run.log has the line
      consoleBroken = true
      stopDisplay()
    }
  }
  let skipWaiting = false

  const finish = async (cause: StopCause): Promise<never> => {
    const what = 'signal' in cause ? (cause.reason ?? cause.signal) : cause.fault
    let leftBehind = true
    try {
      for (const w of liveWorkers(run.tag)) signalQuietly(w.pid!, 'SIGKILL')
      for (const pid of children()) signalQuietly(pid, 'SIGKILL')
      // the run is over: off the registry, so that `plh cleanup --run` may take it down. It runs
      // as a blocking child: after a worker died, tinypool spins on its closed channel and would
      // starve a teardown run from this event loop (tens of seconds on a busy machine).
      await run.unregister()
      const cleanup = spawnSync(process.execPath, [plhBin, 'cleanup', '--run', run.tag], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 10 * 60_000 })
      leftBehind = cleanup.status !== 0
      if (leftBehind || process.env.PLH_DEBUG) say(`cleanup --run ${run.tag}:\n${cleanup.stdout}${cleanup.stderr}`.trimEnd())
      const replayed = /removed (\d+) journaled/.exec(cleanup.stdout)?.[1] ?? '?'
      say(`run ${run.runId} stopped (${what}): ${leftBehind ? `teardown left something behind; see above, then \`plh cleanup --run ${run.tag}\`` : `torn down, nothing left (${replayed} journal entries replayed)`}`)
    } catch (error) {
      say(`teardown after ${what} failed: ${(error as Error).message}; run \`plh cleanup --run ${run.tag}\``)
    } finally {
      exitNow('signal' in cause ? exitCodeForInterruptedRun(cause.signal, leftBehind) : leftBehind ? 4 : 3)
    }
  }

  const stop = async (cause: StopCause): Promise<never> => {
    // vitest's own handlers (a signal, an unhandled rejection) call process.exit() right after
    // ours: held from now on, until finish() exits with the run's code
    process.exit = ((code?: number) => {
      if (process.env.PLH_DEBUG) say(`process.exit(${code ?? ''}) held until the teardown is done`)
    }) as typeof process.exit
    // once vitest has let go of its workers nothing else may keep the event loop alive, and the
    // process would end (vitest's exit code) before the teardown below; finish() exits explicitly
    setInterval(() => undefined, 1000)
    try {
      await markRunInterrupted(run.tag, 'signal' in cause ? cause.signal : 'fault')
      for (const w of liveWorkers(run.tag)) signalQuietly(w.pid!, 'signal' in cause ? cause.signal : 'SIGTERM')
      while (!skipWaiting && (liveWorkers(run.tag)).length > 0) await sleep(100)
    } catch (error) {
      say(`while stopping: ${(error as Error).message}`)
    }
    return finish(cause)
  }

  const onSignal = (signal: RunSignal, reason?: string) => {
    // after a hang-up nobody watches the display: progress goes to run.log only
    if (signal === 'SIGHUP') stopDisplay()
    const action = actionForSignal(stopping !== undefined, signal)
    if (action === 'graceful') {
      stopping = stop({ signal, ...(reason ? { reason } : {}) })
      say(`${reason ?? signal}: stopping run ${run.runId}; its scenarios tear down (${signal === 'SIGINT' ? 'Ctrl-C' : 'signal'} again to stop waiting)`)
      return
    }
    if (action === 'ignore') {
      say(`${signal} again: still waiting for the scenarios to tear down (a hang-up arrives more than once)`)
      return
    }
    say(`${signal} again: not waiting; killing the workers and removing what the run journal lists`)
    skipWaiting = true
  }

  const onRejection = (reason: unknown) => {
    const message = String((reason as Error)?.message ?? reason)
    // once stopping, a worker's closed channel is expected noise (tinypool retries it in a loop)
    if (stopping) return
    say(`${/channel closed/i.test(message) ? 'a vitest worker died' : `unhandled error: ${message}`}; stopping run ${run.runId} and tearing down from the journal`)
    stopping = stop({ fault: /channel closed/i.test(message) ? 'worker died' : 'unhandled error' })
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- process listeners take any arguments
  const ours = new Map<string, (...args: any[]) => void>([...RUN_SIGNALS.map((s) => [s, () => onSignal(s)] as const), ['unhandledRejection', onRejection], ['uncaughtException', onRejection]])
  // registered before vitest's, so ours run first and hold process.exit before vitest calls it
  for (const [event, handler] of ours) process.prependListener(event as NodeJS.Signals, handler)
  const ppidAtStart = process.ppid
  const parentCheck = setInterval(() => {
    if (stopping || !parentIsGone(ppidAtStart, process.ppid)) return
    say(`the process that started run ${run.runId} (pid ${ppidAtStart}) exited: taken as a hang-up`)
    onSignal('SIGHUP', 'parent exited')
  }, parentCheckMs).unref()
  return {
    dispose: () => {
      clearInterval(parentCheck)
      // a run being ended here keeps its handlers until the process exits
      if (!stopping) for (const [event, handler] of ours) process.off(event, handler)
    },
    whenConsoleGone: (hook) => {
      if (displayStopped) hook()
      else consoleGoneHooks.add(hook)
    },
  }
}
