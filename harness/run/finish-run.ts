// Everything a run does once its scenarios are done: the run's results, one history line per
// scenario, results.json and index.html (with trends), and reports/latest pointing at the run.
import { symlink, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { evaluateComparisons } from '../core/comparison-evaluate.js'
import type { RunResults, ScenarioResult } from '../core/results.js'
import { appendHistory, historyEntriesFor, readHistory } from '../report/history.js'
import { writeRunReports } from '../report/write-reports.js'
import type { PreparedRun } from './prepare-run.js'
import { summarizeRun } from './summarize-run.js'

/**
 * Writes the run's reports and history; returns its results. Comparisons whose two scenarios both
 * ran are evaluated here, from the merged results. A shard's partial results do not go to the
 * history: `plh report --merge` appends the joined run once.
 */
export async function finishRun(run: PreparedRun, target: string, scenarios: ScenarioResult[]): Promise<RunResults> {
  const comparisons = evaluateComparisons(run.comparisons.map((c) => c.comparison), scenarios)
  const revision = await execa('git', ['rev-parse', 'HEAD'], { cwd: run.root, reject: false }).then((r) => (r.exitCode === 0 ? r.stdout.trim() : null))
  const results: RunResults = {
    ...summarizeRun(run.runId, target, run.startedAt, scenarios, comparisons),
    ...(run.shard ? { shard: run.shard } : {}),
    ...(revision ? { git_revision: revision } : {}),
  }
  const historyFile = join(run.reportsRoot, 'history.jsonl')
  if (!run.shard) await appendHistory(historyFile, historyEntriesFor(results, revision))
  await writeRunReports(run.dir, results, { history: await readHistory(historyFile), maskAccounts: run.maskAccounts })
  const link = join(run.reportsRoot, 'latest')
  await unlink(link).catch(() => undefined)
  await symlink(run.runId, link)
  return results
}
