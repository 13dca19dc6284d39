// The live display on a stand-in terminal: it draws frames that fit the terminal's size, redraws
// at once at the new size when the terminal is resized, and leaves a final frame in which every
// scenario has its one-line outcome.
import { EventEmitter } from 'node:events'
import { stripVTControlCharacters } from 'node:util'
import stringWidth from 'string-width'
import { expect, test } from 'vitest'
import ansiEscapes from 'ansi-escapes'
import type { ProgressEvent } from './progress-event.js'
import { applyProgressEvent, type RunProgress } from './progress-state.js'
import { startLiveDisplay } from './live-display.js'

class StandInTerminal extends EventEmitter {
  written: string[] = []
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super()
  }
  write(chunk: string): boolean {
    this.written.push(chunk)
    return true
  }
  /** The lines of the last frame drawn, without colours. */
  lastFrame(): string[] {
    const frame = this.written.filter((w) => w !== ansiEscapes.cursorShow).at(-1)!
    const last = stripVTControlCharacters(frame.split(ansiEscapes.cursorLeft).at(-1)!.replace(ansiEscapes.cursorHide, ''))
    return last.split('\n').slice(0, -1)
  }
}

const fold = (events: ProgressEvent[], state: RunProgress = {}): RunProgress => events.reduce(applyProgressEvent, state)

test('frames fit the terminal, follow a resize, and the last one shows each outcome on one line', async () => {
  const now = Date.now()
  const terminal = new StandInTerminal(100, 30)
  const names = ['good', 'principal-not-allowed', 'later']
  const display = startLiveDisplay({ scenarios: names, out: terminal, foreign: [] })
  let state = fold([
    { scenario: 'good', at: now - 5000, kind: 'phase', phase: 'apply', state: 'start' },
    { scenario: 'good', at: now - 4000, kind: 'phase', phase: 'apply', state: 'done' },
    { scenario: 'good', at: now - 4000, kind: 'phase', phase: 'ready', state: 'start' },
    { scenario: 'principal-not-allowed', at: now - 5000, kind: 'phase', phase: 'apply', state: 'start' },
    { scenario: 'principal-not-allowed', at: now - 3000, kind: 'phase', phase: 'apply', state: 'failed', detail: 'InvalidServiceName: no such service', expected: 'InvalidServiceName' },
    { scenario: 'principal-not-allowed', at: now - 3000, kind: 'phase', phase: 'destroy', state: 'start' },
  ])
  display.update(state)
  await new Promise((resolve) => setTimeout(resolve, 450))
  const running = terminal.lastFrame()
  expect(running[0]).toMatch(/^⠋|^⠙|^⠹|^⠸/)
  expect(running).toContain('    ✔ apply failed as expected: InvalidServiceName (2.0 s)')
  expect(running.at(-1)).toBe('· later  queued')

  terminal.columns = 30
  terminal.rows = 4
  const before = terminal.written.length
  terminal.emit('resize')
  expect(terminal.written.length).toBe(before + 1)
  const resized = terminal.lastFrame()
  expect(resized.length).toBeLessThanOrEqual(3)
  for (const line of resized) expect(stringWidth(line)).toBeLessThanOrEqual(30)

  terminal.columns = 120
  terminal.rows = 30
  state = fold(
    [
      { scenario: 'good', at: now - 3000, kind: 'phase', phase: 'ready', state: 'done' },
      { scenario: 'good', at: now - 3000, kind: 'phase', phase: 'destroy', state: 'start' },
      { scenario: 'good', at: now - 2000, kind: 'phase', phase: 'destroy', state: 'done' },
      { scenario: 'good', at: now - 2000, kind: 'outcome', status: 'passed', held: 3, total: 3 },
      { scenario: 'principal-not-allowed', at: now - 1000, kind: 'phase', phase: 'destroy', state: 'done' },
      { scenario: 'principal-not-allowed', at: now - 1000, kind: 'outcome', status: 'passed', held: 1, total: 1 },
    ],
    state,
  )
  display.update(state)
  await display.stop()
  expect(terminal.lastFrame()).toEqual(['✔ good  3.0 s  3/3 held', '✔ principal-not-allowed  4.0 s  1/1 held · apply failed as expected: InvalidServiceName', '· later  not run'])
  expect(terminal.written.at(-1)).toBe(ansiEscapes.cursorShow)
  // no more frames after stop
  const count = terminal.written.length
  terminal.emit('resize')
  await new Promise((resolve) => setTimeout(resolve, 250))
  expect(terminal.written.length).toBe(count)
})

test('what others write to the terminal goes above the frame, a partial line once it is complete', async () => {
  const terminal = new StandInTerminal(80, 20)
  // a worker's stderr, piped through to the same terminal
  const stderr = { write: (chunk: string | Uint8Array): boolean => terminal.write(String(chunk)) }
  const display = startLiveDisplay({ scenarios: ['only'], out: terminal, foreign: [stderr] })
  stderr.write('(node:1) Warning: something\nand a partial')
  const [erase, text, redrawn] = terminal.written.slice(-3)
  expect(erase).toBe(ansiEscapes.eraseLines(2))
  expect(text).toBe('(node:1) Warning: something\n')
  expect(stripVTControlCharacters(redrawn!)).toBe('· only  queued\n')
  stderr.write(' line ends\n')
  expect(terminal.written.at(-2)).toBe('and a partial line ends\n')
  await display.stop()
  // the stream's own write is back
  const before = terminal.written.length
  stderr.write('after\n')
  expect(terminal.written.length).toBe(before + 1)
  expect(terminal.written.at(-1)).toBe('after\n')
})
