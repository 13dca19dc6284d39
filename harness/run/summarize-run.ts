// A run's overall status and exit code from its scenarios (DESIGN.md "Exit codes").
import type { RunResults, ScenarioResult } from '../core/results.js'

/** RunResults for `scenarios`: error beats failed beats passed. */
export function summarizeRun(runId: string, target: string, startedAt: Date, scenarios: ScenarioResult[]): RunResults {
  const status = scenarios.some((s) => s.status === 'error') ? 'error' : scenarios.some((s) => s.status === 'failed') ? 'failed' : 'passed'
  return { run_id: runId, target, started_at: startedAt.toISOString(), finished_at: new Date().toISOString(), status, scenarios }
}

/** 0 passed, 1 an expectation failed, 3 an infrastructure error. */
export function exitCodeOfRun(results: RunResults): number {
  return results.status === 'error' ? 3 : results.status === 'failed' ? 1 : 0
}
