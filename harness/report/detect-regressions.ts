// Regressions against a baseline of earlier runs: a scenario that passed last time and does not
// now, or a name whose p95 rose well above the median p95 of the previous runs.
import { median } from '../stats/summarize-latency.js'
import type { ScenarioStatus } from '../core/results.js'
import type { HistoryEntry } from './history.js'

interface RegressionBase {
  target: string
  fixture: string
  scenario: string
  run_id: string
  time: string
  /** one sentence with the numbers, for the report and the CLI */
  message: string
}

/** What changed for the worse, with the numbers that show it. */
export type Regression =
  | (RegressionBase & {
      kind: 'started-failing'
      status: ScenarioStatus
      previous_status: ScenarioStatus
      previous_run_id: string
    })
  | (RegressionBase & {
      kind: 'p95-rise'
      name: string
      p95_ms: number
      baseline_ms: number
      ratio: number
      baseline_runs: number
    })

/** Thresholds for detectRegressions. */
export interface RegressionOptions {
  /** how many previous runs make the baseline (default 7) */
  baselineRuns?: number
  /** p95 must exceed the baseline median times this (default 1.5) */
  p95RiseRatio?: number
  /** and by at least this many ms, so that sub-millisecond noise is not a regression (default 5) */
  p95RiseMinMs?: number
  /** fewer earlier runs with a p95 for the name than this and no p95 verdict is given (default 3) */
  minBaselineRuns?: number
  /** the run to judge (default: the latest run of each scenario) */
  runId?: string
}

function groupKey(e: HistoryEntry): string {
  return JSON.stringify([e.target, e.fixture, e.scenario])
}

function byTime(a: HistoryEntry, b: HistoryEntry): number {
  return a.time < b.time ? -1 : a.time > b.time ? 1 : 0
}

function validate(options: RegressionOptions): Required<Omit<RegressionOptions, 'runId'>> {
  const { baselineRuns = 7, p95RiseRatio = 1.5, p95RiseMinMs = 5, minBaselineRuns = 3 } = options
  if (!Number.isInteger(baselineRuns) || baselineRuns < 1) throw new RangeError(`baselineRuns must be a whole number ≥ 1, got ${baselineRuns}`)
  if (!(p95RiseRatio >= 1)) throw new RangeError(`p95RiseRatio must be ≥ 1, got ${p95RiseRatio}`)
  if (!(p95RiseMinMs >= 0)) throw new RangeError(`p95RiseMinMs must be ≥ 0, got ${p95RiseMinMs}`)
  if (!Number.isInteger(minBaselineRuns) || minBaselineRuns < 1) throw new RangeError(`minBaselineRuns must be a whole number ≥ 1, got ${minBaselineRuns}`)
  return { baselineRuns, p95RiseRatio, p95RiseMinMs, minBaselineRuns: Math.min(minBaselineRuns, baselineRuns) }
}

/**
 * Judges one run per scenario (the latest, or `runId`) against the runs before it, per target:
 * local and AWS latencies are not comparable.
 */
export function detectRegressions(history: readonly HistoryEntry[], options: RegressionOptions = {}): Regression[] {
  const o = validate(options)
  const groups = new Map<string, HistoryEntry[]>()
  for (const entry of [...history].sort(byTime)) {
    const list = groups.get(groupKey(entry)) ?? []
    list.push(entry)
    groups.set(groupKey(entry), list)
  }
  const regressions: Regression[] = []
  for (const entries of groups.values()) {
    const index = options.runId === undefined ? entries.length - 1 : entries.map((e) => e.run_id).lastIndexOf(options.runId)
    if (index < 1) continue
    const current = entries[index]!
    const earlier = entries.slice(0, index)
    const base = { target: current.target, fixture: current.fixture, scenario: current.scenario, run_id: current.run_id, time: current.time }
    const previous = earlier[earlier.length - 1]!
    if (current.status !== 'passed' && previous.status === 'passed') {
      regressions.push({
        ...base,
        kind: 'started-failing',
        status: current.status,
        previous_status: previous.status,
        previous_run_id: previous.run_id,
        message: `${current.scenario} ${current.status === 'error' ? 'ended in an error' : 'failed'} on ${current.target}; it passed in run ${previous.run_id}`,
      })
    }
    for (const name of current.names) {
      if (name.p95_ms === null) continue
      const baseline = earlier
        .map((e) => e.names.find((n) => n.key === name.key)?.p95_ms)
        .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
        .slice(-o.baselineRuns)
      if (baseline.length === 0 || baseline.length < o.minBaselineRuns) continue
      const baselineMs = median(baseline)!
      const rise = name.p95_ms - baselineMs
      if (name.p95_ms > baselineMs * o.p95RiseRatio && rise >= o.p95RiseMinMs) {
        const ratio = baselineMs > 0 ? name.p95_ms / baselineMs : Number.POSITIVE_INFINITY
        regressions.push({
          ...base,
          kind: 'p95-rise',
          name: name.key,
          p95_ms: name.p95_ms,
          baseline_ms: baselineMs,
          ratio,
          baseline_runs: baseline.length,
          message:
            `${current.scenario} ${name.key}: p95 ${name.p95_ms.toFixed(1)} ms vs median ${baselineMs.toFixed(1)} ms ` +
            `of ${baseline.length} previous runs (×${ratio.toFixed(2)}, +${rise.toFixed(1)} ms)`,
        })
      }
    }
  }
  return regressions
}
