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

const base: TargetInputs = {
  suiteWallS: 27,
  overhead: { a: overhead(1.2), b: overhead(null) },
  fidelity: fidelity(10, 0),
  callsPerSample: 0.05,
  scale: [level(10, 2, 600), level(100, 18, 900)],
}
const verdicts = (input: TargetInputs) => judgeTargets(input).map((t) => t.met)

test('every target met', () => {
  expect(verdicts(base)).toEqual([true, true, true, true, true, true, true])
})

test('the overhead target names how many scenarios are within and the worst', () => {
  const c = judgeTargets({ ...base, overhead: { a: overhead(1.2), b: overhead(3.5), c: overhead(null) } })[1]!
  expect(c.value).toEqual({ within: '1/2 scenarios', worst: 3.5 })
  expect(c.note).toBe('worst: b')
})

test('each target can fail on its own', () => {
  expect(verdicts({ ...base, suiteWallS: 61 })[0]).toBe(false)
  expect(verdicts({ ...base, overhead: { a: overhead(1.6) } })[1]).toBe(false)
  expect(verdicts({ ...base, fidelity: fidelity(10, 1) })[2]).toBe(false)
  expect(verdicts({ ...base, callsPerSample: 0.2 })[3]).toBe(false)
  expect(verdicts({ ...base, scale: [level(100, 31, 900)] })[4]).toBe(false)
  expect(verdicts({ ...base, scale: [level(100, 18, 4500)] })[5]).toBe(false)
  expect(verdicts({ ...base, scale: [level(100, 18, 900, 399)] })[6]).toBe(false)
})

test('no figure means no verdict, with a note saying why', () => {
  const checks = judgeTargets({ ...base, suiteWallS: null, overhead: {}, fidelity: fidelity(0, 0), callsPerSample: null, scale: [{ consumer_vpcs: 100, error: 'boom' }] })
  expect(checks.map((c) => c.met)).toEqual([null, null, null, null, null, null, null])
  expect(checks[2]!.note).toMatch(/model/)
  expect(checks[4]!.note).toMatch(/boom/)
})
