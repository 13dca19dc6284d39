// Issue 7's targets, judged over the N repetitions of one bench run: each target's value is the
// median over the runs, with the spread, and it is met only when the median meets it. A timing
// counts only when the run it times passed: a suite that failed, or a scale level that erred,
// gives no time, and its target is not met. `met` is null when no run produced a figure (said in
// `note`). Pure.
import type { FidelityReport } from './fidelity.js'
import type { ScenarioOverhead } from './overhead.js'
import { spreadOf, type Spread } from './repeat.js'

export interface TargetCheck {
  target: string
  limit: string
  /** the median over the runs (an object where the target has several parts) */
  value: unknown
  /** the figure judged, over the runs: median, min, max and each run's value */
  spread: Spread | null
  met: boolean | null
  note?: string
}

/** What one scale level of one run reported (the fields the targets read). */
export interface ScaleLevelFigures {
  consumer_vpcs: number
  apply_s?: number
  memory?: { peak_upper_bound_mib?: number }
  names?: { expected: number; answered: number }
  error?: string
}

/** One entry per repetition, in run order; a part that was skipped gives empty arrays. */
export interface TargetInputs {
  suites: ReadonlyArray<{ wall_s: number; status: string; error?: string }>
  overhead: ReadonlyArray<Record<string, ScenarioOverhead>>
  fidelity: readonly FidelityReport[]
  callsPerSample: ReadonlyArray<number | null>
  scale: ReadonlyArray<readonly ScaleLevelFigures[]>
}

export const TARGETS = {
  suiteWallS: 60,
  overheadRatio: 1.5,
  callsPerSample: 0.1,
  scaleConsumers: 100,
  scaleApplyS: 30,
  scaleMemoryMiB: 1024,
} as const

const check = (target: string, limit: string, value: unknown, spread: Spread | null, met: boolean | null, note?: string): TargetCheck => ({
  target,
  limit,
  value,
  spread,
  met,
  ...(note ? { note } : {}),
})

const runLabel = (i: number, n: number) => `run ${i + 1} of ${n}`

/** The suite's wall time: only runs that passed give a time; any run that did not pass fails the target. */
function judgeSuite(suites: TargetInputs['suites']): TargetCheck {
  const limit = `< ${TARGETS.suiteWallS} s`
  const name = 'whole local suite wall time'
  if (suites.length === 0) return check(name, limit, null, null, null, 'the suite did not run')
  const spread = spreadOf(suites.map((s) => (s.status === 'passed' ? s.wall_s : null)))
  const notPassed = suites.flatMap((s, i) => (s.status === 'passed' ? [] : [`${runLabel(i, suites.length)}: ${s.status}${s.error ? ` (${s.error})` : ''}`]))
  if (notPassed.length > 0) return check(name, limit, spread?.median ?? null, spread, false, `a time counts only when the suite passed; ${notPassed.join('; ')}`)
  return check(name, limit, spread!.median, spread, spread!.median < TARGETS.suiteWallS)
}

/** Every scenario's overhead ratio, each the median over the runs. */
function judgeOverhead(runs: TargetInputs['overhead']): TargetCheck {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))]
  const medians = names.flatMap((name) => {
    const s = spreadOf(runs.map((r) => r[name]?.ratio ?? null))
    return s ? [[name, s.median] as const] : []
  })
  const worst = medians.reduce<readonly [string, number] | null>((w, m) => (w === null || m[1] > w[1] ? m : w), null)
  const worstPerRun = runs.map((r) => {
    const ratios = Object.values(r).flatMap((o) => (o.ratio === null ? [] : [o.ratio]))
    return ratios.length ? Math.max(...ratios) : null
  })
  return check(
    'overhead_ratio, every scenario (median of each over the runs)',
    `≤ ${TARGETS.overheadRatio}`,
    { within: `${medians.filter(([, m]) => m <= TARGETS.overheadRatio).length}/${medians.length} scenarios`, worst: worst?.[1] ?? null },
    spreadOf(worstPerRun),
    worst === null ? null : worst[1] <= TARGETS.overheadRatio,
    worst ? `worst: ${worst[0]}; the spread is each run's worst ratio` : 'no scenario had probes to compare',
  )
}

