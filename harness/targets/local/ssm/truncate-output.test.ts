import { describe, expect, it } from 'vitest'
import { ERROR_TRUNCATED_MARKER, OUTPUT_TRUNCATED_MARKER, formatPluginOutput, truncateStderr, truncateStdout } from './truncate-output.js'

describe('SSM output limits', () => {
  it('keeps stdout up to 24,000 characters untouched', () => {
    const text = 'x'.repeat(24_000)
    expect(truncateStdout(text)).toBe(text)
  })

  it('cuts stdout at 24,000 characters and appends "\\n---Output truncated---"', () => {
    const out = truncateStdout('y'.repeat(30_000))
    expect(out).toBe(`${'y'.repeat(24_000)}\n---Output truncated---`)
    expect(OUTPUT_TRUNCATED_MARKER).toBe('\n---Output truncated---')
  })

  it('cuts stderr at 8,000 characters with the agent\'s error marker', () => {
    expect(truncateStderr('e'.repeat(8_001))).toBe(`${'e'.repeat(8_000)}${ERROR_TRUNCATED_MARKER}`)
  })

  it('does not split a surrogate pair at the cut', () => {
    const out = truncateStdout(`${'a'.repeat(23_999)}😀tail`)
    expect(out.startsWith('a'.repeat(23_999) + OUTPUT_TRUNCATED_MARKER)).toBe(true)
  })

  it('builds the plugin Output as the agent does: stdout, error title, stderr, each cut to fit', () => {
    expect(formatPluginOutput('out', '')).toBe('out')
    expect(formatPluginOutput('out', 'err')).toBe('out\n----------ERROR-------\nerr')
    const long = 'z'.repeat(500)
    const both = formatPluginOutput(long, long, 100)
    expect(both.length).toBeLessThanOrEqual(100)
    expect(both).toContain(OUTPUT_TRUNCATED_MARKER)
    expect(both.endsWith(ERROR_TRUNCATED_MARKER)).toBe(true)
    const onlyOut = formatPluginOutput(long, '', 100)
    expect(onlyOut).toBe(`${'z'.repeat(100 - OUTPUT_TRUNCATED_MARKER.length)}${OUTPUT_TRUNCATED_MARKER}`)
  })
})
