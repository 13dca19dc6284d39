// The live list closes every task from the state alone: done phases complete, a failed phase
// fails, phases never reached are skipped, and stop() returns once the list has ended. Off a
// terminal (as here) listr2 uses its line renderer, whose output is checked.
import { afterEach, expect, test, vi } from 'vitest'
import type { ProgressEvent } from './progress-event.js'
import { applyProgressEvent, type RunProgress } from './progress-state.js'
import { startLiveDisplay } from './live-display.js'

afterEach(() => {
  vi.restoreAllMocks()
})

test('completes, fails and skips phase tasks from the progress state', async () => {
  const written: string[] = []
  const capture = (chunk: unknown): boolean => {
    written.push(String(chunk))
    return true
  }
  vi.spyOn(process.stdout, 'write').mockImplementation(capture as typeof process.stdout.write)
  vi.spyOn(process.stderr, 'write').mockImplementation(capture as typeof process.stderr.write)
  const display = startLiveDisplay(['good', 'bad'])
  const events: ProgressEvent[] = [
    { scenario: 'good', at: 0, kind: 'phase', phase: 'apply', state: 'start' },
    { scenario: 'good', at: 1000, kind: 'phase', phase: 'apply', state: 'done' },
    { scenario: 'good', at: 1000, kind: 'phase', phase: 'ready', state: 'start' },
    { scenario: 'good', at: 1500, kind: 'phase', phase: 'ready', state: 'done' },
    { scenario: 'good', at: 1500, kind: 'step', index: 0, title: 'step 1', state: 'start' },
    { scenario: 'good', at: 1600, kind: 'probe-batch', step: 0, instance: 'i-1', az: 'us-east-1a', done: 4, total: 4 },
    { scenario: 'good', at: 2000, kind: 'phase', phase: 'destroy', state: 'start' },
    { scenario: 'good', at: 2100, kind: 'phase', phase: 'destroy', state: 'done' },
    { scenario: 'bad', at: 0, kind: 'phase', phase: 'apply', state: 'start' },
    { scenario: 'bad', at: 700, kind: 'phase', phase: 'apply', state: 'failed', detail: 'emulator build failed' },
    { scenario: 'bad', at: 700, kind: 'phase', phase: 'destroy', state: 'start' },
    { scenario: 'bad', at: 800, kind: 'phase', phase: 'destroy', state: 'done' },
  ]
  let state: RunProgress = {}
  for (const e of events) state = applyProgressEvent(state, e)
  display.update(state)
  await display.stop()
  vi.restoreAllMocks()
  const out = written.join('')
  expect(out).toMatch(/apply \(1\.0 s\)/)
  expect(out).toMatch(/probe: step 1, 4\/4 samples \(0\.5 s\)/)
  expect(out).toMatch(/apply \(0\.7 s\) — emulator build failed/)
  expect(out).toMatch(/wait ready: not reached/)
  expect(out).toMatch(/destroy \(0\.1 s\)/)
}, 20_000)
