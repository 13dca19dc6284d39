import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareSamples, createSeededRandom, formatPValue, mannWhitneyPValue } from './compare-samples.js'

// R's own example data from ?wilcox.test (the "permeability constants" of Hollander & Wolfe).
const rX = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46]
const rY = [1.15, 0.88, 0.9, 0.74, 1.21]

describe('mannWhitneyPValue', () => {
  it("matches R's wilcox.test(x, y, exact = FALSE, correct = TRUE) on R's documented example", () => {
    // By hand: W = 35 (R prints "W = 35"), U = 35 under n1 = 10, n2 = 5, no ties;
    // mean n1·n2/2 = 25, sigma = sqrt(10·5·16/12) = 8.1650; z = (35 − 25 − 0.5)/8.1650 = 1.16350;
    // p = 2·(1 − Φ(1.16350)) = 0.24462. scipy 1.17.1 mannwhitneyu(method='asymptotic',
    // use_continuity=True), which follows R, prints 0.24462360512698333.
    expect(mannWhitneyPValue(rX, rY)).toBeCloseTo(0.2446236, 6)
  })

  it('applies the tie correction as R does', () => {
    // x = 1 2 2 3 3 3 4 5, y = 3 4 4 5 5 6 7 7 8: tie groups of sizes 2, 4, 3, 3, 2.
    // W = 7.5 + 36 = 43.5 → U = 7.5; Σ(t³ − t) = 6 + 60 + 24 + 24 + 6 = 120; N = 17;
    // sigma² = 8·9/12 · (18 − 120/272) = 6 · 17.5588 = 105.353, sigma = 10.2642;
    // z = (7.5 − 36 + 0.5)/10.2642 = −2.72793; p = 0.0063731 (scipy: 0.006373133838085873).
    expect(mannWhitneyPValue([1, 2, 2, 3, 3, 3, 4, 5], [3, 4, 4, 5, 5, 6, 7, 7, 8])).toBeCloseTo(0.0063731, 6)
  })

  it('gives the asymptotic p-value for completely separated samples', () => {
    // U = 0, n1 = 6, n2 = 7: z = (0 − 21 + 0.5)/sqrt(6·7·14/12) = −2.92770; p = 0.0034052 (scipy agrees)
    expect(mannWhitneyPValue([10.1, 10.4, 10.2, 10.9, 10.5, 10.3], [12.0, 12.4, 11.9, 12.8, 12.2, 12.5, 12.1])).toBeCloseTo(0.0034052, 6)
  })

  it('is 1 when every value is the same (nothing to order)', () => {
    expect(mannWhitneyPValue([3, 3, 3], [3, 3])).toBe(1)
  })

  it('refuses an empty sample', () => {
    expect(() => mannWhitneyPValue([], [1])).toThrow(/at least one value/)
  })
})

function normalish(random: () => number, n: number, centre: number, spread: number): number[] {
  return Array.from({ length: n }, () => centre + spread * (random() + random() + random() - 1.5))
}

