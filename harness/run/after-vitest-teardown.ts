// What `plh run` does once vitest has returned, before its reports: remove what the run journal
// still lists (a worker that crashed never ran its afterAll destroy), sweep the run's namespaces by
// name as a second net, and say whether something escaped. A run stopped by a signal is finished
// by run-signals.ts instead, which exits the process.
import { TeardownError } from '../core/errors.js'
import type { Logger } from '../core/target.js'
import { runStopping } from './run-signals.js'
import { tearDownRun } from './tear-down-run.js'

/** Tears down from the journal; returns the TeardownError to raise once the reports are written, if any. */
export async function tearDownAfterVitest(run: { runId: string; tag: string }, log: Logger): Promise<TeardownError | undefined> {
  const stopping = runStopping()
  if (stopping) await stopping
  const teardown = await tearDownRun(run.tag)
  const fromJournal = teardown.removed.filter((r) => !r.startsWith('dir ') && !r.startsWith('process worker:'))
  if (fromJournal.length) {
    log.warn({ removed: teardown.removed }, 'removed what the run journal still listed')
    process.stderr.write(`plh: removed ${fromJournal.length} resource(s) left by a crashed worker (from the run journal)\n`)
  }
  for (const command of teardown.manual) process.stderr.write(`plh: finish by hand: ${command}\n`)
  const left = [...teardown.left, ...teardown.swept.map((n) => `namespace ${n} (not in the journal; removed by name)`)]
  if (left.length === 0) return undefined
  return new TeardownError(`run ${run.runId} left resources behind: ${left.join('; ')}; run \`plh cleanup --run ${run.tag}\` if any remain`, { fields: { left, finish_with: teardown.manual } })
}
