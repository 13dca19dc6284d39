// Run history: one JSON line per scenario per run in reports/history.jsonl, so that `plh history`
// and the HTML report can draw trends and flag regressions (DESIGN.md "Reports").
import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { PhaseTimings, ProbeResult, RunResults, ScenarioStatus } from '../core/results.js'

/** One probed name's numbers in one run; `key` is stable across runs (no endpoint or instance ids). */
export interface HistoryName {
  key: string
  p50_ms: number | null
  p95_ms: number | null
  success_ratio: number
}

/** One line of history.jsonl: one scenario of one run. */
export interface HistoryEntry {
  run_id: string
  /** when the run started (ISO 8601) */
  time: string
  target: string
  fixture: string
  scenario: string
  status: ScenarioStatus
  /** share of all samples of the scenario that succeeded; null when nothing was probed */
  success_ratio: number | null
  phases: PhaseTimings
  names: HistoryName[]
  git_revision: string | null
}

/**
 * A key for a probed name that survives across runs: endpoint ids, DNS names and instance ids
 * change every run, the step, the consumer's AZ, the kind of name and its AZ do not.
 */
export function buildHistoryKey(probe: Pick<ProbeResult, 'step' | 'consumer_az' | 'name_kind' | 'az'>): string {
  return `step ${probe.step} · ${probe.consumer_az} › ${probe.name_kind}${probe.az ? ` ${probe.az}` : ''}`
}

/** Turns a run's results into history lines, one per scenario. */
export function historyEntriesFor(results: RunResults, gitRevision: string | null): HistoryEntry[] {
  return results.scenarios.map((scenario) => {
    const seen = new Map<string, number>()
    const names = scenario.probes.map((probe): HistoryName => {
      const base = buildHistoryKey(probe)
      const count = (seen.get(base) ?? 0) + 1
      seen.set(base, count)
      return {
        key: count === 1 ? base : `${base} #${count}`,
        p50_ms: probe.latency_ms.p50,
        p95_ms: probe.latency_ms.p95,
        success_ratio: probe.success_ratio,
      }
    })
    const samples = scenario.probes.reduce((n, p) => n + p.samples, 0)
    const ok = scenario.probes.reduce((n, p) => n + p.ok, 0)
    return {
      run_id: results.run_id,
      time: results.started_at,
      target: results.target,
      fixture: scenario.fixture,
      scenario: scenario.name,
      status: scenario.status,
      success_ratio: samples === 0 ? null : ok / samples,
      phases: { ...scenario.phases },
      names,
      git_revision: gitRevision,
    }
  })
}

/** Serialises entries as JSON lines (each ends with a newline). */
export function formatHistoryLines(entries: readonly HistoryEntry[]): string {
  return entries.map((e) => `${JSON.stringify(e)}\n`).join('')
}

function isHistoryEntry(value: unknown): value is HistoryEntry {
  if (value === null || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  return (
    typeof v.run_id === 'string' &&
    typeof v.time === 'string' &&
    typeof v.target === 'string' &&
    typeof v.scenario === 'string' &&
    typeof v.status === 'string' &&
    Array.isArray(v.names)
  )
}

/**
 * Parses history.jsonl text. A line that is not a history entry (a write cut short by a crash, a
 * hand edit) is skipped and reported rather than making the whole history unreadable.
 */
export function parseHistoryLines(text: string): { entries: HistoryEntry[]; skipped: Array<{ line: number; reason: string }> } {
  const entries: HistoryEntry[] = []
  const skipped: Array<{ line: number; reason: string }> = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim()
    if (line === '') return
    try {
      const value: unknown = JSON.parse(line)
      if (isHistoryEntry(value)) entries.push(value)
      else skipped.push({ line: i + 1, reason: 'not a history entry (run_id, time, target, scenario, status, names)' })
    } catch (error) {
      skipped.push({ line: i + 1, reason: `not JSON: ${(error as Error).message}` })
    }
  })
  return { entries, skipped }
}

/** Appends entries to a history file, creating it (and its folder) when missing. */
export async function appendHistory(file: string, entries: readonly HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return
  await mkdir(dirname(file), { recursive: true })
  await appendFile(file, formatHistoryLines(entries), 'utf8')
}

/** Reads a history file; a missing file is an empty history, unreadable lines are skipped. */
export async function readHistory(file: string): Promise<HistoryEntry[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return parseHistoryLines(text).entries
}

export { detectRegressions, type Regression, type RegressionOptions } from './detect-regressions.js'
