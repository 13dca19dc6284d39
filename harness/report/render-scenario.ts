// One scenario as a collapsible section: topology, phase timings, steps, a table of every probed
// name and the latency distributions (box plots per step, a CDF per name).
import { countScenarioExpectations, type PhaseTimings, type ProbeResult, type ScenarioResult } from '../core/results.js'
import { renderLatencyBoxes, renderLatencyCdf } from './render-charts.js'
import { renderLogLinks, secondsBetween } from './render-summary.js'
import { renderTopology } from './render-topology.js'
import { formatDuration } from '../core/format-duration.js'
import { formatMs, formatRatio, html, type SafeHtml } from './html.js'
import { renderStatusBadge } from './report-icons.js'

const phaseNames: Array<[keyof PhaseTimings, string]> = [
  ['apply_s', 'apply'],
  ['ready_s', 'wait ready'],
  ['probe_s', 'probe'],
  ['destroy_s', 'destroy'],
]

function renderPhases(phases: PhaseTimings): SafeHtml {
  const longest = Math.max(...phaseNames.map(([k]) => phases[k]), 0.001)
  return html`<table class="phases"><caption>Phase timings</caption><tbody>${phaseNames.map(([key, label]) => {
    const pct = Math.max(0, Math.min(100, (phases[key] / longest) * 100)).toFixed(1)
    return html`<tr><th scope="row">${label}</th><td class="num">${formatDuration(phases[key])}</td>
    <td class="bar-cell"><span class="bar" style="width:${pct}%"></span></td></tr>`
  })}</tbody></table>`
}

function renderSteps(scenario: ScenarioResult): SafeHtml | '' {
  if (scenario.steps.length === 0) return ''
  return html`<table class="steps"><caption>Steps</caption><thead><tr><th>#</th><th>Step</th><th>Status</th><th>Detail</th></tr></thead>
  <tbody>${scenario.steps.map(
    (s) => html`<tr><td class="num">${s.index}</td><td>${s.title} <span class="muted">(${s.kind})</span></td><td>${renderStatusBadge(s.status)}</td><td>${s.detail}</td></tr>`,
  )}</tbody></table>`
}

function renderProbeRow(p: ProbeResult): SafeHtml {
  const failed = p.expectations.filter((e) => e.status === 'failed')
  const status = failed.length > 0 ? 'failed' : 'passed'
  const checks = p.expectations.map((e) => `${e.status === 'passed' ? '✓' : '✗'} ${e.name}: ${e.detail}`).join('\n')
  return html`<tr class="row-${status}">
  <td>${renderStatusBadge(status)}</td>
  <td><code class="id">${p.consumer}</code><br><span class="muted">${p.consumer_az}</span></td>
  <td>${p.name_kind}${p.az ? html`<br><span class="muted">${p.az}</span>` : ''}</td>
  <td><code class="wrap">${p.dns_name}</code></td>
  <td class="num">${p.ok}/${p.samples}<br><span class="muted">${formatRatio(p.success_ratio)}</span></td>
  <td class="num">${formatMs(p.latency_ms.p50)}</td><td class="num">${formatMs(p.latency_ms.p95)}</td><td class="num">${formatMs(p.latency_ms.p99)}</td>
  <td class="num">${p.model ? formatMs(p.model.expected_ms) : '–'}</td>
  <td class="checks" title="${checks}">${p.expectations.length - failed.length}/${p.expectations.length}</td>
</tr>`
}

function renderProbeStep(step: number, probes: ProbeResult[]): SafeHtml {
  const boxes = probes.length > 1 ? renderLatencyBoxes(probes) : null
  const cdfs = probes.map((p) => {
    const chart = renderLatencyCdf(p)
    const caption = html`<figcaption><strong>${p.name_kind}${p.az ? ` ${p.az}` : ''}</strong> from ${p.consumer_az} · ${p.ok}/${p.samples} ok</figcaption>`
    return chart === null
      ? html`<figure class="cdf empty">${caption}<p>No successful sample to chart.</p></figure>`
      : html`<figure class="cdf">${caption}${chart}</figure>`
  })
  return html`<section class="probe-step"><h4>Step ${step}: ${probes[0]?.step_title ?? ''}</h4>
  <div class="table-wrap"><table class="probes"><thead><tr><th>Status</th><th>Consumer</th><th>Name</th><th>DNS name</th><th>Success</th>
  <th>p50</th><th>p95</th><th>p99</th><th title="What the target's latency model expects. The local emulator applies this same model, so measured against model checks the emulator against its own model, not against AWS.">Model</th><th>Checks</th></tr></thead><tbody>${probes.map(renderProbeRow)}</tbody></table></div>
  <p class="muted">Latency is curl's time_total of successful samples. Dashed rules and ticks mark the latency model's expected value; on the local target the emulator applies that same model, so agreement shows the emulator follows its model, not that AWS does (the model's sources: docs/emulator.md).</p>
  ${boxes ? html`<figure class="boxes"><figcaption>Distribution by name (box: quartiles, whiskers: 1.5 IQR, dots: outliers)</figcaption>${boxes}</figure>` : ''}
  <div class="cdf-grid">${cdfs}</div></section>`
}

function countChecks(scenario: ScenarioResult): string {
  const { held, total } = countScenarioExpectations(scenario)
  return `${held}/${total} expectations`
}

/** The apply-error expectation: what was expected, whether it held, and the error the target gave. */
function renderApplyExpectation(scenario: ScenarioResult): SafeHtml | '' {
  const e = scenario.apply_expectation
  if (!e) return ''
  return html`<table class="apply-expectation"><caption>Expected apply error</caption><tbody>
  <tr><th scope="row">Expectation</th><td>${renderStatusBadge(e.status)} ${e.name}</td></tr>
  <tr><th scope="row">Error given</th><td>${e.error === null ? html`<span class="muted">none: the apply succeeded</span>` : html`<pre class="apply-error">${e.error}</pre>`}</td></tr>
  </tbody></table>`
}

/** A scenario as <details>, open when it did not pass, so that failures are visible without a click. */
export function renderScenario(scenario: ScenarioResult, index: number): SafeHtml {
  const byStep = new Map<number, ProbeResult[]>()
  for (const p of scenario.probes) byStep.set(p.step, [...(byStep.get(p.step) ?? []), p])
  const duration = secondsBetween(scenario.started_at, scenario.finished_at)
  return html`<details class="scenario scenario-${scenario.status}" id="s-${index + 1}"${scenario.status === 'passed' ? '' : html` open`}>
<summary>${renderStatusBadge(scenario.status)} <span class="scenario-name">${scenario.name}</span>
  <span class="muted">${scenario.fixture} · ${countChecks(scenario)} · ${formatDuration(duration)}</span></summary>
<div class="scenario-body">
  <p>${scenario.description}</p>
  ${scenario.error ? html`<div class="error-box">${renderStatusBadge('error')} <code>${scenario.error.code}</code> ${scenario.error.message}</div>` : ''}
  ${renderApplyExpectation(scenario)}
  <h4>Topology</h4>
  ${renderTopology(scenario.outputs, scenario.vars, scenario.probes)}
  <div class="side-by-side">${renderPhases(scenario.phases)}${renderSteps(scenario)}</div>
  ${[...byStep.entries()].sort(([a], [b]) => a - b).map(([step, probes]) => renderProbeStep(step, probes))}
  <p class="muted">SSM API calls: ${scenario.ssm_api_calls}${scenario.logs?.length ? html` · Logs: ${renderLogLinks(scenario.logs)}` : ''}</p>
</div>
</details>`
}
