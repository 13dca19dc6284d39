import ansiEscapes from 'ansi-escapes'
import { describe, expect, test } from 'vitest'
import { openFrame, rowsTaken } from './draw-frame.js'

describe('rowsTaken', () => {
  test('one row per line that fits, more for a line that wraps; an empty line takes a row', () => {
    expect(rowsTaken(['abc', '', 'x'.repeat(10)], 10)).toBe(3)
    expect(rowsTaken(['x'.repeat(11), 'x'.repeat(25)], 10)).toBe(2 + 3)
    // colours take no room
    expect(rowsTaken(['\u001b[32m✔\u001b[39m ' + 'x'.repeat(7)], 10)).toBe(1)
  })
})

describe('openFrame', () => {
  test('each frame erases the rows the last one takes now (and the cursor\'s row), then draws; the cursor comes back at the end', () => {
    const written: string[] = []
    const out = { columns: 10, rows: 5, write: (s: string) => written.push(s) }
    const frame = openFrame(out)
    frame.draw(['one', 'x'.repeat(10)])
    expect(written[0]).toBe(ansiEscapes.cursorHide + 'one\n' + 'x'.repeat(10) + '\n')
    frame.draw(['two'])
    expect(written[1]).toBe(ansiEscapes.eraseLines(3) + 'two\n')
    // the terminal got narrower: the 10-column line of two frames ago is gone, but "two" still takes one row
    frame.draw(['a'.repeat(10), 'b'])
    out.columns = 5
    frame.draw(['c'])
    // "aaaaaaaaaa" now wraps onto two rows
    expect(written[3]).toBe(ansiEscapes.eraseLines(4) + 'c\n')
    frame.end()
    expect(written.at(-1)).toBe(ansiEscapes.cursorShow)
  })
})