describe('compareSamples', () => {
  it('finds the faster side of two shifted samples and its CI contains the true shift', () => {
    const random = createSeededRandom(42)
    const relay = normalish(random, 200, 90, 6)
    const native = relay.map((v) => v - 12) // exactly 12 ms faster, same shape
    const result = compareSamples(native, relay, { labels: { a: 'native-cross-region', b: 'peered-outpost-relay' } })
    expect(result.median_diff_ms).toBeCloseTo(-12, 9)
    expect(result.ci95[0]).toBeLessThanOrEqual(-12)
    expect(result.ci95[1]).toBeGreaterThanOrEqual(-12)
    expect(result.ci95[1]).toBeLessThan(0)
    expect(result.p_value).toBeLessThan(0.001)
    expect(result.verdict).toBe('a-faster')
    expect(result.sentence).toMatch(/^native-cross-region is faster by 12\.0 ms \(95% CI \d+\.\d–\d+\.\d ms, p < 0\.001\)$/)
    expect(result.a).toMatchObject({ n: 200 })
    expect(result.b.median - result.a.median).toBeCloseTo(12, 9)
  })

  it('says the data cannot tell identical samples apart', () => {
    const random = createSeededRandom(7)
    const values = normalish(random, 50, 40, 4)
    const result = compareSamples(values, [...values].reverse())
    expect(result.verdict).toBe('indistinguishable')
    expect(result.median_diff_ms).toBe(0)
    expect(result.p_value).toBe(1)
    expect(result.ci95[0]).toBeLessThanOrEqual(0)
    expect(result.ci95[1]).toBeGreaterThanOrEqual(0)
    expect(result.sentence).toMatch(/^the data cannot tell a and b apart/)
  })

  it('names b when b is faster, with the interval of its advantage in positive numbers', () => {
    const result = compareSamples([20, 21, 22, 23, 24, 25, 26, 27], [10, 11, 12, 13, 14, 15, 16, 17], { labels: { a: 'slow', b: 'fast' } })
    expect(result.verdict).toBe('b-faster')
    expect(result.median_diff_ms).toBe(10)
    expect(result.ci95[0]).toBeGreaterThan(0)
    // U = 64 of 64, z = (64 − 32 − 0.5)/sqrt(8·8·17/12) = 3.30808, p = 0.000939 (scipy agrees)
    expect(result.p_value).toBeCloseTo(0.000939, 6)
    expect(result.sentence).toMatch(/^fast is faster by 10\.0 ms \(95% CI \d+\.\d–\d+\.\d ms, p < 0\.001\)$/)
  })

  it('says "inconclusive" and which method found what when the rank test finds a difference and the interval includes 0', () => {
    const a = [15.1, 13, 13.7, 12.3, 11.5, 10, 13.7, 12.5, 10.9, 10.5]
    const b = [14.4, 14, 13.9, 12.5, 11.7, 14.1, 14.1, 14.7, 12.6, 14]
    const result = compareSamples(a, b)
    expect(result.p_value).toBeLessThan(0.05)
    expect(result.ci95[0]).toBeLessThan(0)
    expect(result.ci95[1]).toBeGreaterThan(0)
    expect(result.verdict).toBe('inconclusive')
    expect(result.sentence).toBe(
      'inconclusive: the rank test finds a difference between a and b (p = 0.034), but the 95% interval of the median difference includes 0 (-3.1 ms to 0.2 ms; median a − b -1.6 ms)',
    )
    expect(result.sentence).not.toMatch(/cannot tell/)
  })

  it('says "inconclusive" when the interval excludes 0 but the rank test finds no difference', () => {
    const a = [10.8, 16.1, 13.6, 14, 13.6, 12.7, 13.3, 16.3]
    const b = [11.8, 13.3, 11.9, 11.3, 11.6, 14, 11.7, 13]
    const result = compareSamples(a, b, { labels: { a: 'native', b: 'relay' } })
    expect(result.p_value).toBeGreaterThanOrEqual(0.05)
    expect(result.ci95[0]).toBeGreaterThan(0)
    expect(result.verdict).toBe('inconclusive')
    expect(result.sentence).toBe(
      'inconclusive: the 95% interval of the median difference excludes 0 (0.1 ms to 3.4 ms; median native − relay 1.7 ms), but the rank test finds no difference between native and relay (p = 0.082)',
    )
  })

  it('is reproducible: the same seed gives the same interval, another seed may not', () => {
    const random = createSeededRandom(3)
    const a = normalish(random, 30, 50, 10)
    const b = normalish(random, 30, 52, 10)
    expect(compareSamples(a, b, { seed: 9 }).ci95).toEqual(compareSamples(a, b, { seed: 9 }).ci95)
    expect(compareSamples(a, b, { seed: 9 }).ci95).not.toEqual(compareSamples(a, b, { seed: 10 }).ci95)
  })

  it('rejects empty or non-finite samples and bad options, naming them', () => {
    expect(() => compareSamples([], [1])).toThrow(/sample a is empty/)
    expect(() => compareSamples([1], [Number.NaN])).toThrow(/sample b/)
    expect(() => compareSamples([1], [2], { resamples: 5 })).toThrow(/resamples/)
    expect(() => compareSamples([1], [2], { alpha: 1 })).toThrow(/alpha/)
  })

  it('swapping a and b flips the verdict exactly, also where the interval only just excludes zero (a case fast-check found)', () => {
    const a = [63.1, 63.1, 63.3, 63.1, 63.1]
    const b = [63.2, 0.1, 0.1, 0.1, 0.1, 63]
    const ab = compareSamples(a, b, { seed: 3, resamples: 200 })
    const ba = compareSamples(b, a, { seed: 3, resamples: 200 })
    expect(ba.ci95[0]).toBeCloseTo(-ab.ci95[1], 9)
    expect(ba.ci95[1]).toBeCloseTo(-ab.ci95[0], 9)
    const flip = { 'a-faster': 'b-faster', 'b-faster': 'a-faster', indistinguishable: 'indistinguishable', inconclusive: 'inconclusive' } as const
    expect(ba.verdict).toBe(flip[ab.verdict])
  })

  it('property: swapping a and b negates the difference and its interval and keeps p', () => {
    const sample = fc.array(fc.integer({ min: 1, max: 5000 }).map((v) => v / 10), { minLength: 1, maxLength: 40 })
    fc.assert(
      fc.property(sample, sample, fc.integer({ min: 0, max: 1000 }), (a, b, seed) => {
        const ab = compareSamples(a, b, { seed, resamples: 200 })
        const ba = compareSamples(b, a, { seed, resamples: 200 })
        expect(ba.median_diff_ms).toBeCloseTo(-ab.median_diff_ms, 9)
        expect(ba.p_value).toBeCloseTo(ab.p_value, 12)
        expect(ba.ci95[0]).toBeCloseTo(-ab.ci95[1], 9)
        expect(ba.ci95[1]).toBeCloseTo(-ab.ci95[0], 9)
        const flip = { 'a-faster': 'b-faster', 'b-faster': 'a-faster', indistinguishable: 'indistinguishable', inconclusive: 'inconclusive' } as const
        expect(ba.verdict).toBe(flip[ab.verdict])
        expect(ab.p_value).toBeGreaterThanOrEqual(0)
        expect(ab.p_value).toBeLessThanOrEqual(1)
        expect(ab.ci95[0]).toBeLessThanOrEqual(ab.ci95[1])
      }),
      { numRuns: 60 },
    )
  })

  it('formats p-values for people', () => {
    expect(formatPValue(0.0004)).toBe('p < 0.001')
    expect(formatPValue(0.0341)).toBe('p = 0.034')
  })
})
