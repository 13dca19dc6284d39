// The report's first screen: the verdict with its counts, regressions against the baseline, and
// every failure with the numbers, a failing curl sample and a link to the raw SSM output.
import type { ProbeSample, RunResults } from '../core/results.js'
import { collectFailures, countExpectations, type Failure } from './collect-failures.js'
import type { Regression } from './detect-regressions.js'
import { formatDuration } from '../core/format-duration.js'
import { buildRelativeHref, formatMs, formatTime, html, type SafeHtml } from './html.js'
import { renderStatusBadge, renderStatusIcon } from './report-icons.js'

const verdictMeaning = {
  passed: 'every expectation held',
  failed: 'at least one expectation did not hold',
  error: 'infrastructure error: at least one topology could not be exercised',
} as const

/** Seconds between two ISO times, or null when either is unreadable. */
export function secondsBetween(start: string, end: string): number | null {
  const s = Date.parse(start)
  const e = Date.parse(end)
  return Number.isNaN(s) || Number.isNaN(e) ? null : (e - s) / 1000
}

/** The verdict block: PASSED/FAILED/ERROR with icon and words, scenario and expectation counts, duration, target. */
export function renderVerdict(results: RunResults, gitRevision: string | null): SafeHtml {
  const scenariosPassed = results.scenarios.filter((s) => s.status === 'passed').length
  const expectations = countExpectations(results)
  const fact = (label: string, value: SafeHtml | string) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`
  return html`<section class="verdict verdict-${results.status}" aria-labelledby="verdict-title">
  <div class="verdict-head">${renderStatusIcon(results.status)}<h1 id="verdict-title">${results.status.toUpperCase()}</h1>
  <p>${verdictMeaning[results.status]}</p></div>
  <dl class="facts">
    ${fact('Scenarios passed', html`<strong>${scenariosPassed}</strong> of ${results.scenarios.length}`)}
    ${fact('Expectations passed', html`<strong>${expectations.passed}</strong> of ${expectations.total}`)}
    ${fact('Duration', formatDuration(secondsBetween(results.started_at, results.finished_at)))}
    ${fact('Target', html`<strong>${results.target}</strong>`)}
    ${fact('Run', html`<code>${results.run_id}</code>`)}
    ${fact('Started', formatTime(results.started_at))}
    ${gitRevision ? fact('Revision', html`<code>${gitRevision.slice(0, 12)}</code>`) : ''}
  </dl>
</section>`
}

/** Links to the report-relative log files, or their paths as text when a path would leave the report. */
export function renderLogLinks(logs: ReadonlyArray<{ label: string; path: string }>): SafeHtml {
  return html`${logs.map((log, i) => {
    const href = buildRelativeHref(log.path)
    const sep = i > 0 ? ', ' : ''
    return href === null ? html`${sep}${log.label} (<code>${log.path}</code>)` : html`${sep}<a href="${href}">${log.label}</a>`
  })}`
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

function renderSample(sample: ProbeSample): SafeHtml {
  return html`<dl class="sample">
    <div><dt>${sample.exitcode !== 0 || sample.failure ? 'Failing sample' : 'Sample (curl succeeded)'}</dt><dd>#${sample.seq}${sample.failure ? html` · <strong>${sample.failure}</strong>` : ''}</dd></div>
    <div><dt>curl exit code</dt><dd><code>${sample.exitcode}</code></dd></div>
    <div><dt>curl error</dt><dd>${sample.errormsg ? html`<code>${sample.errormsg}</code>` : '(none)'}</dd></div>
    <div><dt>HTTP status</dt><dd><code>${sample.http_code}</code>${sample.remote_ip ? html` from <code>${sample.remote_ip}</code>` : ''}</dd></div>
    <div><dt>time_total</dt><dd>${formatMs(sample.time_total)}</dd></div>
    ${sample.body_head ? html`<div class="wide"><dt>Body (start)</dt><dd><code class="body">${truncate(sample.body_head, 240)}</code></dd></div>` : ''}
  </dl>`
}

function renderFailure(f: Failure): SafeHtml {
  const where = html`<a href="#s-${f.scenarioIndex + 1}">${f.scenario.name}</a> <span class="muted">(${f.scenario.fixture})</span>`
  if (f.kind === 'error') {
    return html`<li class="failure failure-error">
  <div class="failure-head">${renderStatusBadge('error')} ${where}</div>
  <p><code>${f.code}</code> ${f.message}</p>
  ${f.logs.length > 0 ? html`<p class="logs">Logs: ${renderLogLinks(f.logs)}</p>` : ''}
</li>`
  }
  if (f.kind === 'step') {
    return html`<li class="failure">
  <div class="failure-head">${renderStatusBadge('failed')} ${where} › ${f.title} <span class="muted">(${f.stepKind})</span></div>
  <p>${f.detail}</p>
</li>`
  }
  const p = f.probe
  const logs = p.invocations.map((inv) => ({ label: `SSM output ${inv.command_id}`, path: inv.log }))
  return html`<li class="failure">
  <div class="failure-head">${renderStatusBadge('failed')} ${where} › step ${p.step} ${p.step_title}
    › <span title="${p.consumer}">${p.consumer_az}</span> → <strong>${p.name_kind}${p.az ? ` ${p.az}` : ''}</strong></div>
  <p class="dns"><code>${p.dns_name}</code> · ${p.ok}/${p.samples} samples succeeded · p50 ${formatMs(p.latency_ms.p50)} · p95 ${formatMs(p.latency_ms.p95)}</p>
  <ul class="expectations">${f.expectations.map((e) => html`<li><strong>${e.name}</strong>: ${e.detail}</li>`)}</ul>
  ${f.sample ? renderSample(f.sample) : ''}
  ${logs.length > 0 ? html`<p class="logs">Raw output: ${renderLogLinks(logs)}</p>` : ''}
</li>`
}

/** The failure list, or a one-line "no failures" when the run passed. */
export function renderFailures(results: RunResults): SafeHtml {
  const failures = collectFailures(results)
  // a comparison's expectation fails the run too; its numbers are in the Comparison section
  const comparisons = (results.comparisons ?? []).filter((c) => c.status === 'failed')
  const comparisonItems = comparisons.map((c) => html`<li><strong>comparison ${c.name}</strong> (${c.a} vs ${c.b}): ${c.detail} <a href="#comparisons">see Comparison</a></li>`)
  const total = failures.length + comparisons.length
  if (total === 0) return html`<section id="failures"><h2>Failures</h2><p>None: every scenario passed.</p></section>`
  return html`<section id="failures"><h2>Failures (${total})</h2><ol class="failures">${failures.map(renderFailure)}${comparisonItems}</ol></section>`
}

/** Regressions of this run against the history baseline; nothing when there are none. */
export function renderRegressions(regressions: readonly Regression[], baselineRuns: number): SafeHtml | '' {
  if (regressions.length === 0) return ''
  return html`<section id="regressions" class="regressions"><h2>Regressions (${regressions.length})</h2>
  <p class="muted">Against the median of up to ${baselineRuns} previous runs of the same scenario on the same target.</p>
  <ul>${regressions.map(
    (r) => html`<li>${renderStatusBadge(r.kind === 'started-failing' ? 'failed' : 'error', r.kind === 'started-failing' ? 'STARTED FAILING' : 'SLOWER')} ${r.message}</li>`,
  )}</ul></section>`
}
