// Teardown from the journal, at two scopes: one scenario (its session's destroy, after the target's
// own destroy, catches what a partial apply or a fault mid-destroy left) and a whole run (the
// `plh run` process, after vitest returns or on a second signal: a crashed worker's fixture).
import type { ResourceJournal } from '../core/resource-journal.js'
import { sweepRunNamespaces } from './cleanup-runs.js'
import { removeJournaled, type RemovalReport } from './remove-journaled.js'
import { dropJournalIfEmpty, RunJournal } from './run-journal.js'

/** Removes what a scenario's journal still lists; a journal that is not a RunJournal lists nothing. */
export async function removeScenarioLeftovers(journal: ResourceJournal | undefined): Promise<RemovalReport> {
  if (!(journal instanceof RunJournal)) return { removed: [], left: [], manual: [] }
  return removeJournaled(await journal.pending(), journal)
}

export interface RunTeardown extends RemovalReport {
  /** namespaces named for the run that the journal did not list (found and removed by name) */
  swept: string[]
}

/** Removes everything run `tag`'s journal lists, then sweeps `plh-<tag>-…` by name; drops the journal when empty. */
export async function tearDownRun(tag: string): Promise<RunTeardown> {
  const journal = new RunJournal(tag)
  const report = await removeJournaled(await journal.pending(), journal)
  const swept = await sweepRunNamespaces(tag)
  await dropJournalIfEmpty(tag)
  return { ...report, swept: swept.removed, left: [...report.left, ...swept.failed.map((n) => `namespace ${n}`)] }
}
