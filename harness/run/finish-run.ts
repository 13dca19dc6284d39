// Everything a run does once its scenarios are done: the run's results, one history line per
// scenario, results.json and index.html (with trends), and reports/latest pointing at the run.
import { symlink, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import type { RunResults, ScenarioResult } from '../core/results.js'
import { appendHistory, historyEntriesFor, readHistory } from '../report/history.js'
import { writeRunReports } from '../report/write-reports.js'
import type { PreparedRun } from './prepare-run.js'
import { summarizeRun } from './summarize-run.js'

/** Writes the run's reports and history; returns its results. */
export async function finishRun(run: PreparedRun, target: string, scenarios: ScenarioResult[]): Promise<RunResults> {
  const results = summarizeRun(run.runId, target, run.startedAt, scenarios)
  const historyFile = join(run.reportsRoot, 'history.jsonl')
  const revision = await execa('git', ['rev-parse', 'HEAD'], { cwd: run.root, reject: false }).then((r) => (r.exitCode === 0 ? r.stdout.trim() : null))
  await appendHistory(historyFile, historyEntriesFor(results, revision))
  await writeRunReports(run.dir, results, { history: await readHistory(historyFile) })
  const link = join(run.reportsRoot, 'latest')
  await unlink(link).catch(() => undefined)
  await symlink(run.runId, link)
  return results
}
