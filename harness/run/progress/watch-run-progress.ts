// Wires a run's progress together in the `plh run` process: tails the workers' progress files,
// folds them into the state, logs every event to the run's own run.log (whatever the console
// shows) and drives the chosen display.
import { rm } from 'node:fs/promises'
import type { Logger } from '../../core/target.js'
import { chooseDisplay, type DisplayMode } from './choose-display.js'
import { formatProgressLines } from './format-progress-line.js'
import { startLiveDisplay, type LiveDisplay } from './live-display.js'
import { applyProgressEvent, type RunProgress } from './progress-state.js'
import { tailProgress } from './tail-progress.js'
import { progressFolder } from './write-progress.js'

export interface ProgressOptions {
  /** only the summary */
  quiet?: boolean
  /** every probe batch and terraform message too */
  verbose?: boolean
}

export interface WatchInput extends ProgressOptions {
  /** the run's report directory (reports/<run-id>) */
  runDir: string
  scenarios: string[]
  log: Logger
  /** where lines go (default stdout) */
  out?: NodeJS.WritableStream & { isTTY?: boolean }
  env?: NodeJS.ProcessEnv
}

export interface RunProgressWatch {
  mode: DisplayMode
  /** Reads the last events, closes the display, removes the progress files; returns the final state. */
  stop(): Promise<RunProgress>
  /** Stops writing to the console (it is gone: a hang-up); events still go to run.log. */
  silence(): void
}

/** Starts watching; call stop() once the scenarios are done, before printing the summary. */
export function watchRunProgress(input: WatchInput): RunProgressWatch {
  const out = input.out ?? process.stdout
  const mode = chooseDisplay({ quiet: input.quiet, verbose: input.verbose, isTTY: Boolean(out.isTTY), ci: (input.env ?? process.env).CI })
  let state: RunProgress = {}
  let silenced = false
  const live: LiveDisplay | undefined = mode === 'live' ? startLiveDisplay({ scenarios: input.scenarios, out }) : undefined
  const tail = tailProgress(progressFolder(input.runDir), (event) => {
    const before = state
    state = applyProgressEvent(state, event)
    if (event.kind === 'terraform') input.log.debug({ progress: event }, 'terraform')
    else input.log.info({ progress: event }, `${event.scenario} ${event.kind}`)
    if (mode === 'plain' && !silenced) for (const line of formatProgressLines(event, before, state, { verbose: input.verbose })) out.write(line + '\n')
    live?.update(state)
  })
  return {
    mode,
    async stop() {
      await tail.stop()
      await live?.stop()
      await rm(progressFolder(input.runDir), { recursive: true, force: true })
      return state
    },
    silence() {
      silenced = true
      void live?.stop()
    },
  }
}
