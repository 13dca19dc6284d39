// Joins the N repetitions of the suite and of the scale benchmark into the sections of the bench's
// JSON: the targets judged on medians (targets.ts), each run's headline figures in `runs`, and the
// detail sections (per scenario, per probe path, per level) from the run whose figure is the
// median, said in `detail_run` and each level's `from_run`. Pure.
import { computeAwsProjection } from './aws-projection.js'
import { computeFidelity } from './fidelity.js'
import { computeOverhead } from './overhead.js'
import { medianRunIndex, spreadOf } from './repeat.js'
import type { ScaleLevelResult } from './scale.js'
import { computeSsmCalls } from './ssm-calls.js'
import { summarizeSuite, type SuiteRun } from './suite.js'
import { judgeTargets, type ScaleLevelFigures } from './targets.js'

/** A suite run with the 1-minute load average when it started. */
export type TimedSuiteRun = SuiteRun & { loadavg_1m_at_start?: number }

/** The index of the suite run the detail tables come from: the median of the passed runs, else of every run. */
export function detailRunIndex(suites: readonly SuiteRun[]): number {
  const passed = medianRunIndex(suites.map((s) => (s.status === 'passed' ? s.wall_s : null)))
  if (passed !== -1) return passed
  return Math.max(0, medianRunIndex(suites.map((s) => (s.scenarios.length ? s.wall_s : null))))
}

/** Per level, the run whose apply time is the median, with the spread of apply times over the runs. */
export function combineScaleLevels(scaleRuns: readonly ScaleLevelResult[][]): Array<ScaleLevelResult & { from_run: number; apply_s_spread: ReturnType<typeof spreadOf> }> {
  const levels = [...new Set(scaleRuns.flat().map((l) => l.consumer_vpcs))].sort((a, b) => a - b)
  return levels.map((n) => {
    const perRun = scaleRuns.map((run) => run.find((l) => l.consumer_vpcs === n))
    const applies = perRun.map((l) => (l && !l.error && typeof l.apply_s === 'number' ? l.apply_s : null))
    let at = medianRunIndex(applies)
    if (at === -1) at = perRun.findIndex((l) => l !== undefined)
    return { ...perRun[at]!, from_run: at + 1, apply_s_spread: spreadOf(applies) }
  })
}

/** The suite-derived and scale sections of the bench's JSON, from every repetition. */
export function combineRuns(suites: readonly TimedSuiteRun[], scaleRuns: readonly ScaleLevelResult[][]) {
  const perRun = suites.map((s) => ({ overhead: computeOverhead(s.scenarios), fidelity: computeFidelity(s.scenarios), ssm: computeSsmCalls(s.scenarios) }))
  const detail = suites.length ? detailRunIndex(suites) : -1
  const chosen = detail === -1 ? undefined : suites[detail]
  const figures = detail === -1 ? { overhead: computeOverhead([]), fidelity: computeFidelity([]), ssm: computeSsmCalls([]) } : perRun[detail]!
  const worstRatio = (o: ReturnType<typeof computeOverhead>) => {
    const ratios = Object.values(o).flatMap((x) => (x.ratio === null ? [] : [x.ratio]))
    return ratios.length ? Math.max(...ratios) : null
  }
  return {
    targets: judgeTargets({
      suites,
      overhead: perRun.map((r) => r.overhead),
      fidelity: perRun.map((r) => r.fidelity),
      callsPerSample: perRun.map((r) => r.ssm.calls_per_sample),
      scale: scaleRuns as unknown as ScaleLevelFigures[][],
    }),
    runs: {
      suite: suites.map((s, i) => ({
        run: i + 1,
        wall_s: s.wall_s,
        status: s.status,
        ...(s.error ? { error: s.error } : {}),
        ...(s.loadavg_1m_at_start !== undefined ? { loadavg_1m_at_start: s.loadavg_1m_at_start } : {}),
        worst_overhead_ratio: worstRatio(perRun[i]!.overhead),
        fidelity_paths_failed: perRun[i]!.fidelity.summary.failed,
        fidelity_max_error_ms: perRun[i]!.fidelity.summary.max_error_ms,
        ssm_calls_per_sample: perRun[i]!.ssm.calls_per_sample,
        ssm_source: perRun[i]!.ssm.source,
      })),
      scale: scaleRuns.map((levels, i) => ({
        run: i + 1,
        levels: levels.map((l) => ({
          consumer_vpcs: l.consumer_vpcs,
          apply_s: l.apply_s ?? null,
          destroy_s: l.destroy_s ?? null,
          peak_upper_bound_mib: (l.memory as { peak_upper_bound_mib?: number } | undefined)?.peak_upper_bound_mib ?? null,
          names: l.names ?? null,
          ...(l.error ? { error: l.error } : {}),
        })),
      })),
    },
    detail_run: detail + 1,
    suite: chosen ? { ...summarizeSuite(chosen), wall_s_spread: spreadOf(suites.map((s) => (s.status === 'passed' ? s.wall_s : null))) } : null,
    overhead_ratio: figures.overhead,
    fidelity: figures.fidelity,
    ssm: { ...figures.ssm, calls_per_sample_spread: spreadOf(perRun.map((r) => r.ssm.calls_per_sample)) },
    scale: { levels: combineScaleLevels(scaleRuns) },
    aws_projection: computeAwsProjection(chosen?.scenarios ?? []),
  }
}
