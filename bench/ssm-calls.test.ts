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
  test('uses the endpoint’s own per-operation count when present; the readiness wait is reported apart, not per sample', () => {
    const s = scenario('x', [probe(two)], { ssm_api_calls: 3, ssm_calls_by_operation: { SendCommand: 1, GetCommandInvocation: 3, ListCommandInvocations: 1, DescribeInstanceInformation: 4 } })
    expect(ssmCallsOfScenario(s)).toMatchObject({
      api_calls: 5,
      calls_per_sample: 2.5,
      by_operation: { SendCommand: 1, GetCommandInvocation: 3, others: 1 },
      source: 'endpoint',
      check: { endpoint_calls: 5, transport_calls: 3, unseen_by_transport: 2, readiness_calls: 4, consistent: true },
    })
  })
  test('an endpoint that saw fewer calls than the transport made is flagged inconsistent', () => {
    const s = scenario('x', [probe(two)], { ssm_api_calls: 6, ssm_calls_by_operation: { SendCommand: 1, GetCommandInvocation: 2 } })
    expect(ssmCallsOfScenario(s).check).toMatchObject({ unseen_by_transport: -3, consistent: false })
    expect(computeSsmCalls([s]).transport_check).toMatchObject({ consistent: false, inconsistent_scenarios: ['x'] })
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
  expect(all.source).toBe('derived-from-results')
  expect(all.transport_check).toBeNull()
})

test('computeSsmCalls sums the endpoint-against-transport check and says when sources are mixed', () => {
  const a = scenario('a', [probe(two)], { ssm_api_calls: 3, ssm_calls_by_operation: { SendCommand: 1, GetCommandInvocation: 3, DescribeInstanceInformation: 2 } })
  const b = scenario('b', [probe(two)], { ssm_api_calls: 2, ssm_calls_by_operation: { SendCommand: 1, GetCommandInvocation: 1 } })
  const both = computeSsmCalls([a, b])
  expect(both.source).toBe('endpoint')
  expect(both.transport_check).toEqual({ endpoint_calls: 6, transport_calls: 5, unseen_by_transport: 1, readiness_calls: 2, consistent: true, inconsistent_scenarios: [] })
  expect(computeSsmCalls([a, scenario('c', [probe(two)], { ssm_api_calls: 2 })]).source).toBe('mixed')
  // a scenario whose apply failed as expected made no call: it does not make the source mixed
  expect(computeSsmCalls([a, scenario('d', [], { ssm_api_calls: 0 })]).source).toBe('endpoint')
})
