// What went wrong in a run, as a list the report shows first: scenarios that errored, probes with
// failed expectations (with one failing sample and the SSM logs), action steps that failed.
import { countScenarioExpectations, type ExpectationResult, type ProbeResult, type ProbeSample, type RunResults, type ScenarioResult } from '../core/results.js'

interface FailureBase {
  /** index of the scenario in results.scenarios (anchors link to it) */
  scenarioIndex: number
  scenario: ScenarioResult
}

/** One entry of the report's failure list. */
export type Failure =
  | (FailureBase & { kind: 'error'; code: string; message: string; logs: Array<{ label: string; path: string }> })
  | (FailureBase & { kind: 'probe'; probe: ProbeResult; expectations: ExpectationResult[]; sample: ProbeSample | null })
  | (FailureBase & { kind: 'step'; title: string; stepKind: string; detail: string })

/**
 * The sample that best shows why a probe failed: a curl error first, then any classified failure,
 * else the first sample (a body or latency expectation failed while curl succeeded).
 */
export function pickFailingSample(probe: ProbeResult): ProbeSample | null {
  return probe.raw.find((s) => s.exitcode !== 0) ?? probe.raw.find((s) => s.failure !== null) ?? probe.raw[0] ?? null
}

/** Counts expectations (probe expectations, apply-error expectations and `expect-*` steps) that passed, of all. */
export function countExpectations(results: RunResults): { passed: number; total: number } {
  const counts = results.scenarios.map(countScenarioExpectations)
  return { passed: counts.reduce((n, c) => n + c.held, 0), total: counts.reduce((n, c) => n + c.total, 0) }
}

/** Lists the run's failures: errored scenarios first, then failed probes and steps, in run order. */
export function collectFailures(results: RunResults): Failure[] {
  const errors: Failure[] = []
  const others: Failure[] = []
  results.scenarios.forEach((scenario, scenarioIndex) => {
    if (scenario.status === 'error' || scenario.error) {
      errors.push({
        kind: 'error',
        scenarioIndex,
        scenario,
        code: scenario.error?.code ?? 'ERROR',
        message: scenario.error?.message ?? 'the scenario ended in an error without a message',
        logs: scenario.logs ?? [],
      })
    }
    for (const probe of scenario.probes) {
      const failed = probe.expectations.filter((e) => e.status === 'failed')
      if (failed.length > 0) others.push({ kind: 'probe', scenarioIndex, scenario, probe, expectations: failed, sample: pickFailingSample(probe) })
    }
    for (const step of scenario.steps) {
      if (step.kind === 'probe' || step.status === 'passed') continue
      others.push({ kind: 'step', scenarioIndex, scenario, title: step.title, stepKind: step.kind, detail: step.detail })
    }
  })
  return [...errors, ...others]
}

/** Orders scenarios for the report: errored, then failed, then passed; run order within each. */
export function orderScenarios(results: RunResults): Array<{ scenario: ScenarioResult; index: number }> {
  const rank = { error: 0, failed: 1, passed: 2 } as const
  return results.scenarios
    .map((scenario, index) => ({ scenario, index }))
    .sort((a, b) => rank[a.scenario.status] - rank[b.scenario.status] || a.index - b.index)
}
