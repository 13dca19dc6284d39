import { expect, test } from 'vitest'
import { combineRuns, combineScaleLevels, detailRunIndex, type TimedSuiteRun } from './combine-runs.js'
import { probe, sample, scenario } from './results-fixture.js'

const model = { model: { timing: 'time_starttransfer' as const, expected_ms: 2 } }
const probes = (ms: number) => [probe([sample(ms), sample(ms), sample(ms)], { ...model, invocations: [{ command_id: `c-${ms}`, log: '' }] })]
const suiteRun = (wall_s: number, status: string, ms: number): TimedSuiteRun => ({
  wall_s,
  status,
  exit_code: status === 'passed' ? 0 : 1,
  scenarios: [scenario('a', probes(ms), { status: status === 'passed' ? 'passed' : 'failed', ssm_api_calls: 2, ssm_calls_by_operation: { SendCommand: 1, GetCommandInvocation: 1, DescribeInstanceInformation: 3 } })],
})
const level = (n: number, apply_s: number, extra: Record<string, unknown> = {}) => ({ consumer_vpcs: n, apply_s, memory: { peak_upper_bound_mib: 500 }, names: { expected: n * 4, answered: n * 4 }, ...extra })

test('detail tables come from the passed run with the median wall time', () => {
  expect(detailRunIndex([suiteRun(60, 'passed', 2), suiteRun(50, 'passed', 2), suiteRun(55, 'passed', 2)])).toBe(2)
  expect(detailRunIndex([suiteRun(10, 'failed', 2), suiteRun(50, 'passed', 2), suiteRun(55, 'passed', 2)])).toBe(1)
  expect(detailRunIndex([suiteRun(10, 'failed', 2)])).toBe(0)
})

test('a fast failing suite among the runs: its time is not counted and the wall-time target is not met', () => {
  const combined = combineRuns([suiteRun(20, 'passed', 2), suiteRun(5, 'failed', 2), suiteRun(22, 'passed', 2)], [[level(100, 10)]])
  const suite = combined.targets[0]!
  expect(suite.met).toBe(false)
  expect(suite.spread).toMatchObject({ n: 2, runs: [20, null, 22] })
  expect(combined.suite!.wall_s).toBe(20)
  expect(combined.detail_run).toBe(1)
  expect(combined.runs.suite.map((r) => r.status)).toEqual(['passed', 'failed', 'passed'])
})

test('every run’s headline figures are kept; the fidelity target is judged on the median of failed paths', () => {
  // 2 ms model: 2 ms passes, 9 ms fails
  const combined = combineRuns([suiteRun(20, 'passed', 9), suiteRun(21, 'passed', 2), suiteRun(22, 'passed', 9)], [])
  expect(combined.runs.suite.map((r) => r.fidelity_paths_failed)).toEqual([1, 0, 1])
  expect(combined.targets[2]!.met).toBe(false)
  expect(combined.runs.suite.map((r) => r.ssm_source)).toEqual(['endpoint', 'endpoint', 'endpoint'])
  expect(combined.ssm.calls_per_sample_spread).toMatchObject({ median: 0.6667, n: 3 })
  expect(combined.ssm.transport_check).toMatchObject({ consistent: true, readiness_calls: 3 })
})

test('scale: per level the run with the median apply time, with the spread; an erring run gives no time', () => {
  const levels = combineScaleLevels([[level(10, 1), level(100, 9)], [level(10, 3), { consumer_vpcs: 100, error: 'timed out' }], [level(10, 2), level(100, 8)]])
  expect(levels.map((l) => [l.consumer_vpcs, l.from_run, l.apply_s])).toEqual([
    [10, 3, 2],
    [100, 3, 8],
  ])
  expect(levels[1]!.apply_s_spread).toMatchObject({ n: 2, runs: [9, null, 8] })
  expect(combineScaleLevels([[{ consumer_vpcs: 100, error: 'boom' }]])[0]).toMatchObject({ error: 'boom', from_run: 1, apply_s_spread: null })
})