/** Probe paths outside the tolerance, counted per run; met when the median count is 0. */
function judgeFidelity(runs: TargetInputs['fidelity']): TargetCheck {
  const withPaths = runs.map((r) => (r.summary.paths > 0 ? r : null))
  const failed = spreadOf(withPaths.map((r) => r?.summary.failed ?? null))
  const maxError = spreadOf(withPaths.map((r) => r?.summary.max_error_ms ?? null))
  const paths = spreadOf(withPaths.map((r) => r?.summary.paths ?? null))
  return check(
    'fidelity error, every probe path (paths failed per run)',
    '≤ 2 ms or ≤ 5 %, whichever is larger',
    failed ? { paths: paths!.median, failed: failed.median, max_error_ms: maxError?.median ?? null } : null,
    failed,
    failed === null ? null : failed.median === 0,
    failed === null ? 'no probe carried a model figure (results.json probes lack model.expected_ms)' : 'the emulator against its own latency model, not against AWS',
  )
}

/** The 100-VPC level's figure in each run; an erring level gives none, and fails the target. */
function judgeScaleFigure(scale: TargetInputs['scale'], target: string, limit: string, pick: (l: ScaleLevelFigures) => number | undefined, bound: number, note?: string): TargetCheck {
  if (scale.length === 0) return check(target, limit, null, null, null, 'the scale benchmark did not run')
  const tops = scale.map((levels) => levels.find((l) => l.consumer_vpcs === TARGETS.scaleConsumers))
  const spread = spreadOf(tops.map((l) => (l && !l.error ? (pick(l) ?? null) : null)))
  const problems = tops.flatMap((l, i) => (l === undefined ? [`${runLabel(i, tops.length)}: no ${TARGETS.scaleConsumers}-VPC level`] : l.error ? [`${runLabel(i, tops.length)}: ${l.error}`] : []))
  if (problems.length > 0) return check(target, limit, spread?.median ?? null, spread, spread === null ? null : false, `the ${TARGETS.scaleConsumers}-VPC level did not finish in every run; ${problems.join('; ')}`)
  return check(target, limit, spread!.median, spread, spread!.median < bound, note)
}

/** Every target with its median, spread and verdict. */
export function judgeTargets(input: TargetInputs): TargetCheck[] {
  const out: TargetCheck[] = [judgeSuite(input.suites), judgeOverhead(input.overhead), judgeFidelity(input.fidelity)]

  const calls = spreadOf(input.callsPerSample)
  out.push(check('SSM API calls per probe sample', `≤ ${TARGETS.callsPerSample}`, calls?.median ?? null, calls, calls === null ? null : calls.median <= TARGETS.callsPerSample))

  out.push(judgeScaleFigure(input.scale, `${TARGETS.scaleConsumers} consumer VPCs applied`, `< ${TARGETS.scaleApplyS} s`, (l) => l.apply_s, TARGETS.scaleApplyS))
  out.push(
    judgeScaleFigure(
      input.scale,
      `${TARGETS.scaleConsumers} consumer VPCs, peak memory of the emulator's processes`,
      `< ${TARGETS.scaleMemoryMiB} MiB`,
      (l) => l.memory?.peak_upper_bound_mib,
      TARGETS.scaleMemoryMiB,
      'main process VmHWM + the largest sampled sum of its helper processes’ VmRSS',
    ),
  )

  const levels = input.scale.flat().filter((l) => l.names)
  const answered = Object.fromEntries(
    [...new Set(levels.map((l) => l.consumer_vpcs))].map((n) => {
      const of = levels.filter((l) => l.consumer_vpcs === n)
      return [n, `${of.filter((l) => l.names!.answered === l.names!.expected && !l.error).length}/${of.length} runs all answered`]
    }),
  )
  out.push(
    check(
      "every consumer's regional and zonal names answer, every scale level, every run",
      'all',
      answered,
      null,
      levels.length === 0 ? null : input.scale.every((run) => run.length > 0 && run.every((l) => !l.error && l.names !== undefined && l.names.answered === l.names.expected)),
    ),
  )
  return out
}
