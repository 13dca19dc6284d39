import { execFileSync } from 'node:child_process'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { quoteForSh } from './shell-quote.js'

// Runs `printf %s <quoted>` in the real /bin/sh and returns what it printed.
function echoThroughSh(value: string): string {
  return execFileSync('/bin/sh', ['-c', `printf %s ${quoteForSh(value)}`], { encoding: 'utf8' })
}

describe('quoteForSh', () => {
  it('wraps plain values in single quotes', () => {
    expect(quoteForSh('abc')).toBe("'abc'")
    expect(quoteForSh('')).toBe("''")
  })

  it("escapes embedded single quotes as '\\''", () => {
    expect(quoteForSh("it's")).toBe("'it'\\''s'")
  })

  it('rejects NUL bytes', () => {
    expect(() => quoteForSh('a\0b')).toThrow(/NUL/)
  })

  it('round-trips tricky values through the real shell', () => {
    for (const v of ["'", "''", '$(touch /tmp/nope)', '`id`', '"; exit 1; "', 'a\nb\n', '\\', 'é ☃ 𝄞', '-n', '*', '$HOME', '!!']) {
      expect(echoThroughSh(v)).toBe(v)
    }
  })

  it('round-trips arbitrary strings through the real shell (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\0')), (s) => {
        expect(echoThroughSh(s)).toBe(s)
      }),
      { numRuns: 60 },
    )
  })
})
