// The topology a scenario ran against: an SVG diagram (render-topology-svg.ts) built from the
// fixture's `harness` output, its variables and the probe paths, then the endpoint's facts, its
// names and the variables it was applied with.
import { harnessOutputSchema, type EndpointOutput, type HarnessOutput } from '../core/contract.js'
import type { ProbeResult } from '../core/results.js'
import { buildTopologyModel } from './build-topology-model.js'
import { html, type SafeHtml } from './html.js'
import { renderTopologySvg } from './render-topology-svg.js'

function renderFacts(out: HarnessOutput): SafeHtml {
  const s = out.service
  return html`<ul class="topology-facts">
  ${out.endpoints.map((e: EndpointOutput) => {
    const ok = e.state === 'available'
    return html`<li>Interface endpoint <code>${e.id}</code> in ${e.region}${e.service_region !== e.region ? html` <span class="tag">cross-region from ${e.service_region}</span>` : ''},
    state <strong class="${ok ? 'ok' : 'bad'}">${ok ? '✓' : '!'} ${e.state}</strong></li>`
  })}
  <li>Endpoint service <code class="wrap">${s.name}</code> in ${s.region}, TCP ${s.ports.join(', ')}; expects HTTP ${s.expected.status}, body /${s.expected.body_pattern}/</li>
</ul>`
}

function renderNames(out: HarnessOutput): SafeHtml {
  const rows: Array<[string, string]> = []
  for (const e of out.endpoints) {
    rows.push(['regional', e.regional_dns])
    for (const z of e.zonal) rows.push([`zonal ${z.az}`, z.dns])
  }
  for (const [kind, name] of Object.entries(out.hostnames)) if (name) rows.push([`hostname (${kind})`, name])
  return html`<table class="compact names"><caption>Names the endpoint offers</caption>
  <tbody>${rows.map(([k, v]) => html`<tr><th scope="row">${k}</th><td><code class="wrap">${v}</code></td></tr>`)}</tbody></table>`
}

function renderVars(vars: Record<string, unknown> | undefined): SafeHtml | '' {
  const entries = Object.entries(vars ?? {})
  if (entries.length === 0) return ''
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))
  return html`<table class="compact vars"><caption>Fixture variables</caption>
  <tbody>${entries.map(([k, v]) => html`<tr><th scope="row"><code>${k}</code></th><td><code class="wrap">${show(v)}</code></td></tr>`)}</tbody></table>`
}

/** The topology section of a scenario: a diagram from `outputs` when they match the contract, raw JSON otherwise. */
export function renderTopology(outputs: unknown, vars: Record<string, unknown> | undefined, probes: readonly ProbeResult[] = []): SafeHtml {
  if (outputs === undefined || outputs === null) {
    return html`<p class="muted">No fixture outputs: the fixture was not applied far enough to report its topology.</p>${renderVars(vars)}`
  }
  const parsed = harnessOutputSchema.safeParse(outputs)
  if (!parsed.success) {
    return html`<p class="muted">Fixture outputs do not match the contract; shown as recorded.</p>
<pre class="raw">${JSON.stringify(outputs, null, 2)}</pre>${renderVars(vars)}`
  }
  const out = parsed.data
  return html`<figure class="topology">${renderTopologySvg(buildTopologyModel(out, vars, probes))}</figure>
${renderFacts(out)}
<div class="side-by-side">${renderNames(out)}${renderVars(vars)}</div>`
}
