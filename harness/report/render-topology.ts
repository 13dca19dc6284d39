// The topology a scenario ran against, as a small diagram of text boxes (consumers → endpoint →
// service) built from the fixture's `harness` output, plus the variables it was applied with.
import { harnessOutputSchema, type EndpointOutput, type HarnessOutput } from '../core/contract.js'
import { html, type SafeHtml } from './html.js'

function renderConsumers(out: HarnessOutput): SafeHtml {
  const accounts = [...new Set(out.consumers.map((c) => c.account))]
  return html`<div class="node"><h5>Consumer${out.consumers.length > 1 ? 's' : ''}</h5>
  <p class="muted">account ${accounts.join(', ')}</p>
  <ul>${out.consumers.map((c) => html`<li><code>${c.instance_id}</code><br>${c.az}${c.private_ip ? html` · <code>${c.private_ip}</code>` : ''}</li>`)}</ul></div>`
}

function renderEndpoint(e: EndpointOutput): SafeHtml {
  const ok = e.state === 'available'
  return html`<div class="node"><h5>Interface endpoint</h5>
  <p><code>${e.id}</code></p>
  <p>${e.region}${e.service_region !== e.region ? html` <span class="tag">cross-region from ${e.service_region}</span>` : ''}</p>
  <p>state <strong class="${ok ? 'ok' : 'bad'}">${ok ? '✓' : '!'} ${e.state}</strong></p>
  <ul>${e.eni_ips.map((eni) => html`<li>ENI ${eni.az} <code>${eni.ip}</code></li>`)}</ul></div>`
}

function renderService(out: HarnessOutput): SafeHtml {
  const s = out.service
  return html`<div class="node"><h5>Endpoint service</h5>
  <p><code class="wrap">${s.name}</code></p>
  <p>${s.region} · TCP ${s.ports.join(', ')}</p>
  <p class="muted">expects HTTP ${s.expected.status}, body /${s.expected.body_pattern}/</p>
  ${s.nlb_ips?.length ? html`<p>NLB IPs ${s.nlb_ips.map((ip, i) => html`${i > 0 ? ', ' : ''}<code>${ip}</code>`)}</p>` : ''}</div>`
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
export function renderTopology(outputs: unknown, vars: Record<string, unknown> | undefined): SafeHtml {
  if (outputs === undefined || outputs === null) {
    return html`<p class="muted">No fixture outputs: the fixture was not applied far enough to report its topology.</p>${renderVars(vars)}`
  }
  const parsed = harnessOutputSchema.safeParse(outputs)
  if (!parsed.success) {
    return html`<p class="muted">Fixture outputs do not match the contract; shown as recorded.</p>
<pre class="raw">${JSON.stringify(outputs, null, 2)}</pre>${renderVars(vars)}`
  }
  const out = parsed.data
  const arrow = html`<div class="arrow" aria-hidden="true">→</div>`
  return html`<div class="topology" role="group" aria-label="Topology: consumers connect through the interface endpoint to the endpoint service">
  ${renderConsumers(out)}${arrow}<div class="stack">${out.endpoints.map(renderEndpoint)}</div>${arrow}${renderService(out)}
</div>
<div class="side-by-side">${renderNames(out)}${renderVars(vars)}</div>`
}
