import { describe, expect, test } from 'vitest'
import { computeFidelity, fidelityOfProbe, toleranceMs } from './fidelity.js'
import { probe, sample, scenario } from './results-fixture.js'

const model = (expected_ms: number) => ({ model: { timing: 'time_starttransfer' as const, expected_ms } })

describe('toleranceMs', () => {
  test('2 ms below 40 ms expected, 5 % above', () => {
    expect(toleranceMs(1)).toBe(2)
    expect(toleranceMs(40)).toBe(2)
    expect(toleranceMs(200)).toBe(10)
  })
})

describe('fidelityOfProbe', () => {
  test('median and p95 of (timing − namelookup) over successful samples, error against the model', () => {
    const raw = [...[1, 1.2, 1.4, 1.6, 1.8].map((ms) => sample(ms)), sample(900, { failure: 'timeout', exitcode: 28 })]
    const f = fidelityOfProbe('s', probe(raw, model(1)))
    if ('reason' in f) throw new Error(f.reason)
    expect(f.samples).toBe(5)
    expect(f.median_ms).toBeCloseTo(1.4, 6)
    expect(f.p95_ms).toBeCloseTo(1.76, 6)
    expect(f.error_ms).toBeCloseTo(0.4, 6)
    expect(f.error_pct).toBeCloseTo(40, 6)
    expect(f.pass).toBe(true) // 0.4 ms is within the 2 ms floor
  })
  test('passes within, and fails beyond, the larger of 2 ms and 5 %', () => {
    const slow = fidelityOfProbe('s', probe([sample(160), sample(160)], model(150)))
    const near = fidelityOfProbe('s', probe([sample(157), sample(157)], model(150)))
    if ('reason' in slow || 'reason' in near) throw new Error('expected figures')
    expect(slow.pass).toBe(false) // 10 ms > 7.5 ms
    expect(near.pass).toBe(true) // 7 ms ≤ 7.5 ms (5 % of 150)
  })
  test('a probe without a model, or without a good sample, is skipped with a reason', () => {
    expect(fidelityOfProbe('s', probe([sample(1)]))).toEqual({ reason: 'no model figure for this probe' })
    expect(fidelityOfProbe('s', probe([sample(1, { failure: 'timeout' })], model(1)))).toEqual({ reason: 'no successful sample' })
  })
})

test('computeFidelity lists every path, the skipped ones and a summary', () => {
  const report = computeFidelity([
    scenario('a', [probe([sample(1)], model(1)), probe([sample(9)], { ...model(1), dns_name: 'zonal' })]),
    scenario('b', [probe([sample(1, { failure: 'timeout' })])]),
  ])
  expect(report.paths.map((p) => [p.scenario, p.dns_name, p.pass])).toEqual([
    ['a', 'vpce-1.example', true],
    ['a', 'zonal', false],
  ])
  expect(report.skipped).toEqual([{ scenario: 'b', step: 0, consumer_az: 'us-east-1a', dns_name: 'vpce-1.example', reason: 'no model figure for this probe' }])
  expect(report.summary).toEqual({ paths: 2, passed: 1, failed: 1, max_error_ms: 8, max_error_pct: 800 })
})
