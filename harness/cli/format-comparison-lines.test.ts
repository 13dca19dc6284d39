import { describe, expect, it } from 'vitest'
import type { ComparisonResult } from '../core/comparison.js'
import { buildComparisonResult, buildRunResults } from '../report/test-fixtures.js'
import { formatComparisonLines } from './format-comparison-lines.js'

const comparison = (name: string, status: ComparisonResult['status'], detail: string): ComparisonResult => buildComparisonResult({ name, status, detail })

describe('formatComparisonLines', () => {
  it('prints one line per comparison with its outcome and reason', () => {
    const text = formatComparisonLines(
      buildRunResults({
        comparisons: [comparison('native-vs-relay', 'failed', 'expected a to be faster, but the data cannot tell a and b apart'), comparison('info', 'informational', 'a is faster by 3.0 ms')],
      }),
    )
    expect(text).toBe('Comparisons:\n  ✗ native-vs-relay: failed — expected a to be faster, but the data cannot tell a and b apart\n  · info: a is faster by 3.0 ms\n')
  })

  it('prints nothing for a run without comparisons', () => {
    expect(formatComparisonLines(buildRunResults())).toBe('')
  })
})
