import { expect, test } from 'vitest'
import type { FidelityReport } from './fidelity.js'
import type { ScenarioOverhead } from './overhead.js'
import { judgeTargets, type TargetInputs } from './targets.js'

const fidelity = (paths: number, failed: number): FidelityReport => ({
  measure: '',
  tolerance: '',
  paths: [],
  skipped: [],
  summary: { paths, passed: paths - failed, failed, max_error_ms: paths ? 1 : null, max_error_pct: paths ? 1 : null },
})
const overhead = (ratio: number | null): ScenarioOverhead => ({
  probe_s: 1,
  probe_s_source: 'probe-steps',
  model_s: 1,
  ratio,
  met: ratio === null ? null : ratio <= 1.5,
  basis: { model: 1, time_total_median: 0, none: 0 },
  steps: [],
})
const level = (n: number, apply_s: number, mib: number, answered = n * 4) => ({ consumer_vpcs: n, apply_s, memory: { peak_upper_bound_mib: mib }, names: { expected: n * 4, answered } })
const passed = (wall_s: number) => ({ wall_s, status: 'passed' })

/** Three runs, every target met. */
const base: TargetInputs = {
  suites: [passed(50), passed(55), passed(52)],
  overhead: [{ a: overhead(1.2), b: overhead(null) }, { a: overhead(1.3) }, { a: overhead(1.1) }],
  fidelity: [fidelity(10, 0), fidelity(10, 0), fidelity(10, 0)],
  callsPerSample: [0.05, 0.06, 0.05],
  scale: [
    [level(10, 2, 600), level(100, 18, 900)],
    [level(10, 2, 600), level(100, 20, 950)],
    [level(10, 2, 600), level(100, 16, 880)],
  ],
}
const verdicts = (input: TargetInputs) => judgeTargets(input).map((t) => t.met)

test('every target met, each judged on the median over the runs, with the spread', () => {
  expect(verdicts(base)).toEqual([true, true, true, true, true, true, true])
  const [suite, , , , apply] = judgeTargets(base)
  expect(suite).toMatchObject({ value: 52, spread: { median: 52, min: 50, max: 55, n: 3, runs: [50, 55, 52] } })
  expect(apply).toMatchObject({ value: 18, spread: { min: 16, max: 20 } })
})

test('a fast failing suite does not meet the wall-time target, and says which run failed', () => {
  const fastFailing = { wall_s: 12, status: 'failed' }
  const [one] = judgeTargets({ ...base, suites: [fastFailing] })
  expect(one!.met).toBe(false)
  expect(one!.value).toBeNull()
  expect(one!.note).toMatch(/a time counts only when the suite passed; run 1 of 1: failed/)
  const [mixed] = judgeTargets({ ...base, suites: [passed(50), { wall_s: 3, status: 'error', error: 'interrupted' }, passed(52)] })
  expect(mixed!.met).toBe(false)
  expect(mixed!.spread).toMatchObject({ n: 2, runs: [50, null, 52] })
  expect(mixed!.note).toMatch(/run 2 of 3: error \(interrupted\)/)
})

test('the median decides, not the best run', () => {
  expect(verdicts({ ...base, suites: [passed(55.6), passed(64.9), passed(61)] })[0]).toBe(false)
  expect(verdicts({ ...base, suites: [passed(55.6), passed(64.9), passed(58)] })[0]).toBe(true)
  expect(verdicts({ ...base, callsPerSample: [0.08, 0.12, 0.11] })[3]).toBe(false)
  expect(verdicts({ ...base, fidelity: [fidelity(10, 0), fidelity(10, 2), fidelity(10, 1)] })[2]).toBe(false)
  expect(verdicts({ ...base, fidelity: [fidelity(10, 0), fidelity(10, 2), fidelity(10, 0)] })[2]).toBe(true)
})

test('the overhead target takes each scenario’s median over the runs and names the worst', () => {
  const c = judgeTargets({ ...base, overhead: [{ a: overhead(1.2), b: overhead(3.5), c: overhead(null) }, { a: overhead(1.6), b: overhead(3.1) }, { a: overhead(1.4), b: overhead(2) }] })[1]!
  expect(c.value).toEqual({ within: '1/2 scenarios', worst: 3.1 })
  expect(c.spread).toMatchObject({ runs: [3.5, 3.1, 2] })
  expect(c.met).toBe(false)
  expect(c.note).toMatch(/^worst: b/)
})

test('each target can fail on its own', () => {
  expect(verdicts({ ...base, suites: [passed(61)] })[0]).toBe(false)
  expect(verdicts({ ...base, overhead: [{ a: overhead(1.6) }] })[1]).toBe(false)
  expect(verdicts({ ...base, fidelity: [fidelity(10, 1)] })[2]).toBe(false)
  expect(verdicts({ ...base, callsPerSample: [0.2] })[3]).toBe(false)
  expect(verdicts({ ...base, scale: [[level(100, 31, 900)]] })[4]).toBe(false)
  expect(verdicts({ ...base, scale: [[level(100, 18, 4500)]] })[5]).toBe(false)
  expect(verdicts({ ...base, scale: [[level(100, 18, 900, 399)]] })[6]).toBe(false)
})

test('a scale level that erred in one run fails its targets; no run with a figure means no verdict', () => {
  const erred = judgeTargets({ ...base, scale: [[level(100, 18, 900)], [{ consumer_vpcs: 100, error: 'boom' }], [level(100, 17, 900)]] })
  expect(erred.map((c) => c.met).slice(4)).toEqual([false, false, false])
  expect(erred[4]!.note).toMatch(/run 2 of 3: boom/)
  const checks = judgeTargets({ suites: [], overhead: [], fidelity: [fidelity(0, 0)], callsPerSample: [null], scale: [[{ consumer_vpcs: 100, error: 'boom' }]] })
  expect(checks.map((c) => c.met)).toEqual([null, null, null, null, null, null, null])
  expect(checks[0]!.note).toMatch(/did not run/)
  expect(checks[2]!.note).toMatch(/model/)
  expect(checks[4]!.note).toMatch(/boom/)
})
