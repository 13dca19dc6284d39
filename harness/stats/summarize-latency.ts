// Latency percentiles for results and expectations. One quantile definition everywhere, so a
// bound in a scenario, a number in the HTML report and a comparison all mean the same thing.
import { quantileSorted } from 'simple-statistics'
import type { LatencySummary } from '../core/results.js'

/**
 * The quantile method: simple-statistics' `quantileSorted`, linear interpolation between the
 * closest ranks (R type 7, numpy's default `linear`): index (n − 1)·p, interpolated. With 20
 * samples p95 sits between the 19th and 20th values; with one sample every quantile is it.
 */
export const quantileMethod = 'linear interpolation, R type 7 (numpy default)'

/** Sorts a copy, dropping values that are not finite numbers (a malformed sample must not poison a percentile). */
function sortedFinite(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
}

/** The p-quantile (0 ≤ p ≤ 1) of `values` with the method above; null when there are none. */
export function quantileOf(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileOf: p must be within [0, 1], got ${p}`)
  const sorted = sortedFinite(values)
  return sorted.length === 0 ? null : quantileSorted(sorted, p)
}

/** The median (p50 with the same method); null when there are no values. */
export function median(values: readonly number[]): number | null {
  return quantileOf(values, 0.5)
}

/** p50/p95/p99/max of latencies in ms, as results.json and the reports carry them; nulls when empty. */
export function summarizeLatency(valuesMs: readonly number[]): LatencySummary {
  const sorted = sortedFinite(valuesMs)
  if (sorted.length === 0) return { p50: null, p95: null, p99: null, max: null }
  return {
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? null,
  }
}
