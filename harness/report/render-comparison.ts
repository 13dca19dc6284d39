// The report's "Comparison" section: for each comparison of the run, the two scenarios' medians
// and p95 side by side, the difference with its bootstrap interval and the rank test's p-value,
// the sentence saying which is faster, and box plots of both samples drawn as inline SVG.
import * as Plot from '@observablehq/plot'
import { parseHTML } from 'linkedom'
import { collectComparedSamples } from '../core/comparison-evaluate.js'
import type { ComparisonResult } from '../core/comparison.js'
import type { RunResults } from '../core/results.js'
import { formatPValue } from '../stats/compare-samples.js'
import { formatMs, html, trustHtml, type SafeHtml } from './html.js'
import { renderStatusBadge, type Status } from './report-icons.js'

// render-charts keeps its linkedom document private; two lines of the same set-up here keep this
// module independent of that file's internals
let plotDocument: Document | undefined
function getDocument(): Document {
  plotDocument ??= parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document
  return plotDocument
}

/** The badge a comparison gets: its expectation's outcome, or INFO / SKIPPED when it has none. */
function badgeOf(comparison: ComparisonResult): SafeHtml {
  const status: Status = comparison.status === 'informational' ? 'skipped' : comparison.status
  const text = comparison.status === 'informational' ? 'INFO' : comparison.status.toUpperCase()
  return renderStatusBadge(status, text)
}

/** Box plots of both sides' samples on one axis; null when a side has none. */
export function renderComparisonChart(comparison: ComparisonResult, results: RunResults): SafeHtml | null {
  const rows = (['a', 'b'] as const).flatMap((side) => {
    const scenario = results.scenarios.find((s) => s.name === comparison[side])
    if (!scenario) return []
    return collectComparedSamples(scenario, comparison.name_kind, comparison.timing).map((ms) => ({ ms, label: `${side}: ${scenario.name}` }))
  })
  const labels = [...new Set(rows.map((r) => r.label))]
  if (labels.length < 2) return null
  const medians = comparison.stats
    ? [
        { ms: comparison.stats.a.median, label: labels[0] },
        { ms: comparison.stats.b.median, label: labels[1] },
      ]
    : []
  const longest = Math.max(...labels.map((l) => l.length))
  const node = Plot.plot({
    document: getDocument(),
    style: { fontSize: '11px', background: 'transparent', overflow: 'visible' },
    width: 720,
    height: 130,
    marginLeft: Math.min(300, 12 + longest * 6.4),
    marginRight: 20,
    x: { label: `${comparison.timing} of successful ${comparison.name_kind} samples (ms)`, grid: true, nice: true },
    y: { label: null, domain: labels },
    ariaLabel: `Latency of ${comparison.a} and ${comparison.b}, box plots`,
    ariaDescription: comparison.stats?.sentence ?? comparison.detail,
    marks: [
      Plot.boxX(rows, { x: 'ms', y: 'label', fill: '#cfe3f1', stroke: '#1f3b57', r: 2 }),
      Plot.tickX(medians, { x: 'ms', y: 'label', stroke: '#D55E00', strokeWidth: 2.5 }),
    ],
  })
  return trustHtml((node as unknown as { outerHTML: string }).outerHTML)
}

function renderOne(comparison: ComparisonResult, results: RunResults, index: number): SafeHtml {
  const s = comparison.stats
  const expectation = comparison.expect
    ? `expects ${comparison.expect.faster === 'a' ? comparison.a : comparison.b} to be faster${comparison.expect.by_at_least_ms === undefined ? '' : ` by at least ${comparison.expect.by_at_least_ms} ms`}`
    : 'no expectation (informational)'
  const chart = renderComparisonChart(comparison, results)
  return html`<article class="comparison" id="c-${index + 1}">
  <h3>${badgeOf(comparison)} ${comparison.name}</h3>
  <p>${comparison.description} <span class="muted">· ${comparison.name_kind} names, ${comparison.timing} · ${expectation}</span></p>
  <p class="comparison-sentence"><strong>${s ? s.sentence : comparison.detail}</strong></p>
  ${comparison.status === 'failed' ? html`<p class="bad">${comparison.detail}</p>` : ''}
  ${
    s
      ? html`<div class="table-wrap"><table class="comparison-table">
    <thead><tr><th></th><th>Scenario</th><th class="num">Samples</th><th class="num">Median</th><th class="num">p95</th></tr></thead>
    <tbody>
      <tr><th>a</th><td>${comparison.a}</td><td class="num">${s.a.n}</td><td class="num">${formatMs(s.a.median)}</td><td class="num">${formatMs(s.a.p95)}</td></tr>
      <tr><th>b</th><td>${comparison.b}</td><td class="num">${s.b.n}</td><td class="num">${formatMs(s.b.median)}</td><td class="num">${formatMs(s.b.p95)}</td></tr>
    </tbody>
    <tfoot><tr><th colspan="3">Difference of medians a − b</th><td class="num" colspan="2">${formatMs(s.median_diff_ms)}
      <span class="muted">(95% CI ${formatMs(s.ci95[0])} to ${formatMs(s.ci95[1])}; Mann–Whitney ${formatPValue(s.p_value)})</span></td></tr></tfoot>
  </table></div>`
      : ''
  }
  ${chart ? html`<figure><figcaption>Successful samples of each side; orange ticks mark the medians</figcaption>${chart}</figure>` : ''}
  ${s ? html`<p class="muted">Interval: percentile bootstrap of the difference of medians, ${s.method.resamples} resamples (seed ${s.method.seed}); test: two-sided Mann–Whitney U, normal approximation with tie and continuity corrections; a side is called faster when p &lt; ${s.method.alpha} and the interval excludes 0; when only one of the two finds a difference, the result is inconclusive.</p>` : ''}
</article>`
}

/** The Comparison section; empty when the run has no comparison. */
export function renderComparisons(results: RunResults): SafeHtml | '' {
  const comparisons = results.comparisons ?? []
  if (comparisons.length === 0) return ''
  return html`<section id="comparisons"><h2>Comparison</h2>${comparisons.map((c, i) => renderOne(c, results, i))}</section>`
}
