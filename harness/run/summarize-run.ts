// A run's overall status and exit code from its scenarios (DESIGN.md "Exit codes").
import type { ComparisonResult } from '../core/comparison.js'
import type { RunResults, ScenarioResult } from '../core/results.js'

/** A run's status: error beats failed beats passed; a comparison whose expectation failed fails the run. */
export function runStatusOf(scenarios: readonly ScenarioResult[], comparisons: readonly ComparisonResult[] = []): RunResults['status'] {
  const failed = scenarios.some((s) => s.status === 'failed') || comparisons.some((c) => c.status === 'failed')
  return scenarios.some((s) => s.status === 'error') ? 'error' : failed ? 'failed' : 'passed'
}

/** RunResults for `scenarios` (and the comparisons evaluated over them). */
export function summarizeRun(runId: string, target: string, startedAt: Date, scenarios: ScenarioResult[], comparisons?: ComparisonResult[]): RunResults {
  const status = runStatusOf(scenarios, comparisons)
  return { run_id: runId, target, started_at: startedAt.toISOString(), finished_at: new Date().toISOString(), status, scenarios, ...(comparisons?.length ? { comparisons } : {}) }
}

/** 0 passed, 1 an expectation failed, 3 an infrastructure error. */
export function exitCodeOfRun(results: RunResults): number {
  return results.status === 'error' ? 3 : results.status === 'failed' ? 1 : 0
}
