import { describe, expect, it } from 'vitest'
import { InputError } from './errors.js'
import { inputErrorLines, renderInputError, renderSourceExcerpt } from './source-excerpt.js'

describe('renderSourceExcerpt', () => {
  it('puts the caret under the 1-based column, below the numbered line', () => {
    const lines = renderSourceExcerpt({ line: 4, column: 40, lineText: "  steps: [probe({ names: ['regional'] }]," })
    expect(lines).toEqual([" 4 |   steps: [probe({ names: ['regional'] }],", '   |                                        ^'])
    expect(lines[0]!.slice(lines[1]!.indexOf('^') - 1)).toBe('}],')
  })

  it('keeps tabs in the caret line so it lines up in any terminal', () => {
    expect(renderSourceExcerpt({ line: 1, column: 3, lineText: '\t\tx' })).toEqual([' 1 | \t\tx', '   | \t\t^'])
  })

  it('cuts a long line around the column and marks the cuts', () => {
    const text = `${'a'.repeat(300)}X${'b'.repeat(300)}`
    const [source, caret] = renderSourceExcerpt({ line: 12, column: 301, lineText: text })
    expect(source!.startsWith(' 12 | …')).toBe(true)
    expect(source!.endsWith('…')).toBe(true)
    expect(source![caret!.indexOf('^')]).toBe('X')
  })

  it('shows nothing without the line text', () => {
    expect(renderSourceExcerpt({ line: 3, column: 1 })).toEqual([])
  })
})

describe('inputErrorLines', () => {
  it('is the one line alone for an error without a position', () => {
    expect(inputErrorLines(new InputError('scenarios/a.scenario.ts', 'steps[0].samples', 'too small'))).toEqual(['scenarios/a.scenario.ts: steps[0].samples: too small'])
  })

  it('reads file:line:col, then the source line and the caret, for an error with a position', () => {
    const error = new InputError('scenarios/a.scenario.ts', '(file)', 'Expected ")" but found "]"', { position: { line: 2, column: 4, lineText: 'abc]' } })
    expect(inputErrorLines(error)).toEqual(['scenarios/a.scenario.ts:2:4: Expected ")" but found "]"', ' 2 | abc]', '   |    ^'])
  })
})

describe('renderInputError', () => {
  it('prefixes the one line only, and ends with a newline', () => {
    const error = new InputError('a.ts', '(file)', 'Unexpected "}"', { position: { line: 1, column: 1, lineText: '}' } })
    expect(renderInputError(error, 'plh: ')).toBe('plh: a.ts:1:1: Unexpected "}"\n 1 | }\n   | ^\n')
    expect(renderInputError(new InputError('a.ts', 'name', 'bad'), 'plh: ')).toBe('plh: a.ts: name: bad\n')
  })
})
