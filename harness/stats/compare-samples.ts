// Two latency samples side by side: which is faster, by how much (difference of medians with a
// percentile-bootstrap 95% confidence interval) and whether the data can tell at all (a two-sided
// Mann–Whitney U test). Pure and reproducible: the bootstrap draws from a seeded generator.
import { errorFunction, quantile, sampleWithReplacement, wilcoxonRankSum } from 'simple-statistics'
import { quantileOf } from './summarize-latency.js'

/** Options of compareSamples. */
export interface CompareOptions {
  /** bootstrap resamples (default 2000) */
  resamples?: number
  /** seed of the bootstrap's generator (default 1): the same inputs always give the same interval */
  seed?: number
  /** significance level of the verdict (default 0.05) */
  alpha?: number
  /** how the sentence names the two sides (default "a" and "b") */
  labels?: { a: string; b: string }
}

/** One side's size and percentiles, in ms. */
export interface SampleSummary {
  n: number
  median: number
  p95: number
}

/**
 * `indistinguishable`: neither the rank test nor the interval finds a difference; `inconclusive`:
 * one of them does and the other does not, so the report names no side and says which said what.
 */
export type ComparisonVerdict = 'a-faster' | 'b-faster' | 'indistinguishable' | 'inconclusive'

/** What compareSamples found; serialisable as is (results.json, `plh compare --json`). */
export interface SampleComparison {
  a: SampleSummary
  b: SampleSummary
  /** median(a) − median(b): negative when a is faster */
  median_diff_ms: number
  /** percentile-bootstrap 95% confidence interval of median_diff_ms */
  ci95: [number, number]
  /** two-sided Mann–Whitney U p-value (normal approximation, tie and continuity corrections) */
  p_value: number
  verdict: ComparisonVerdict
  /** the finding in plain English */
  sentence: string
  /** how it was computed, so that a reader can reproduce it */
  method: { resamples: number; seed: number; alpha: number }
}

/**
 * mulberry32: a seeded 32-bit generator. simple-statistics takes a random source but ships no
 * seeded one, and Math.random cannot be seeded; reproducible intervals need one.
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Sizes of the groups of tied values (only groups of two or more matter to the tie correction). */
function tieGroupSizes(values: readonly number[]): number[] {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts.values()].filter((c) => c > 1)
}

/** Upper tail of the standard normal, 1 − Φ(z), from simple-statistics' erf. */
function normalUpperTail(z: number): number {
  // not cumulativeStdNormalProbability: it reads a 4-digit table at z rounded to 0.01, too coarse
  // for p-values; errorFunction is accurate to ~1.2e-7
  return 0.5 * (1 - errorFunction(z / Math.SQRT2))
}

/**
 * Two-sided Mann–Whitney U p-value as R's `wilcox.test(a, b, exact = FALSE, correct = TRUE)`
 * computes it: the rank sum comes from simple-statistics (midranks for ties); what it lacks is the
 * test itself: U, the tie-corrected variance, the continuity correction and the normal tail.
 * 1 when every value is the same (no ordering to test).
 */
export function mannWhitneyPValue(a: readonly number[], b: readonly number[]): number {
  const n1 = a.length
  const n2 = b.length
  if (n1 === 0 || n2 === 0) throw new RangeError('mannWhitneyPValue: both samples need at least one value')
  const n = n1 + n2
  const u = wilcoxonRankSum([...a], [...b]) - (n1 * (n1 + 1)) / 2
  const ties = tieGroupSizes([...a, ...b]).reduce((s, t) => s + t ** 3 - t, 0)
  const sigma = Math.sqrt((n1 * n2) / 12 * (n + 1 - ties / (n * (n - 1))))
  if (!(sigma > 0)) return 1
  const centred = u - (n1 * n2) / 2
  const z = (centred - Math.sign(centred) * 0.5) / sigma
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)))
}

function summarize(values: readonly number[]): SampleSummary {
  return { n: values.length, median: quantileOf(values, 0.5)!, p95: quantileOf(values, 0.95)! }
}

/** A 32-bit FNV-1a hash of a sample's values, in order (it seeds that sample's resampling). */
function hashValues(values: readonly number[]): number {
  const bytes = new Uint8Array(new Float64Array(values).buffer)
  let hash = 0x811c9dc5
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0
  return hash
}

/**
 * Percentile bootstrap of median(a) − median(b): resample each side independently. Each side's
 * generator is seeded from `seed` and that side's own values, not from its position, so that
 * swapping a and b swaps the resamples too: the interval negates exactly and the verdict flips.
 */
