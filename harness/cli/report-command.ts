// `plh report --merge DIR...`: joins the partial reports of a sharded run (one directory per
// `plh run --shard i/n`) into the report of one run: results.json, junit.xml, index.html, the
// shards' logs, and one history line per scenario. Its exit code is the merged run's.
import { cp, readdir, readFile, stat, symlink, unlink, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { HarnessError, InputError } from '../core/errors.js'
import type { RunResults } from '../core/results.js'
import { appendHistory, historyEntriesFor, readHistory } from '../report/history.js'
import { mergeJunit, type JunitPart } from '../report/merge-junit.js'
import { mergeShardResults, type ShardPart } from '../report/merge-results.js'
import { writeRunReports } from '../report/write-reports.js'
import { createRunId } from '../run/create-run-id.js'
import { loadComparisons } from '../run/load-comparison.js'
import { scenariosFolder } from '../run/load-scenario.js'
import { exitCodeOfRun } from '../run/summarize-run.js'
import { formatComparisonLines } from './format-comparison-lines.js'
import { projectRoot } from './project-root.js'

const shown = (path: string) => relative(process.cwd(), path) || path

/**
 * The run directory a --merge argument means: the directory itself when it holds results.json;
 * for a whole reports folder (a CI artifact of one machine), its `latest` run, else its only run.
 */
async function resolveShardDir(dir: string): Promise<string> {
  if (await exists(join(dir, 'results.json'))) return dir
  if (await exists(join(dir, 'latest', 'results.json'))) return join(dir, 'latest')
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const runs: string[] = []
  for (const e of entries) if (e.isDirectory() && (await exists(join(dir, e.name, 'results.json')))) runs.push(join(dir, e.name))
  if (runs.length > 1) throw new InputError(shown(dir), 'results.json', `missing, and the folder holds ${runs.length} runs: name one of them`)
  return runs[0] ?? dir
}

async function readShard(dir: string): Promise<ShardPart> {
  const file = join(dir, 'results.json')
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    throw new InputError(shown(dir), 'results.json', 'missing: not a report directory of `plh run --shard i/n`')
  }
  let results: RunResults
  try {
    results = JSON.parse(text) as RunResults
  } catch (error) {
    throw new InputError(shown(file), '(file)', `not JSON: ${(error as Error).message}`)
  }
  if (typeof results?.run_id !== 'string' || !Array.isArray(results.scenarios)) throw new InputError(shown(file), 'run_id', 'not a results.json (no run_id or scenarios)')
  return { source: shown(file), results }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false)
}

/** Merges the shards' junit.xml files; those missing are reported and left out. */
async function mergeJunitFiles(dirs: readonly string[]): Promise<{ xml: string; missing: string[] }> {
  const parts: JunitPart[] = []
  const missing: string[] = []
  for (const dir of dirs) {
    const file = join(dir, 'junit.xml')
    const xml = await readFile(file, 'utf8').catch(() => null)
    if (xml === null) missing.push(shown(file))
    else parts.push({ source: shown(file), xml })
  }
  try {
    return { xml: mergeJunit(parts), missing }
  } catch (error) {
    const [source, ...rest] = (error as Error).message.split(': ')
    throw new InputError(source ?? 'junit.xml', '(file)', rest.join(': '), { cause: error })
  }
}

async function merge(options: Record<string, unknown>): Promise<number> {
  const dirs: string[] = []
  for (const d of options.merge as string[]) dirs.push(await resolveShardDir(resolve(d)))
  const reportDir = resolve((options.reportDir as string | undefined) ?? 'reports')
  const parts: ShardPart[] = []
  for (const dir of dirs) parts.push(await readShard(dir))
  const root = projectRoot()
  const comparisons = (await loadComparisons(join(root, scenariosFolder), root)).map((c) => c.comparison)
  const { runId } = createRunId()
  const merged = mergeShardResults(parts, { runId, comparisons, allowMissing: Boolean(options.allowMissing) })
  const out = resolve((options.out as string | undefined) ?? join(reportDir, runId))
  if (dirs.includes(out)) throw new InputError('plh report', '--out', `${shown(out)} is one of the shards being merged`)
  if (await exists(join(out, 'results.json'))) throw new InputError('plh report', '--out', `${shown(out)} already holds a report`)

  const junit = await mergeJunitFiles(dirs)
  for (const dir of dirs) if (await exists(join(dir, 'logs'))) await cp(join(dir, 'logs'), join(out, 'logs'), { recursive: true, force: false, errorOnExist: false })
  const historyFile = join(reportDir, 'history.jsonl')
  await appendHistory(historyFile, historyEntriesFor(merged, merged.git_revision ?? null))
  await writeRunReports(out, merged, { history: await readHistory(historyFile) })
  await writeFile(join(out, 'junit.xml'), junit.xml, 'utf8')
  if (dirname(out) === reportDir) {
    const link = join(reportDir, 'latest')
    await unlink(link).catch(() => undefined)
    await symlink(basename(out), link)
  }

  const passed = merged.scenarios.filter((s) => s.status === 'passed').length
  process.stdout.write(
    [
      `plh report: merged ${parts.length} shard${parts.length === 1 ? '' : 's'} (${merged.merged_from!.join(', ')}) into run ${merged.run_id} on ${merged.target}: ${merged.status.toUpperCase()}`,
      `  scenarios ${passed}/${merged.scenarios.length} passed${merged.comparisons?.length ? `, comparisons ${merged.comparisons.filter((c) => c.status !== 'failed').length}/${merged.comparisons.length} held` : ''}`,
      ...junit.missing.map((f) => `  note: ${f} is missing; junit.xml has the other shards' tests only`),
      `  report: ${shown(join(out, 'index.html'))}; history: ${shown(historyFile)}`,
      '',
    ].join('\n') + formatComparisonLines(merged),
  )
  return exitCodeOfRun(merged)
}

export async function run(options: Record<string, unknown>): Promise<number> {
  if (!Array.isArray(options.merge) || options.merge.length === 0) throw new HarnessError('BAD_INPUT', 'report: nothing to do; give --merge DIR... (the report directories of the shards of one run)')
  return merge(options)
}
