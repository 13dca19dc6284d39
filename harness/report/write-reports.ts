// The one place the report module touches the disk: results.json and index.html in the run's
// report folder, each written to a temporary file and renamed, so a reader never sees half a file.
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunResults } from '../core/results.js'
import type { HistoryEntry } from './history.js'
import { maskRunResults } from './mask-accounts.js'
import { renderHtmlReport } from './render-html.js'

/** Options of writeRunReports. */
export interface WriteRunReportsOptions {
  /** earlier runs, for trend charts and regressions in the HTML */
  history?: HistoryEntry[]
  /** mask account ids in index.html and results.json (`plh run --mask-accounts`: for reports read beyond the team) */
  maskAccounts?: boolean
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`
  await writeFile(temp, content, 'utf8')
  await rename(temp, file)
}

/** Writes results.json (pretty JSON) and index.html into `dir`, creating it; returns the paths written. */
export async function writeRunReports(dir: string, results: RunResults, options: WriteRunReportsOptions = {}): Promise<{ results: string; html: string }> {
  await mkdir(dir, { recursive: true })
  const paths = { results: join(dir, 'results.json'), html: join(dir, 'index.html') }
  await writeAtomically(paths.results, `${JSON.stringify(options.maskAccounts ? maskRunResults(results) : results, null, 2)}\n`)
  await writeAtomically(paths.html, renderHtmlReport(results, options))
  return paths
}
