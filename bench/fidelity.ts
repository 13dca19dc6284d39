// Fidelity of the emulator: for every probe path (one consumer × one name in one probe step), the
// latency model's expected figure against what curl measured, with the error and a pass/fail
// against the tolerance of issue 7 (≤ 2 ms or ≤ 5 %, whichever is larger). Pure: reads results.
import type { ProbeResult, ScenarioResult } from '../harness/core/results.js'
import { median, quantileOf } from '../harness/stats/summarize-latency.js'

/** Issue 7's tolerance: an absolute floor and a relative share of the expected value. */
export const FIDELITY_TOLERANCE = { ms: 2, share: 0.05 } as const

export interface FidelityPath {
  scenario: string
  step: number
  consumer: string
  consumer_az: string
  name_kind: string
  az: string | null
  dns_name: string
  timing: string
  expected_ms: number
  /** successful samples the figures come from */
  samples: number
  median_ms: number
  p95_ms: number
  error_ms: number
  error_pct: number
  tolerance_ms: number
  pass: boolean
}

export interface FidelityReport {
  /** how a measured value is taken from a sample: the model's timing less DNS, as run-probe-step.ts does */
  measure: string
  tolerance: string
  paths: FidelityPath[]
  /** probe paths without a model figure, or without a successful sample */
  skipped: Array<{ scenario: string; step: number; consumer_az: string; dns_name: string; reason: string }>
  summary: { paths: number; passed: number; failed: number; max_error_ms: number | null; max_error_pct: number | null }
}

const round = (n: number, digits = 3) => Number(n.toFixed(digits))

/** Allowed error for an expected value: 2 ms or 5 % of it, whichever is larger. */
export function toleranceMs(expectedMs: number): number {
  return Math.max(FIDELITY_TOLERANCE.ms, FIDELITY_TOLERANCE.share * expectedMs)
}

/** One path's figures, or the reason it has none. */
export function fidelityOfProbe(scenario: string, probe: ProbeResult): FidelityPath | { reason: string } {
  if (!probe.model) return { reason: 'no model figure for this probe' }
  const { timing, expected_ms } = probe.model
  // the same per-sample value run-probe-step.ts takes for measured_ms: DNS is not part of the modelled path
  const values = probe.raw.filter((s) => s.failure === null).map((s) => s[timing] - s.time_namelookup)
  const med = median(values)
  const p95 = quantileOf(values, 0.95)
  if (med === null || p95 === null) return { reason: 'no successful sample' }
  const error = med - expected_ms
  const tolerance = toleranceMs(expected_ms)
  return {
    scenario,
    step: probe.step,
    consumer: probe.consumer,
    consumer_az: probe.consumer_az,
    name_kind: probe.name_kind,
    az: probe.az,
    dns_name: probe.dns_name,
    timing,
    expected_ms: round(expected_ms),
    samples: values.length,
    median_ms: round(med),
    p95_ms: round(p95),
    error_ms: round(error),
    error_pct: expected_ms > 0 ? round((error / expected_ms) * 100, 1) : 0,
    tolerance_ms: round(tolerance),
    pass: Math.abs(error) <= tolerance,
  }
}

/** Fidelity over every probe of every scenario. */
export function computeFidelity(scenarios: readonly ScenarioResult[]): FidelityReport {
  const paths: FidelityPath[] = []
  const skipped: FidelityReport['skipped'] = []
  for (const s of scenarios) {
    for (const probe of s.probes) {
      const f = fidelityOfProbe(s.name, probe)
      if ('reason' in f) skipped.push({ scenario: s.name, step: probe.step, consumer_az: probe.consumer_az, dns_name: probe.dns_name, reason: f.reason })
      else paths.push(f)
    }
  }
  const passed = paths.filter((p) => p.pass).length
  const maxBy = (pick: (p: FidelityPath) => number) => (paths.length ? Math.max(...paths.map((p) => Math.abs(pick(p)))) : null)
  return {
    measure: 'per successful sample: <model timing> − time_namelookup (ms); median and p95 with the harness quantile (R type 7)',
    tolerance: `|median − expected| ≤ max(${FIDELITY_TOLERANCE.ms} ms, ${FIDELITY_TOLERANCE.share * 100} % of expected)`,
    paths,
    skipped,
    summary: { paths: paths.length, passed, failed: paths.length - passed, max_error_ms: maxBy((p) => p.error_ms), max_error_pct: maxBy((p) => p.error_pct) },
  }
}
