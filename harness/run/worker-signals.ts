// Inside a vitest worker running one scenario. Vitest installs no signal handler in fork workers,
// so a signal (Ctrl-C, Ctrl-\ and a closed terminal's SIGHUP reach the whole process group;
// `plh run` passes its signal on) would kill the worker before afterAll's destroy. Here the first
// signal tears the scenario down and the worker forgets itself in the journal, which tells
// `plh run` that it is done. The worker is in the journal so that `plh run` can signal it and a
// dead run's cleanup can find it.
import { InfrastructureError } from '../core/errors.js'
import { RunJournal } from './run-journal.js'
import { runInterruption } from './run-registry.js'
import type { ScenarioSession } from './scenario-session.js'
import { RUN_SIGNALS } from './signal-policy.js'
import { removeScenarioLeftovers } from './tear-down-run.js'

let ignoringConsoleErrors = false

/**
 * A worker's stdout and stderr are pipes into `plh run`; once that process has stopped reading
 * (its terminal closed) or is gone, a write fails, and unheard that error would kill the worker
 * before its teardown.
 */
function ignoreConsoleErrors(): void {
  if (ignoringConsoleErrors) return
  ignoringConsoleErrors = true
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined)
}

/** The journal id of the worker running `scenario`. */
export const workerId = (scenario: string): string => `worker:${scenario}`

/**
 * Records this worker, refuses to start when the run was already interrupted, and makes SIGINT,
 * SIGTERM, SIGHUP and SIGQUIT tear the session down (its destroy, then whatever its journal still lists) and take the
 * worker off the journal. `release` undoes it once the scenario is done.
 */
export async function guardScenarioWorker(session: ScenarioSession): Promise<{ release(): Promise<void> }> {
  const journal = session.options.run.journal
  if (!(journal instanceof RunJournal)) throw new Error('a scenario worker needs the run journal')
  const scenario = session.scenario.name
  const teardown = async () => {
    // a destroy already under way returns at once; the journal then removes what it has not yet
    await session.destroy()
    await removeScenarioLeftovers(journal)
  }
  const self = { kind: 'process' as const, id: workerId(scenario), pid: process.pid }
  // recorded before the check: either this worker sees the interruption, or `plh run` sees this worker
  await journal.record(self)
  const signal = await runInterruption(journal.tag)
  if (signal) {
    await journal.forget(self)
    throw new InfrastructureError('NOT_READY', `run interrupted by ${signal} before ${scenario} started; nothing applied`)
  }
  ignoreConsoleErrors()
  let started = false
  const handlers = RUN_SIGNALS.map((s) => {
    const handler = () => {
      if (started) return
      started = true
      // the worker does not die here: tinypool spins on a dead worker's channel. Once it has
      // forgotten itself, `plh run` sees the teardown done, finishes, and kills what is left of it.
      void teardown()
        .catch(() => undefined)
        .then(() => journal.forget(self))
        .catch(() => undefined)
    }
    process.on(s, handler)
    return [s, handler] as const
  })
  const dispose = () => handlers.forEach(([s, h]) => process.off(s, h))
  return {
    release: async () => {
      dispose()
      await journal.forget(self)
    },
  }
}
