import { describe, expect, test } from 'vitest'
import type { ProgressEvent } from './progress-event.js'
import { applyProgressEvent, phaseSeconds, samplesOf, type RunProgress } from './progress-state.js'

const fold = (events: ProgressEvent[]): RunProgress => events.reduce(applyProgressEvent, {})
const s = 'sc'

describe('applyProgressEvent', () => {
  test('phases start and end with their times', () => {
    const state = fold([
      { scenario: s, at: 1000, kind: 'phase', phase: 'apply', state: 'start' },
      { scenario: s, at: 3500, kind: 'phase', phase: 'apply', state: 'done' },
      { scenario: s, at: 3500, kind: 'phase', phase: 'ready', state: 'start' },
    ])
    expect(state[s]!.phase).toBe('ready')
    expect(phaseSeconds(state[s]!.phases.apply!, 9999)).toBe(2.5)
    expect(state[s]!.phases.ready!.state).toBe('running')
  })
  test('a step starts the probe phase and destroy ends it', () => {
    const state = fold([
      { scenario: s, at: 0, kind: 'step', index: 0, title: 'step 1', state: 'start' },
      { scenario: s, at: 4000, kind: 'phase', phase: 'destroy', state: 'start' },
    ])
    expect(state[s]!.phases.probe).toEqual({ startedAt: 0, endedAt: 4000, state: 'done' })
    expect(state[s]!.phase).toBe('destroy')
  })
  test('probe batches count samples per instance; a new step starts from zero', () => {
    let state = fold([
      { scenario: s, at: 0, kind: 'step', index: 0, title: 'step 1', state: 'start' },
      { scenario: s, at: 1, kind: 'probe-batch', step: 0, instance: 'i-1', az: 'a', done: 0, total: 6 },
      { scenario: s, at: 2, kind: 'probe-batch', step: 0, instance: 'i-2', az: 'b', done: 6, total: 6 },
      { scenario: s, at: 3, kind: 'probe-batch', step: 0, instance: 'i-1', az: 'a', done: 3, total: 6 },
    ])
    expect(samplesOf(state[s]!)).toEqual({ done: 9, total: 12 })
    state = applyProgressEvent(state, { scenario: s, at: 4, kind: 'step', index: 1, title: 'step 2', state: 'start' })
    expect(samplesOf(state[s]!)).toEqual({ done: 0, total: 0 })
  })
  test('an expected failure, the steps that ended (with the failure a step expects) and the outcome are kept', () => {
    const state = fold([
      { scenario: s, at: 0, kind: 'phase', phase: 'apply', state: 'start' },
      { scenario: s, at: 9, kind: 'phase', phase: 'apply', state: 'failed', detail: 'InvalidServiceName: x', expected: 'InvalidServiceName' },
      { scenario: 't', at: 5, kind: 'step', index: 0, title: 'step 1', state: 'start', expects: 'refused' },
      { scenario: 't', at: 6, kind: 'step', index: 0, title: 'step 1', state: 'done' },
      { scenario: 't', at: 7, kind: 'step', index: 1, title: 'step 2', state: 'start' },
      { scenario: s, at: 12, kind: 'outcome', status: 'passed', held: 1, total: 1 },
    ])
    expect(state[s]!.phases.apply).toEqual({ startedAt: 0, endedAt: 9, state: 'failed', detail: 'InvalidServiceName: x', expected: 'InvalidServiceName' })
    expect(state[s]!.outcome).toEqual({ status: 'passed', held: 1, total: 1, at: 12 })
    expect(state[s]!.startedAt).toBe(0)
    expect(state.t!.startedAt).toBe(5)
    expect(state.t!.stepsEnded).toEqual([{ index: 0, title: 'step 1', state: 'done', expects: 'refused' }])
    expect(state.t!.step).toEqual({ index: 1, title: 'step 2', state: 'running' })
  })
  test('scenarios are kept apart and the input is not changed', () => {
    const before = fold([{ scenario: 'a', at: 0, kind: 'phase', phase: 'apply', state: 'start' }])
    const after = applyProgressEvent(before, { scenario: 'b', at: 0, kind: 'resources', operation: 'apply', done: 1, total: 3 })
    expect(Object.keys(after).sort()).toEqual(['a', 'b'])
    expect(before.b).toBeUndefined()
    expect(after.b!.resources).toEqual({ operation: 'apply', done: 1, total: 3 })
  })
})
