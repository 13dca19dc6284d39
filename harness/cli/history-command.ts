// `plh history`: the trend of each scenario over the last runs of reports/history.jsonl (a status
// strip, the regional name's p50/p95 and the success ratio per run) and the regressions of the
// latest run against the runs before it, with the numbers. Exit 1 when a regression is flagged.
import { join, resolve } from 'node:path'
import { HarnessError } from '../core/errors.js'
import type { ScenarioStatus } from '../core/results.js'
import { detectRegressions, readHistory, type HistoryEntry, type Regression } from '../report/history.js'
import { median } from '../stats/summarize-latency.js'

/** One run of one scenario, reduced to what the trend shows. */
export interface TrendPoint {
  run_id: string
  time: string
  status: ScenarioStatus
  success_ratio: number | null
  /** median of the regional names' p50 (several consumers probe one regional name each) */
  regional_p50_ms: number | null
  /** the worst regional name's p95 */
  regional_p95_ms: number | null
}

export interface ScenarioTrend {
  target: string
  fixture: string
  scenario: string
  /** oldest first */
  runs: TrendPoint[]
}

const statusMark: Record<ScenarioStatus, string> = { passed: '✓', failed: '✗', error: '!' }

/** The kind of name a history key stands for ("step 1 · us-east-1a › regional" → regional). */
export function nameKindOfKey(key: string): string | null {
  return /›\s+(\S+)/.exec(key)?.[1] ?? null
}

function trendPoint(entry: HistoryEntry): TrendPoint {
  const regional = entry.names.filter((n) => nameKindOfKey(n.key) === 'regional')
  const p50s = regional.map((n) => n.p50_ms).filter((v): v is number => v !== null)
  const p95s = regional.map((n) => n.p95_ms).filter((v): v is number => v !== null)
  return {
    run_id: entry.run_id,
    time: entry.time,
    status: entry.status,
    success_ratio: entry.success_ratio,
    regional_p50_ms: median(p50s),
    regional_p95_ms: p95s.length ? Math.max(...p95s) : null,
  }
}

/** Groups history per target, fixture and scenario, the last `last` runs of each, oldest first. */
export function buildTrends(history: readonly HistoryEntry[], last: number): ScenarioTrend[] {
  const groups = new Map<string, HistoryEntry[]>()
  for (const e of history) {
    const key = JSON.stringify([e.scenario, e.target, e.fixture])
    groups.set(key, [...(groups.get(key) ?? []), e])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, entries]) => {
      const sorted = [...entries].sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0)).slice(-last)
      const first = sorted[0]!
      return { target: first.target, fixture: first.fixture, scenario: first.scenario, runs: sorted.map(trendPoint) }
    })
}

const ms = (v: number | null) => (v === null ? '–' : `${v.toFixed(1)} ms`)
const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 1000) / 10} %`)

/** The trends and regressions as text for a terminal. */
export function formatHistory(trends: readonly ScenarioTrend[], regressions: readonly Regression[], file: string): string {
  const out = [`History from ${file}: ${trends.length} scenario${trends.length === 1 ? '' : 's'}`, '']
  for (const t of trends) {
    out.push(`${t.scenario}  (${t.target} · fixture ${t.fixture})`)
    out.push(`  status  ${t.runs.map((r) => statusMark[r.status]).join('')}   last ${t.runs.length} run${t.runs.length === 1 ? '' : 's'}, oldest first (✓ passed, ✗ failed, ! error)`)
    out.push(`  ${'run'.padEnd(24)} ${'status'.padEnd(8)} ${'success'.padStart(8)} ${'regional p50'.padStart(13)} ${'regional p95'.padStart(13)}`)
    for (const r of t.runs) {
      out.push(`  ${r.run_id.padEnd(24)} ${`${statusMark[r.status]} ${r.status}`.padEnd(8)} ${pct(r.success_ratio).padStart(8)} ${ms(r.regional_p50_ms).padStart(13)} ${ms(r.regional_p95_ms).padStart(13)}`)
    }
    out.push('')
  }
  if (regressions.length === 0) out.push('No regression in the latest run of any scenario.')
  else {
    out.push(`Regressions (${regressions.length}):`)
    for (const r of regressions) out.push(`  ✗ [${r.kind}] ${r.message} (run ${r.run_id})`)
  }
  return `${out.join('\n')}\n`
}

function positiveInteger(value: unknown, option: string, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new HarnessError('BAD_INPUT', `history ${option} "${String(value)}": must be a whole number ≥ 1`)
  return n
}

export async function run(options: Record<string, unknown>): Promise<number> {
  const reportDir = resolve((options.reportDir as string | undefined) ?? 'reports')
  const last = positiveInteger(options.last, '--last', 7)
  const threshold = options.threshold === undefined ? 1.5 : Number(options.threshold)
  if (!(threshold >= 1)) throw new HarnessError('BAD_INPUT', `history --threshold "${String(options.threshold)}": must be a ratio ≥ 1 (1.5 flags a p95 50 % above the baseline median)`)
  const file = join(reportDir, 'history.jsonl')
  let history = await readHistory(file)
  const only = options.scenario as string[] | undefined
  if (only?.length) {
    const known = new Set(history.map((e) => e.scenario))
    const unknown = only.find((s) => !known.has(s))
    if (unknown) throw new HarnessError('BAD_INPUT', `history --scenario "${unknown}": not in ${file}; it has: ${[...known].sort().join(', ') || '(nothing)'}`)
    history = history.filter((e) => only.includes(e.scenario))
  }
  const trends = buildTrends(history, last)
  // the baseline is the `last` runs before the latest one
  const regressions = detectRegressions(history, { baselineRuns: last, p95RiseRatio: threshold })
  if (options.json) process.stdout.write(`${JSON.stringify({ file, last, threshold, scenarios: trends, regressions }, null, 2)}\n`)
  else if (history.length === 0) process.stdout.write(`No history yet: ${file} is missing or empty (plh run appends to it).\n`)
  else process.stdout.write(formatHistory(trends, regressions, file))
  return regressions.length > 0 ? 1 : 0
}
