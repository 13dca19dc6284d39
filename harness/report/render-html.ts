// The run report: one self-contained HTML file (inline CSS and SVG, no script, a Content Security
// Policy that forbids every fetch), verdict and failures first, then each scenario in detail.
import { countScenarioExpectations, type RunResults } from '../core/results.js'
import { orderScenarios } from './collect-failures.js'
import { detectRegressions, historyEntriesFor, type HistoryEntry, type RegressionOptions } from './history.js'
import { formatDuration } from '../core/format-duration.js'
import { html, trustHtml, type SafeHtml } from './html.js'
import { maskRunResults } from './mask-accounts.js'
import { reportStyle } from './report-style.js'
import { renderStatusBadge } from './report-icons.js'
import { renderComparisons } from './render-comparison.js'
import { renderScenario } from './render-scenario.js'
import { renderFailures, renderRegressions, renderVerdict, secondsBetween } from './render-summary.js'
import { renderTrends } from './render-trends.js'

/** Options of renderHtmlReport. */
export interface RenderHtmlOptions {
  /** earlier runs (history.jsonl); this run's entries are added when missing */
  history?: HistoryEntry[]
  /** show 12-digit account ids as ****1234 */
  maskAccounts?: boolean
  /** thresholds for the regressions shown on the first screen */
  regressions?: Omit<RegressionOptions, 'runId'>
}

// Nothing may be fetched: no script, no font, no image, no stylesheet but the inline one.
const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

function renderOverview(results: RunResults): SafeHtml {
  return html`<section id="scenarios-overview"><h2>Scenarios</h2><div class="table-wrap"><table class="overview">
  <thead><tr><th>Status</th><th>Scenario</th><th>Fixture</th><th class="num">Expectations</th><th class="num">Names</th><th class="num">Duration</th></tr></thead>
  <tbody>${orderScenarios(results).map(({ scenario: s, index }) => {
    const { held, total } = countScenarioExpectations(s)
    return html`<tr><td>${renderStatusBadge(s.status)}</td><td><a href="#s-${index + 1}">${s.name}</a></td><td>${s.fixture}</td>
    <td class="num">${held}/${total}</td><td class="num">${s.probes.length}</td>
    <td class="num">${formatDuration(secondsBetween(s.started_at, s.finished_at))}</td></tr>`
  })}</tbody></table></div></section>`
}

/** Renders a run's results as one HTML page that opens from disk with no network at all. */
export function renderHtmlReport(results: RunResults, options: RenderHtmlOptions = {}): string {
  const shown = options.maskAccounts ? maskRunResults(results) : results
  const history = [...(options.history ?? [])]
  if (!history.some((e) => e.run_id === results.run_id)) history.push(...historyEntriesFor(results, null))
  const revision = history.find((e) => e.run_id === results.run_id && e.git_revision)?.git_revision ?? null
  const regressionOptions = { ...options.regressions, runId: results.run_id }
  const regressions = options.history ? detectRegressions(history, regressionOptions) : []
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${results.status.toUpperCase()} · ${results.run_id} · PrivateLink harness</title>
<style>${trustHtml(reportStyle)}</style>
</head>
<body>
<main>
<header class="site-head"><span><strong>PrivateLink harness</strong> · run report</span><span>${shown.target} · <code>${shown.run_id}</code></span></header>
${renderVerdict(shown, revision)}
${renderRegressions(regressions, options.regressions?.baselineRuns ?? 7)}
${renderFailures(shown)}
${renderComparisons(shown)}
${renderOverview(shown)}
${options.history ? renderTrends(shown, history) : ''}
<section id="details"><h2>Scenario details</h2>
${orderScenarios(shown).map(({ scenario, index }) => renderScenario(scenario, index))}
</section>
<footer>Rendered from results.json of run <code>${shown.run_id}</code>. This page loads nothing from the network; logs are linked relative to its folder.${
    options.maskAccounts ? ' Account ids are masked.' : ''
  }</footer>
</main>
</body>
</html>
`
  return page.value
}
