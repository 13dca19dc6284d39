import { describe, expect, test } from 'vitest'
import { computeOverhead, modelProbeSeconds, perSampleMs, probeModelMs, probeWallSeconds } from './overhead.js'
import { probe, sample, scenario } from './results-fixture.js'

const model = (expected_ms: number) => ({ timing: 'time_starttransfer' as const, expected_ms })
const samples = (n: number, ms: number) => Array.from({ length: n }, () => sample(ms))

describe('probeModelMs', () => {
  test('successful samples take the model figure', () => {
    expect(probeModelMs(probe(samples(3, 9), { model: model(1.5) }))).toEqual({ ms: 4.5, basis: 'model' })
  })
  test('failed samples take the median time_total of the failed ones (a timeout takes its timeout), even with a model', () => {
    const raw = [sample(1), sample(1000, { failure: 'timeout' }), sample(1000, { failure: 'timeout' })]
    expect(probeModelMs(probe(raw, { model: model(2) }))).toEqual({ ms: 2 + 2 * 1001.1, basis: 'model' })
    expect(probeModelMs(probe(raw.slice(1), { model: model(2) }))).toEqual({ ms: 2 * 1001.1, basis: 'time_total_median' })
  })
  test('without a model, successful samples take their median time_total', () => {
    expect(probeModelMs(probe([sample(1), sample(3), sample(5)]))).toEqual({ ms: 3 * 4.1, basis: 'time_total_median' })
  })
  test('no samples: nothing to compare', () => {
    expect(probeModelMs(probe([]))).toEqual({ ms: 0, basis: 'none' })
    expect(perSampleMs(probe([]))).toEqual({ ms: 0, basis: 'none' })
  })
  test('perSampleMs is the average over the probe’s samples', () => {
    expect(perSampleMs(probe([sample(1), sample(1000, { failure: 'timeout' })], { model: model(2) })).ms).toBeCloseTo((2 + 1001.1) / 2, 9)
  })
})

test('model time: per consumer the sum over names, per step the slowest consumer, steps added', () => {
  const probes = [
    // step 0: consumer a probes two names (10 × 2 ms + 10 × 3 ms = 50 ms), consumer b one (10 × 4 ms)
    probe(samples(10, 0), { step: 0, consumer: 'a', model: model(2) }),
    probe(samples(10, 0), { step: 0, consumer: 'a', model: model(3) }),
    probe(samples(10, 0), { step: 0, consumer: 'b', model: model(4) }),
    // step 1: one consumer, 5 × 100 ms
    probe(samples(5, 0), { step: 1, consumer: 'a', model: model(100) }),
  ]
  const m = modelProbeSeconds(probes)
  expect(m.steps).toEqual([
    { step: 0, consumers: 2, model_s: 0.05 },
    { step: 1, consumers: 1, model_s: 0.5 },
  ])
  expect(m.total_s).toBeCloseTo(0.55, 9)
  expect(m.basis).toEqual({ model: 4, time_total_median: 0, none: 0 })
})

describe('probeWallSeconds', () => {
  test('the phase when every step is a probe', () => {
    const s = scenario('x', [], { phases: { apply_s: 0, ready_s: 0, probe_s: 2.5, destroy_s: 0 }, steps: [{ index: 0, kind: 'probe', title: '', status: 'passed', detail: '' }] })
    expect(probeWallSeconds(s)).toEqual({ s: 2.5, source: 'probe-steps' })
  })
  test('says so when the phase includes actions', () => {
    const steps = [
      { index: 0, kind: 'probe', title: '', status: 'passed' as const, detail: '' },
      { index: 1, kind: 'wait', title: '', status: 'passed' as const, detail: '' },
    ]
    expect(probeWallSeconds(scenario('x', [], { steps })).source).toBe('phase-including-actions')
  })
  test('sums the probe steps’ own durations where the results carry them', () => {
    const steps = [
      { index: 0, kind: 'probe', title: '', status: 'passed' as const, detail: '', duration_s: 1.25 },
      { index: 1, kind: 'wait', title: '', status: 'passed' as const, detail: '', duration_s: 5 },
      { index: 2, kind: 'probe', title: '', status: 'passed' as const, detail: '', duration_s: 0.75 },
    ]
    expect(probeWallSeconds(scenario('x', [], { steps }))).toEqual({ s: 2, source: 'probe-steps' })
  })
})

test('computeOverhead: ratio = probe wall / model time, against the 1.5 target', () => {
  const fast = scenario('fast', [probe(samples(10, 0), { model: model(100) })], { phases: { apply_s: 0, ready_s: 0, probe_s: 1.2, destroy_s: 0 } })
  const slow = scenario('slow', [probe(samples(10, 0), { model: model(10) })], { phases: { apply_s: 0, ready_s: 0, probe_s: 1.2, destroy_s: 0 } })
  const empty = scenario('empty', [])
  const o = computeOverhead([fast, slow, empty])
  expect(o.fast).toMatchObject({ model_s: 1, ratio: 1.2, met: true })
  expect(o.slow).toMatchObject({ model_s: 0.1, ratio: 12, met: false })
  expect(o.empty).toMatchObject({ ratio: null, met: null })
})
