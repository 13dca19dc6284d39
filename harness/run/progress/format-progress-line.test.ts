import { describe, expect, test } from 'vitest'
import { formatProgressLines } from './format-progress-line.js'
import type { ProgressEvent } from './progress-event.js'
import { applyProgressEvent, type RunProgress } from './progress-state.js'

/** Feeds events one by one and collects the printed lines. */
function print(events: ProgressEvent[], verbose = false): string[] {
  let state: RunProgress = {}
  const lines: string[] = []
  for (const e of events) {
    const before = state
    state = applyProgressEvent(state, e)
    lines.push(...formatProgressLines(e, before, state, { verbose }))
  }
  return lines
}

const s = 'demo'
const lifecycle: ProgressEvent[] = [
  { scenario: s, at: 0, kind: 'phase', phase: 'apply', state: 'start' },
  { scenario: s, at: 100, kind: 'terraform', type: 'apply_start', message: 'aws_vpc.a: Creating...' },
  { scenario: s, at: 200, kind: 'resources', operation: 'apply', done: 12, total: 31 },
  { scenario: s, at: 300, kind: 'resources', operation: 'apply', done: 31, total: 31 },
  { scenario: s, at: 4200, kind: 'phase', phase: 'apply', state: 'done' },
  { scenario: s, at: 4200, kind: 'phase', phase: 'ready', state: 'start' },
  { scenario: s, at: 5000, kind: 'phase', phase: 'ready', state: 'done' },
  { scenario: s, at: 5000, kind: 'step', index: 0, title: 'step 1: probe regional', state: 'start' },
  { scenario: s, at: 5000, kind: 'probe-batch', step: 0, instance: 'i-1', az: 'us-east-1a', done: 0, total: 6 },
  { scenario: s, at: 6000, kind: 'probe-batch', step: 0, instance: 'i-1', az: 'us-east-1a', done: 6, total: 6 },
  { scenario: s, at: 6100, kind: 'step', index: 0, title: 'step 1: probe regional', state: 'done' },
  { scenario: s, at: 6500, kind: 'phase', phase: 'destroy', state: 'start' },
  { scenario: s, at: 7000, kind: 'phase', phase: 'destroy', state: 'failed', detail: 'namespace busy' },
]

describe('formatProgressLines', () => {
  test('one line per phase change, with elapsed time, samples per instance and the implicit end of probing', () => {
    expect(print(lifecycle)).toEqual([
      '[demo] apply: started',
      '[demo] apply: done in 4.2 s (31/31 resources)',
      '[demo] wait ready: started',
      '[demo] wait ready: done in 0.8 s',
      '[demo] probe: started',
      '[demo] probe: step 1: probe regional done; us-east-1a i-1 6/6 samples (6/6 in all)',
      '[demo] probe: done in 1.5 s',
      '[demo] destroy: started',
      '[demo] destroy: failed after 0.5 s — namespace busy',
    ])
  })
  test('--verbose adds every probe batch, resource count and terraform message', () => {
    const lines = print(lifecycle, true)
    expect(lines).toContain('[demo] terraform: aws_vpc.a: Creating...')
    expect(lines).toContain('[demo] apply: 12/31 resources')
    expect(lines).toContain('[demo] probe step 1: us-east-1a i-1 0/6 samples')
    expect(lines).toContain('[demo] probe step 1: us-east-1a i-1 6/6 samples')
    expect(lines.length).toBeGreaterThan(print(lifecycle).length)
  })
})

test('plain lines say when a failure was the expected one', () => {
  const lines = print([
    { scenario: 'p', at: 0, kind: 'phase', phase: 'apply', state: 'start' },
    { scenario: 'p', at: 1500, kind: 'phase', phase: 'apply', state: 'failed', detail: 'InvalidServiceName: gone', expected: 'InvalidServiceName' },
    { scenario: 'q', at: 0, kind: 'step', index: 0, title: 'step 1: probe consumer IPs', state: 'start', expects: 'timeout' },
    { scenario: 'q', at: 10, kind: 'step', index: 0, title: 'step 1: probe consumer IPs', state: 'done' },
    { scenario: 'q', at: 20, kind: 'step', index: 1, title: 'step 2: probe consumer IPs', state: 'start', expects: 'refused' },
    { scenario: 'q', at: 30, kind: 'step', index: 1, title: 'step 2: probe consumer IPs', state: 'failed' },
  ])
  expect(lines).toContain('[p] apply: failed as expected after 1.5 s — InvalidServiceName: gone')
  expect(lines).toContain('[q] probe: step 1: probe consumer IPs done (timeout, as expected)')
  expect(lines).toContain('[q] probe: step 2: probe consumer IPs failed (expected refused on every sample)')
})
