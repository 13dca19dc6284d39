// Evaluates comparisons against scenario results: pools the successful samples of one kind of
// name from each side, compares them (stats/compare-samples) and judges the expectation. Pure:
// `plh run`, `plh report --merge` and `plh compare` all go through here.
import { compareSamples, type CompareOptions } from '../stats/compare-samples.js'
import type { Comparison, ComparisonNameKind, ComparisonResult } from './comparison.js'
import type { ProbeResult, ScenarioResult } from './results.js'
import type { Timing } from './scenario.js'

/** Probe name kinds that a comparison name kind pools (the TLS CNAME is recorded as `hostname`, older results say `tls`). */
const probeKinds: Record<ComparisonNameKind, ReadonlyArray<ProbeResult['name_kind']>> = {
  regional: ['regional'],
  zonal: ['zonal'],
  hostname: ['hostname', 'tls'],
}

/** The probes of a scenario that a comparison of `nameKind` pools. */
export function selectComparedProbes(scenario: ScenarioResult, nameKind: ComparisonNameKind): ProbeResult[] {
  return scenario.probes.filter((p) => probeKinds[nameKind].includes(p.name_kind))
}

/** The timings (ms) of every successful sample of those probes: failed samples carry timeouts, not latency. */
export function collectComparedSamples(scenario: ScenarioResult, nameKind: ComparisonNameKind, timing: Timing): number[] {
  return selectComparedProbes(scenario, nameKind)
    .flatMap((p) => p.raw)
    .filter((s) => s.failure === null && s.exitcode === 0)
    .map((s) => s[timing])
    .filter((v) => Number.isFinite(v))
}

/** The latency model's timing when every compared probe of both sides has the same one, else time_starttransfer. */
export function defaultComparisonTiming(a: ScenarioResult, b: ScenarioResult, nameKind: ComparisonNameKind): Timing {
  const models = new Set([...selectComparedProbes(a, nameKind), ...selectComparedProbes(b, nameKind)].map((p) => p.model?.timing))
  const [only] = [...models]
  return models.size === 1 && only !== undefined ? only : 'time_starttransfer'
}

function judge(comparison: Comparison, stats: NonNullable<ComparisonResult['stats']>): Pick<ComparisonResult, 'status' | 'detail'> {
  const expect = comparison.expect
  if (!expect) return { status: 'informational', detail: stats.sentence }
  const faster = expect.faster === 'a' ? comparison.a : comparison.b
  const wanted = expect.faster === 'a' ? 'a-faster' : 'b-faster'
  const margin = expect.faster === 'a' ? -stats.median_diff_ms : stats.median_diff_ms
  const by = expect.by_at_least_ms
  const wish = `expected ${faster} to be faster${by === undefined ? '' : ` by at least ${by} ms`}`
  if (stats.verdict !== wanted) return { status: 'failed', detail: `${wish}, but ${stats.sentence}` }
  if (by !== undefined && margin < by) return { status: 'failed', detail: `${wish}, but its median is lower by only ${margin.toFixed(1)} ms: ${stats.sentence}` }
  return { status: 'passed', detail: `${wish}: ${stats.sentence}` }
}

/** Compares the two scenarios a comparison names (the caller checks that both ran). */
export function evaluateComparison(comparison: Comparison, a: ScenarioResult, b: ScenarioResult, options: CompareOptions = {}): ComparisonResult {
  const timing = comparison.timing ?? defaultComparisonTiming(a, b, comparison.name_kind)
  const base = {
    name: comparison.name,
    description: comparison.description,
    a: comparison.a,
    b: comparison.b,
    name_kind: comparison.name_kind,
    timing,
    ...(comparison.expect ? { expect: comparison.expect } : {}),
  }
  const samplesA = collectComparedSamples(a, comparison.name_kind, timing)
  const samplesB = collectComparedSamples(b, comparison.name_kind, timing)
  const empty = [samplesA.length === 0 ? a.name : null, samplesB.length === 0 ? b.name : null].filter((n) => n !== null)
  if (empty.length > 0) {
    const detail = `no successful ${comparison.name_kind} sample in ${empty.join(' and ')}; nothing to compare`
    // an expectation that cannot be checked has not held
    return { ...base, stats: null, status: comparison.expect ? 'failed' : 'skipped', detail }
  }
  const stats = compareSamples(samplesA, samplesB, { labels: { a: a.name, b: b.name }, ...options })
  return { ...base, stats, ...judge(comparison, stats) }
}

/** Evaluates every comparison whose two scenarios are among `scenarios`; the others are left out. */
export function evaluateComparisons(comparisons: readonly Comparison[], scenarios: readonly ScenarioResult[], options: CompareOptions = {}): ComparisonResult[] {
  const byName = new Map(scenarios.map((s) => [s.name, s]))
  return comparisons.flatMap((c) => {
    const a = byName.get(c.a)
    const b = byName.get(c.b)
    return a && b ? [evaluateComparison(c, a, b, options)] : []
  })
}
