import { expect, test } from 'vitest'
import { DEFAULT_REPETITIONS, medianRunIndex, parseRepetitions, spreadOf } from './repeat.js'

test('spreadOf gives the median, the range and every run, runs without a value kept as null', () => {
  expect(spreadOf([64.9, 55.6, 58.1])).toEqual({ median: 58.1, min: 55.6, max: 64.9, n: 3, runs: [64.9, 55.6, 58.1] })
  expect(spreadOf([2, null, 4])).toEqual({ median: 3, min: 2, max: 4, n: 2, runs: [2, null, 4] })
  expect(spreadOf([null, undefined])).toBeNull()
  expect(spreadOf([])).toBeNull()
})

test('medianRunIndex names the run a median comes from (the lower middle for an even count)', () => {
  expect(medianRunIndex([64.9, 55.6, 58.1])).toBe(2)
  expect(medianRunIndex([3, 1, 4, 2])).toBe(3)
  expect(medianRunIndex([null, 7])).toBe(1)
  expect(medianRunIndex([null])).toBe(-1)
})

test('parseRepetitions reads --runs, then PLH_BENCH_RUNS, then the default', () => {
  expect(parseRepetitions([], {})).toEqual({ runs: DEFAULT_REPETITIONS })
  expect(parseRepetitions(['--runs', '5'], { PLH_BENCH_RUNS: '4' })).toEqual({ runs: 5 })
  expect(parseRepetitions([], { PLH_BENCH_RUNS: '4' })).toEqual({ runs: 4 })
})

test('parseRepetitions refuses what is not a whole number from 1 to 20, naming where it came from', () => {
  expect(parseRepetitions(['--runs', '0'], {})).toEqual({ error: "bench: --runs must be a whole number from 1 to 20, got '0'" })
  expect(parseRepetitions(['--runs'], {})).toMatchObject({ error: expect.stringContaining("--runs must be a whole number from 1 to 20, got ''") })
  expect(parseRepetitions([], { PLH_BENCH_RUNS: '2.5' })).toMatchObject({ error: expect.stringContaining('PLH_BENCH_RUNS') })
})
