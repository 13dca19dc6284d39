import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { evaluateComparisons } from '../core/comparison-evaluate.js'
import { comparisonSchema } from '../core/comparison.js'
import { compareSamples } from '../stats/compare-samples.js'
import type { RunResults, ScenarioResult } from '../core/results.js'
import { renderComparisons } from './render-comparison.js'
import { renderHtmlReport } from './render-html.js'
import { buildComparisonResult, buildPassingScenario, buildProbeResult, buildRunResults } from './test-fixtures.js'

function scenarioAt(name: string, base: number, seed: number): ScenarioResult {
  return {
    ...buildPassingScenario(),
    name,
    probes: [buildProbeResult({ consumer_az: 'eu-west-2a', dns_name: `${name}.regional`, name_kind: 'regional', base_ms: base, seed, samples: 40 })],
  }
}

function buildComparedRun(expect: { faster: 'a' | 'b' }): RunResults {
  const scenarios = [scenarioAt('native-cross-region', 78, 1), scenarioAt('peered-outpost-relay', 92, 2)]
  const comparison = comparisonSchema.parse({
    name: 'native-vs-relay',
    description: 'native <b>cross-region</b> against the relay',
    a: 'native-cross-region',
    b: 'peered-outpost-relay',
    expect,
  })
  return buildRunResults({ scenarios, comparisons: evaluateComparisons([comparison], scenarios), status: 'passed' })
}

const documentOf = (page: string) => parseHTML(page).document

describe('renderComparisons', () => {
  it('says in words that the result is inconclusive when the rank test and the interval disagree', () => {
    // p = 0.034 while the interval of the median difference includes 0
    const stats = compareSamples([15.1, 13, 13.7, 12.3, 11.5, 10, 13.7, 12.5, 10.9, 10.5], [14.4, 14, 13.9, 12.5, 11.7, 14.1, 14.1, 14.7, 12.6, 14], { labels: { a: 'native', b: 'relay' } })
    const comparison = buildComparisonResult({ a: 'native', b: 'relay', stats, status: 'informational', detail: stats.sentence })
    const section = documentOf(`<body>${renderComparisons(buildRunResults({ comparisons: [comparison] }))}</body>`).querySelector('section#comparisons')!
    const sentence = section.querySelector('.comparison-sentence')!.textContent!
    expect(sentence).toMatch(/^inconclusive: the rank test finds a difference between native and relay \(p = 0\.034\), but the 95% interval of the median difference includes 0/)
    expect(sentence).not.toMatch(/cannot tell/)
    expect(section.textContent).toContain('when only one of the two finds a difference, the result is inconclusive')
  })

  it('shows both sides, the difference with its interval and p-value, the sentence and a chart', () => {
    const results = buildComparedRun({ faster: 'a' })
    const c = results.comparisons![0]!
    const doc = documentOf(renderHtmlReport(results))
    const section = doc.querySelector('section#comparisons')!
    expect(section).not.toBeNull()
    expect(section.querySelector('h2')!.textContent).toBe('Comparison')
    const text = section.textContent!.replace(/\s+/g, ' ')
    expect(text).toContain('PASSED')
    expect(text).toContain(c.stats!.sentence)
    expect(c.stats!.sentence).toMatch(/^native-cross-region is faster by 1\d\.\d ms/)
    const rows = [...section.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()))
    expect(rows).toEqual([
      ['native-cross-region', '40', `${c.stats!.a.median.toFixed(1)} ms`, `${c.stats!.a.p95 < 100 ? c.stats!.a.p95.toFixed(1) : Math.round(c.stats!.a.p95)} ms`],
      ['peered-outpost-relay', '40', `${c.stats!.b.median < 100 ? c.stats!.b.median.toFixed(1) : Math.round(c.stats!.b.median)} ms`, `${c.stats!.b.p95 < 100 ? c.stats!.b.p95.toFixed(1) : Math.round(c.stats!.b.p95)} ms`],
    ])
    const [low, high] = c.stats!.ci95
    expect(high).toBeLessThan(0)
    expect(section.querySelector('tfoot')!.textContent!.replace(/\s+/g, ' ')).toBe(
      `Difference of medians a − b${c.stats!.median_diff_ms.toFixed(1)} ms (95% CI ${low.toFixed(1)} ms to ${high.toFixed(1)} ms; Mann–Whitney p < 0.001)`,
    )
    const svg = section.querySelector('figure svg')!
    expect(svg).not.toBeNull()
    expect(svg.getAttribute('aria-label')).toBe('Latency of native-cross-region and peered-outpost-relay, box plots')
    // the description is text, not markup
    expect(section.querySelector('b')).toBeNull()
    expect(text).toContain('native <b>cross-region</b> against the relay')
  })

  it('marks a failed expectation as FAILED with the reason', () => {
    const results = buildComparedRun({ faster: 'b' })
    expect(results.comparisons![0]!.status).toBe('failed')
    const section = documentOf(renderHtmlReport(results)).querySelector('section#comparisons')!
    expect(section.querySelector('.badge-failed')!.textContent).toBe('FAILED')
    expect(section.querySelector('p.bad')!.textContent).toMatch(/^expected peered-outpost-relay to be faster, but native-cross-region is faster/)
  })

  it('renders nothing for a run without comparisons', () => {
    expect(renderComparisons(buildRunResults())).toBe('')
    expect(renderHtmlReport(buildRunResults())).not.toContain('id="comparisons"')
  })
})
