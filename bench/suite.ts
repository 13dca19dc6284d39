// The suite benchmark: the whole local nightly suite, run as a user runs it (`plh run --target
// local`, every local scenario) in a process of its own with a time limit, into a scratch report
// directory; wall time from process start to exit, and the run's results.json.
import { execa } from 'execa'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunResults, ScenarioResult } from '../harness/core/results.js'

export const SUITE_TARGET_S = 60
/** The bench must end: past this the suite is interrupted (SIGINT: plh tears down what it applied). */
export const SUITE_TIME_LIMIT_MS = 5 * 60_000

export interface SuiteRun {
  wall_s: number
  status: string
  exit_code: number
  scenarios: ScenarioResult[]
  /** the run's own start and end (results.json), to place the sessions in it */
  run_started_at?: string
  run_finished_at?: string
  error?: string
}

/** Runs the suite (interrupted after `timeoutMs`, at most SUITE_TIME_LIMIT_MS); the scratch report directory is removed afterwards. */
export async function runSuite(root: string, options: { timeoutMs?: number } = {}): Promise<SuiteRun> {
  const timeoutMs = Math.min(options.timeoutMs ?? SUITE_TIME_LIMIT_MS, SUITE_TIME_LIMIT_MS)
  const reportDir = await mkdtemp(join(tmpdir(), 'plh-bench-'))
  try {
    const t0 = performance.now()
    const child = await execa(process.execPath, [join(root, 'bin/plh.mjs'), 'run', '--target', 'local', '--report-dir', reportDir, '--quiet'], {
      cwd: root,
      reject: false,
      timeout: timeoutMs,
      killSignal: 'SIGINT',
      forceKillAfterDelay: 30_000,
    })
    const wallS = Number(((performance.now() - t0) / 1000).toFixed(2))
    const text = await readFile(join(reportDir, 'latest', 'results.json'), 'utf8').catch(() => null)
    const results = text ? (JSON.parse(text) as RunResults) : null
    const error = child.timedOut
      ? `the suite was interrupted after ${timeoutMs / 1000} s`
      : results
        ? undefined
        : `plh run wrote no results.json (exit ${child.exitCode}): ${(child.stderr || child.stdout).trim().slice(-400)}`
    return {
      wall_s: wallS,
      status: results?.status ?? 'error',
      exit_code: child.exitCode ?? -1,
      scenarios: results?.scenarios ?? [],
      ...(results ? { run_started_at: results.started_at, run_finished_at: results.finished_at } : {}),
      ...(error ? { error } : {}),
    }
  } finally {
    await rm(reportDir, { recursive: true, force: true })
  }
}

/** Seconds from a scenario session's start to its end (phases plus what lies between them). */
export function sessionSeconds(s: ScenarioResult): number {
  return Math.round(Date.parse(s.finished_at) - Date.parse(s.started_at)) / 1000
}

/**
 * The `suite` section: wall time, the target, each scenario's phases and session time, and how
 * the wall time splits: `sessions_s_total` / `workers` is what the scenarios' own sessions take
 * when the workers are always busy; the rest of the wall time is outside them (CLI start, vitest
 * workers, loading modules and fixtures, reports).
 */
export function summarizeSuite(run: SuiteRun, workers = 2) {
  const phases = { apply_s: 0, ready_s: 0, probe_s: 0, destroy_s: 0 }
  let sessions = 0
  for (const s of run.scenarios) {
    for (const k of Object.keys(phases) as Array<keyof typeof phases>) phases[k] += s.phases[k]
    sessions += sessionSeconds(s)
  }
  const r = (n: number) => Math.round(n * 1000) / 1000
  const starts = run.scenarios.map((x) => Date.parse(x.started_at))
  const ends = run.scenarios.map((x) => Date.parse(x.finished_at))
  // where the time outside the sessions goes: before the first one opens (CLI, validation, vitest and its workers, loading), after the last one ends (reports)
  const placement =
    run.run_started_at && run.run_finished_at && starts.length
      ? {
          before_first_session_s: r((Math.min(...starts) - Date.parse(run.run_started_at)) / 1000),
          after_last_session_s: r((Date.parse(run.run_finished_at) - Math.max(...ends)) / 1000),
        }
      : {}
  return {
    wall_s: run.wall_s,
    target_s: SUITE_TARGET_S,
    status: run.status,
    exit_code: run.exit_code,
    ...(run.error ? { error: run.error } : {}),
    workers,
    phases_s_total: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, r(v)])),
    sessions_s_total: r(sessions),
    outside_sessions_s: r(Math.max(0, run.wall_s - sessions / workers)),
    ...placement,
    scenarios: Object.fromEntries(run.scenarios.map((s) => [s.name, { fixture: s.fixture, status: s.status, ...s.phases, session_s: sessionSeconds(s) }])),
  }
}
