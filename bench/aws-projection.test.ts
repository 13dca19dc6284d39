import { describe, expect, test } from 'vitest'
import { computeAwsProjection, projectCommand, projectScenario } from './aws-projection.js'
import { probe, sample, scenario } from './results-fixture.js'

const figures = { poll_interval_s: 2, api_call_s: 0.1, delivery_s: 1 }
const model = (expected_ms: number) => ({ timing: 'time_starttransfer' as const, expected_ms })
const samples = (n: number) => Array.from({ length: n }, () => sample(1))

describe('projectCommand', () => {
  test('a short script is seen at the first poll: send + one poll interval + one poll', () => {
    const p = projectCommand(0.08, figures)
    expect(p.polls).toBe(1)
    expect(p.wall_s).toBeCloseTo(0.1 + 2.1, 9)
    expect(p.overhead_s).toBeCloseTo(2.2 - 0.08, 9)
  })
  test('a script longer than a poll needs more polls; the overhead stays under one interval plus the calls', () => {
    const p = projectCommand(5, figures)
    expect(p.polls).toBe(3) // (1 + 5) / 2.1 = 2.86 → 3
    expect(p.wall_s).toBeCloseTo(0.1 + 3 * 2.1, 9)
    expect(p.overhead_s).toBeCloseTo(6.4 - 5, 9)
  })
})

test('projectScenario: consumers in parallel, a consumer’s commands in sequence, steps added', () => {
  const s = scenario('x', [
    // step 0: consumer a, one command, 80 samples × 1 ms; consumer b, two commands (batches), 80 samples × 1 ms
    probe(samples(80), { step: 0, consumer: 'a', model: model(1), invocations: [{ command_id: 'a1', log: '' }] }),
    probe(samples(80), { step: 0, consumer: 'b', model: model(1), invocations: [{ command_id: 'b1', log: '' }, { command_id: 'b2', log: '' }] }),
    // step 1: consumer a, 3 samples that time out at 1 s (no model: median time_total)
    probe(
      Array.from({ length: 3 }, () => sample(1000, { failure: 'timeout' })),
      { step: 1, consumer: 'a', invocations: [{ command_id: 'a2', log: '' }] },
    ),
  ])
  const p = projectScenario(s, figures)
  expect(p.commands).toBe(4)
  // step 0: b's two commands of 0.04 s each: 2 × (2.2 − 0.04) = 4.32; step 1: one 3.0033 s script, 2 polls: 4.3 − 3.0033
  expect(p.projected_overhead_s).toBeCloseTo(4.32 + (4.3 - 3.0033), 3)
  expect(p.projected_api_calls).toBe(2 + 2 * 2 + 3)
  expect(p.projected_calls_per_sample).toBeCloseTo(9 / 163, 4)
  expect(p.probe_model_s).toBeCloseTo(0.08 + 3.003, 3)
})

test('computeAwsProjection states its figures, their sources and the formula', () => {
  const out = computeAwsProjection([scenario('x', [])])
  expect(out.figures.sources.api_call_s).toMatch(/ASSUMPTION/)
  expect(out.formula).toMatch(/ceil/)
  expect(out.scenarios.x).toMatchObject({ commands: 0, projected_api_calls: 0, projected_overhead_s: 0 })
})
