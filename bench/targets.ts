// Issue 7's targets, each judged against the figures of one bench run: `met` is true, false, or
// null when the run produced no figure for it (said in `note`). Pure.
import type { FidelityReport } from './fidelity.js'
import type { ScenarioOverhead } from './overhead.js'

export interface TargetCheck {
  target: string
  limit: string
  value: unknown
  met: boolean | null
  note?: string
}

export interface TargetInputs {
  suiteWallS: number | null
  overhead: Record<string, ScenarioOverhead>
  fidelity: FidelityReport
  callsPerSample: number | null
  scale: Array<{ consumer_vpcs: number; apply_s?: number; memory?: { peak_upper_bound_mib?: number }; names?: { expected: number; answered: number }; error?: string }>
}

export const TARGETS = {
  suiteWallS: 60,
  overheadRatio: 1.5,
  callsPerSample: 0.1,
  scaleConsumers: 100,
  scaleApplyS: 30,
  scaleMemoryMiB: 1024,
} as const

const check = (target: string, limit: string, value: unknown, met: boolean | null, note?: string): TargetCheck => ({ target, limit, value, met, ...(note ? { note } : {}) })

/** Every target with its value and verdict. */
export function judgeTargets(input: TargetInputs): TargetCheck[] {
  const out: TargetCheck[] = []
  out.push(check('whole local suite wall time', `< ${TARGETS.suiteWallS} s`, input.suiteWallS, input.suiteWallS === null ? null : input.suiteWallS < TARGETS.suiteWallS))

  const ratios = Object.entries(input.overhead).filter(([, o]) => o.ratio !== null)
  const worst = ratios.reduce<[string, number] | null>((w, [name, o]) => (w === null || o.ratio! > w[1] ? [name, o.ratio!] : w), null)
  out.push(
    check(
      'overhead_ratio, every scenario',
      `≤ ${TARGETS.overheadRatio}`,
      { within: `${ratios.filter(([, o]) => o.met).length}/${ratios.length} scenarios`, worst: worst?.[1] ?? null },
      worst === null ? null : ratios.every(([, o]) => o.met),
      worst ? `worst: ${worst[0]}` : 'no scenario had probes to compare',
    ),
  )

  const f = input.fidelity.summary
  out.push(
    check(
      'fidelity error, every probe path',
      '≤ 2 ms or ≤ 5 %, whichever is larger',
      { paths: f.paths, failed: f.failed, max_error_ms: f.max_error_ms },
      f.paths === 0 ? null : f.failed === 0,
      f.paths === 0 ? 'no probe carried a model figure (results.json probes lack model.expected_ms)' : undefined,
    ),
  )

  out.push(check('SSM API calls per probe sample', `≤ ${TARGETS.callsPerSample}`, input.callsPerSample, input.callsPerSample === null ? null : input.callsPerSample <= TARGETS.callsPerSample))

  const top = input.scale.find((l) => l.consumer_vpcs === TARGETS.scaleConsumers)
  const why = top?.error ? `the ${TARGETS.scaleConsumers}-VPC level failed: ${top.error}` : top ? undefined : `no ${TARGETS.scaleConsumers}-VPC level ran`
  const applyS = top?.error ? null : (top?.apply_s ?? null)
  const memory = top?.error ? null : (top?.memory?.peak_upper_bound_mib ?? null)
  out.push(check(`${TARGETS.scaleConsumers} consumer VPCs applied`, `< ${TARGETS.scaleApplyS} s`, applyS, applyS === null ? null : applyS < TARGETS.scaleApplyS, why))
  out.push(
    check(
      `${TARGETS.scaleConsumers} consumer VPCs, peak memory of the emulator's processes`,
      `< ${TARGETS.scaleMemoryMiB} MiB`,
      memory,
      memory === null ? null : memory < TARGETS.scaleMemoryMiB,
      why ?? 'main process VmHWM + the largest sampled sum of its helper processes’ VmRSS',
    ),
  )
  const names = input.scale.filter((l) => l.names)
  out.push(
    check(
      "every consumer's regional and zonal names answer, every scale level",
      'all',
      Object.fromEntries(names.map((l) => [l.consumer_vpcs, `${l.names!.answered}/${l.names!.expected}`])),
      names.length === 0 ? null : names.every((l) => l.names!.answered === l.names!.expected && !l.error),
    ),
  )
  return out
}