function bootstrapMedianDiff(a: readonly number[], b: readonly number[], resamples: number, seed: number): [number, number] {
  const randomA = createSeededRandom((seed ^ hashValues(a)) >>> 0)
  const randomB = createSeededRandom((seed ^ hashValues(b)) >>> 0)
  const diffs: number[] = []
  for (let i = 0; i < resamples; i += 1) {
    const ra = sampleWithReplacement([...a], a.length, randomA)
    const rb = sampleWithReplacement([...b], b.length, randomB)
    // simple-statistics' quantile selects (quickselect) rather than sorts: the same R type 7 value
    // as quantileOf in O(n), which matters at thousands of resamples of thousands of samples
    diffs.push(quantile(ra, 0.5) - quantile(rb, 0.5))
  }
  return [quantileOf(diffs, 0.025)!, quantileOf(diffs, 0.975)!]
}

/** "p < 0.001" or "p = 0.034". */
export function formatPValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`
}

function ms(value: number): string {
  return `${Math.abs(value) < 100 ? value.toFixed(1) : Math.round(value)} ms`
}

function range([low, high]: [number, number]): string {
  const digits = Math.max(Math.abs(low), Math.abs(high)) < 100 ? 1 : 0
  return `${low.toFixed(digits)}–${high.toFixed(digits)} ms`
}

function check(values: readonly number[], side: string): void {
  if (values.length === 0) throw new RangeError(`compareSamples: sample ${side} is empty`)
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError(`compareSamples: sample ${side} holds a value that is not a finite number`)
}

/**
 * The finding in words. When the two methods disagree the sentence says which found what, instead
 * of "cannot tell apart" next to a p-value below alpha, which reads as a contradiction.
 */
function describeVerdict(f: { verdict: ComparisonVerdict; labels: { a: string; b: string }; diff: number; ci95: [number, number]; p: number }): string {
  const { verdict, labels, diff, ci95, p } = f
  const interval = `${ms(ci95[0])} to ${ms(ci95[1])}`
  const median = `median ${labels.a} − ${labels.b} ${ms(diff)}`
  if (verdict === 'indistinguishable') return `the data cannot tell ${labels.a} and ${labels.b} apart (${median}, 95% CI ${interval}, ${formatPValue(p)})`
  if (verdict === 'inconclusive') {
    return ci95[0] <= 0 && ci95[1] >= 0
      ? `inconclusive: the rank test finds a difference between ${labels.a} and ${labels.b} (${formatPValue(p)}), but the 95% interval of the median difference includes 0 (${interval}; ${median})`
      : `inconclusive: the 95% interval of the median difference excludes 0 (${interval}; ${median}), but the rank test finds no difference between ${labels.a} and ${labels.b} (${formatPValue(p)})`
  }
  // the interval of the faster side's advantage, so that the sentence reads in positive numbers
  const advantage: [number, number] = verdict === 'a-faster' ? [-ci95[1], -ci95[0]] : ci95
  return `${verdict === 'a-faster' ? labels.a : labels.b} is faster by ${ms(Math.abs(diff))} (95% CI ${range(advantage)}, ${formatPValue(p)})`
}

/**
 * Compares two latency samples (ms). The verdict names a side only when the rank test rejects at
 * `alpha` AND the bootstrap interval excludes zero: two different questions (is one distribution
 * shifted? is the median different?) must agree before the report says which is faster.
 */
export function compareSamples(a: readonly number[], b: readonly number[], options: CompareOptions = {}): SampleComparison {
  const resamples = options.resamples ?? 2000
  const seed = options.seed ?? 1
  const alpha = options.alpha ?? 0.05
  const labels = options.labels ?? { a: 'a', b: 'b' }
  if (!Number.isInteger(resamples) || resamples < 100) throw new RangeError(`compareSamples: resamples must be a whole number ≥ 100, got ${resamples}`)
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`compareSamples: alpha must be within (0, 1), got ${alpha}`)
  check(a, 'a')
  check(b, 'b')
  const sa = summarize(a)
  const sb = summarize(b)
  const diff = sa.median - sb.median
  const ci95 = bootstrapMedianDiff(a, b, resamples, seed)
  const p = mannWhitneyPValue(a, b)
  const separated = ci95[0] > 0 || ci95[1] < 0
  const ranked = p < alpha
  const verdict: ComparisonVerdict = ranked && separated ? (diff < 0 ? 'a-faster' : 'b-faster') : ranked || separated ? 'inconclusive' : 'indistinguishable'
  const sentence = describeVerdict({ verdict, labels, diff, ci95, p })
  return { a: sa, b: sb, median_diff_ms: diff, ci95, p_value: p, verdict, sentence, method: { resamples, seed, alpha } }
}
