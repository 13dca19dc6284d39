import { describe, expect, it } from 'vitest'
import type { ComparisonResult } from '../core/comparison.js'
import { evaluateComparisons } from '../core/comparison-evaluate.js'
import { comparisonSchema } from '../core/comparison.js'
import { buildComparisonResult, buildPassingScenario, buildRunResults } from '../report/test-fixtures.js'
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

  it('says why a comparison is inconclusive when the rank test and the interval disagree', () => {
    const withRegional = (name: string, values: number[]) => {
      const base = buildPassingScenario()
      const probe = { ...base.probes[0]!, name_kind: 'regional' as const, raw: values.map((v, seq) => ({ ...base.probes[0]!.raw[0]!, seq, exitcode: 0, failure: null, time_total: v, time_starttransfer: v })) }
      return { ...base, name, probes: [probe] }
    }
    const scenarios = [withRegional('native', [15.1, 13, 13.7, 12.3, 11.5, 10, 13.7, 12.5, 10.9, 10.5]), withRegional('relay', [14.4, 14, 13.9, 12.5, 11.7, 14.1, 14.1, 14.7, 12.6, 14])]
    const comparison = comparisonSchema.parse({ name: 'native-vs-relay', description: 'd', a: 'native', b: 'relay', timing: 'time_total', expect: { faster: 'a' } })
    const text = formatComparisonLines(buildRunResults({ comparisons: evaluateComparisons([comparison], scenarios) }))
    expect(text).toMatch(/✗ native-vs-relay: failed — expected native to be faster, but inconclusive: the rank test finds a difference between native and relay \(p = 0\.034\), but the 95% interval of the median difference includes 0/)
  })

  it('prints nothing for a run without comparisons', () => {
    expect(formatComparisonLines(buildRunResults())).toBe('')
  })
})
