import { describe, expect, it } from 'vitest'
import type { ComparisonResult } from '../core/comparison.js'
import { buildComparisonResult, buildErrorScenario, buildFailingScenario, buildPassingScenario } from '../report/test-fixtures.js'
import { exitCodeOfRun, runStatusOf, summarizeRun } from './summarize-run.js'

const comparison = (status: ComparisonResult['status']): ComparisonResult => buildComparisonResult({ status })

describe('runStatusOf and exitCodeOfRun', () => {
  it('fails a run whose scenarios passed when a comparison expectation failed: exit 1', () => {
    const results = summarizeRun('r', 'local', new Date(), [buildPassingScenario()], [comparison('failed')])
    expect(results.status).toBe('failed')
    expect(results.comparisons).toHaveLength(1)
    expect(exitCodeOfRun(results)).toBe(1)
  })

  it('passes with passed, informational or skipped comparisons', () => {
    expect(runStatusOf([buildPassingScenario()], [comparison('passed'), comparison('informational'), comparison('skipped')])).toBe('passed')
    expect(summarizeRun('r', 'local', new Date(), [buildPassingScenario()], []).comparisons).toBeUndefined()
  })

  it('keeps error above failed (exit 3) and failed scenarios failing (exit 1)', () => {
    expect(exitCodeOfRun(summarizeRun('r', 'local', new Date(), [buildErrorScenario(), buildPassingScenario()], [comparison('failed')]))).toBe(3)
    expect(runStatusOf([buildFailingScenario()])).toBe('failed')
  })
})
