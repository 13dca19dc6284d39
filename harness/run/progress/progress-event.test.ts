import { describe, expect, test } from 'vitest'
import { parseProgressLine } from './progress-event.js'

describe('parseProgressLine', () => {
  test('reads a phase event', () => {
    expect(parseProgressLine('{"scenario":"a","at":5,"kind":"phase","phase":"apply","state":"start"}')).toEqual({ scenario: 'a', at: 5, kind: 'phase', phase: 'apply', state: 'start' })
  })
  test('reads a probe batch', () => {
    const e = parseProgressLine(JSON.stringify({ scenario: 'a', at: 1, kind: 'probe-batch', step: 0, instance: 'i-1', az: 'us-east-1a', done: 3, total: 6 }))
    expect(e).toMatchObject({ kind: 'probe-batch', done: 3, total: 6 })
  })
  test('returns null for a torn line, an unknown kind or a bad phase', () => {
    expect(parseProgressLine('{"scenario":"a","at":5,"kind":"pha')).toBeNull()
    expect(parseProgressLine('{"scenario":"a","at":5,"kind":"nope"}')).toBeNull()
    expect(parseProgressLine('{"scenario":"a","at":5,"kind":"phase","phase":"boil","state":"start"}')).toBeNull()
    expect(parseProgressLine('   ')).toBeNull()
  })
})
