// Overhead ratio per scenario: the probe phase's wall time over the time the latency model says
// the probes must take at the harness's concurrency. Consumers of one step probe in parallel (one
// SSM command each, run-probe-step.ts), each consumer's samples run one after another, and steps
// run in order, so
//   model_s = Σ_steps max_consumers Σ_names samples × expected per-sample ms / 1000
// where a successful sample is expected to take the model's figure and a failed one (a timeout)
// the median time_total of the probe's failed samples.
// Above 1 is the harness's own cost (SSM round trips and polling, process starts, parsing).
// Pure: reads results.
import type { ProbeResult, ScenarioResult } from '../harness/core/results.js'
import { median } from '../harness/stats/summarize-latency.js'

/** Issue 7's target. */
export const OVERHEAD_RATIO_TARGET = 1.5

/** Where a probe's per-sample figures come from. */
export type PerSampleBasis = 'model' | 'time_total_median' | 'none'

/**
 * The time `probe`'s samples must take, in ms: each successful sample the model's figure (else
 * the median time_total of the successful ones); each failed sample the median time_total of the
 * failed ones — a timeout must take its timeout, and the model has no figure for a failure.
 */
export function probeModelMs(probe: ProbeResult): { ms: number; basis: PerSampleBasis } {
  const good = probe.raw.filter((s) => s.failure === null)
  const bad = probe.raw.filter((s) => s.failure !== null)
  const goodEach = probe.model ? probe.model.expected_ms : (median(good.map((s) => s.time_total)) ?? 0)
  const badEach = median(bad.map((s) => s.time_total)) ?? 0
  const basis: PerSampleBasis = probe.raw.length === 0 ? 'none' : probe.model && good.length > 0 ? 'model' : 'time_total_median'
  return { ms: good.length * goodEach + bad.length * badEach, basis }
}

/** The time one sample of `probe` must take on average (see probeModelMs). */
export function perSampleMs(probe: ProbeResult): { ms: number; basis: PerSampleBasis } {
  const { ms, basis } = probeModelMs(probe)
  return { ms: probe.raw.length ? ms / probe.raw.length : 0, basis }
}

export interface ScenarioOverhead {
  probe_s: number
  /** where probe_s comes from: the probe steps' own durations, or the whole step phase (actions included) */
  probe_s_source: 'probe-steps' | 'phase-including-actions'
  model_s: number
  ratio: number | null
  met: boolean | null
  /** how many probes had their (successful) samples timed by the model, and how many by median time_total only */
  basis: Record<PerSampleBasis, number>
  steps: Array<{ step: number; consumers: number; model_s: number }>
}

const round = (n: number, d = 3) => Number(n.toFixed(d))

/** Model time of one scenario's probes, step by step. */
export function modelProbeSeconds(probes: readonly ProbeResult[]): { total_s: number; steps: ScenarioOverhead['steps']; basis: ScenarioOverhead['basis'] } {
  const basis: ScenarioOverhead['basis'] = { model: 0, time_total_median: 0, none: 0 }
  const byStep = new Map<number, Map<string, number>>()
  for (const p of probes) {
    const { ms, basis: b } = probeModelMs(p)
    basis[b] += 1
    const consumers = byStep.get(p.step) ?? new Map<string, number>()
    consumers.set(p.consumer, (consumers.get(p.consumer) ?? 0) + ms)
    byStep.set(p.step, consumers)
  }
  const steps = [...byStep.entries()]
    .sort(([a], [b]) => a - b)
    .map(([step, consumers]) => ({ step, consumers: consumers.size, model_s: round(Math.max(...consumers.values()) / 1000, 4) }))
  return { total_s: steps.reduce((n, s) => n + s.model_s, 0), steps, basis }
}

/** The probe phase's wall time: probe steps' own durations where the results carry them, else the step phase. */
export function probeWallSeconds(scenario: ScenarioResult): { s: number; source: ScenarioOverhead['probe_s_source'] } {
  const steps = scenario.steps as Array<ScenarioResult['steps'][number] & { duration_s?: number }>
  if (steps.length > 0 && steps.every((s) => typeof s.duration_s === 'number')) {
    return { s: steps.filter((s) => s.kind === 'probe').reduce((n, s) => n + s.duration_s!, 0), source: 'probe-steps' }
  }
  const onlyProbes = steps.every((s) => s.kind === 'probe')
  return { s: scenario.phases.probe_s, source: onlyProbes ? 'probe-steps' : 'phase-including-actions' }
}

/** Overhead ratio of one scenario (null when its probes have no time to compare with). */
export function overheadOfScenario(scenario: ScenarioResult): ScenarioOverhead {
  const model = modelProbeSeconds(scenario.probes)
  const wall = probeWallSeconds(scenario)
  const ratio = model.total_s > 0 ? round(wall.s / model.total_s, 2) : null
  return {
    probe_s: wall.s,
    probe_s_source: wall.source,
    model_s: round(model.total_s, 4),
    ratio,
    met: ratio === null ? null : ratio <= OVERHEAD_RATIO_TARGET,
    basis: model.basis,
    steps: model.steps,
  }
}

/** Overhead ratios of every scenario, by name. */
export function computeOverhead(scenarios: readonly ScenarioResult[]): Record<string, ScenarioOverhead> {
  return Object.fromEntries(scenarios.map((s) => [s.name, overheadOfScenario(s)]))
}
