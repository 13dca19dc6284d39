import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { median, quantileOf, summarizeLatency } from './summarize-latency.js'

describe('summarizeLatency', () => {
  it('is all null when empty', () => {
    expect(summarizeLatency([])).toEqual({ p50: null, p95: null, p99: null, max: null })
  })

  it('returns the single value for every quantile of one sample', () => {
    expect(summarizeLatency([4.2])).toEqual({ p50: 4.2, p95: 4.2, p99: 4.2, max: 4.2 })
  })

  it('interpolates linearly (R type 7) and does not depend on input order', () => {
    const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5] // 1..10 shuffled
    const s = summarizeLatency(values)
    expect(s.p50).toBeCloseTo(5.5) // index 4.5
    expect(s.p95).toBeCloseTo(9.55) // index 8.55
    expect(s.p99).toBeCloseTo(9.91) // index 8.91
    expect(s.max).toBe(10)
    expect(values[0]).toBe(10) // input not mutated
  })

  it('ignores values that are not finite numbers', () => {
    expect(summarizeLatency([Number.NaN, 3, Number.POSITIVE_INFINITY, 1])).toEqual({ p50: 2, p95: 2.9, p99: 2.98, max: 3 })
  })

  it('keeps p50 ≤ p95 ≤ p99 ≤ max within [min, max] (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), (values) => {
        const s = summarizeLatency(values)
        const min = Math.min(...values)
        expect(s.p50!).toBeGreaterThanOrEqual(min)
        expect(s.p95!).toBeGreaterThanOrEqual(s.p50!)
        expect(s.p99!).toBeGreaterThanOrEqual(s.p95!)
        expect(s.max!).toBeGreaterThanOrEqual(s.p99!)
        expect(s.max).toBe(Math.max(...values))
      }),
    )
  })
})

describe('median and quantileOf', () => {
  it('averages the two middle values of an even count', () => {
    expect(median([1, 2, 3, 4])).toBe(2.5)
    expect(median([3, 1, 2])).toBe(2)
    expect(median([])).toBeNull()
  })

  it('rejects p outside [0, 1]', () => {
    expect(() => quantileOf([1], 1.5)).toThrow(RangeError)
    expect(quantileOf([1, 2], 0)).toBe(1)
    expect(quantileOf([1, 2], 1)).toBe(2)
  })
})
