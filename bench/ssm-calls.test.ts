import { describe, expect, test } from 'vitest'
import { computeSsmCalls, ssmCallsOfScenario } from './ssm-calls.js'
import { probe, sample, scenario } from './results-fixture.js'

const two = [sample(1), sample(1)]

describe('ssmCallsOfScenario', () => {
  test('derives SendCommand from distinct command ids and the rest as polls when the results carry no endpoint count', () => {
    const s = scenario(
      'x',
      [
        probe(two, { invocations: [{ command_id: 'c1', log: '' }] }),
        probe(two, { invocations: [{ command_id: 'c1', log: '' }] }),
        probe(two, { consumer: 'i-2', invocations: [{ command_id: 'c2', log: '' }] }),
      ],
      { ssm_api_calls: 12 },
    )
    expect(ssmCallsOfScenario(s)).toEqual({
      probe_samples: 6,
      api_calls: 12,
      by_operation: { SendCommand: 2, GetCommandInvocation: 10, others: 0 },
      calls_per_sample: 2,
      polls_per_command: 5,
      source: 'derived-from-results',
    })
  })
  test('uses the endpoint’s own per-operation count when present', () => {
    const s = Object.assign(scenario('x', [probe(two)], { ssm_api_calls: 3 }), {
      ssm_calls_by_operation: { SendCommand: 1, GetCommandInvocation: 2, DescribeInstanceInformation: 4 },
    })
    expect(ssmCallsOfScenario(s)).toMatchObject({ api_calls: 7, by_operation: { SendCommand: 1, GetCommandInvocation: 2, others: 4 }, source: 'endpoint' })
  })
})

test('computeSsmCalls sums the suite and checks the 0.1 target', () => {
  const a = scenario('a', [probe(Array.from({ length: 40 }, () => sample(1)))], { ssm_api_calls: 3 })
  const b = scenario('b', [probe(two, { invocations: [{ command_id: 'c9', log: '' }] })], { ssm_api_calls: 2 })
  const all = computeSsmCalls([a, b])
  expect(all.probe_samples).toBe(42)
  expect(all.api_calls).toBe(5)
  expect(all.by_operation).toEqual({ SendCommand: 2, GetCommandInvocation: 3, others: 0 })
  expect(all.calls_per_sample).toBeCloseTo(5 / 42, 4)
  expect(all.met).toBe(false)
  expect(all.floor_calls_per_sample).toBeCloseTo(4 / 42, 4)
  expect(computeSsmCalls([a]).met).toBe(true)
})
