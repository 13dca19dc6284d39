// Charts as inline SVG, drawn when the report is rendered: Observable Plot against a linkedom
// document, so that the page needs no script and no network to show them.
import * as Plot from '@observablehq/plot'
import { parseHTML } from 'linkedom'
import type { ProbeResult } from '../core/results.js'
import type { Timing } from '../core/scenario.js'
import type { HistoryEntry } from './history.js'
import { formatMs, trustHtml, type SafeHtml } from './html.js'

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies, and dark enough on white. */
export const chartPalette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000']
const modelColour = '#B8400B'
const failColour = '#B42318'

let plotDocument: Document | undefined
function getDocument(): Document {
  plotDocument ??= parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document
  return plotDocument
}

function serialise(options: Plot.PlotOptions): SafeHtml {
  const node = Plot.plot({ ...options, document: getDocument(), style: { fontSize: '11px', background: 'transparent', overflow: 'visible' } })
  return trustHtml((node as unknown as { outerHTML: string }).outerHTML)
}

/** The timing a probe's charts show: the one the latency model predicts, else time_total. */
export function chartTimingFor(probe: ProbeResult): Timing {
  return probe.model?.timing ?? 'time_total'
}

/** Values of the samples that succeeded, in ms, sorted: failed samples carry timeouts, not latency. */
export function successfulLatencies(probe: ProbeResult, timing: Timing = chartTimingFor(probe)): number[] {
  return probe.raw
    .filter((s) => s.failure === null && s.exitcode === 0)
    .map((s) => s[timing])
    .filter((v) => Number.isFinite(v))
    .sort((a, b) => a - b)
}

/** Points of an empirical CDF (a step from 0 at the fastest sample to 1 at the slowest). */
export function buildCdfPoints(sorted: readonly number[]): Array<{ ms: number; share: number }> {
  if (sorted.length === 0) return []
  return [{ ms: sorted[0]!, share: 0 }, ...sorted.map((ms, i) => ({ ms, share: (i + 1) / sorted.length }))]
}

/** One name's latency CDF with the latency model's expected value as a dashed rule; null without successful samples. */
export function renderLatencyCdf(probe: ProbeResult, options: { width?: number } = {}): SafeHtml | null {
  const timing = chartTimingFor(probe)
  const values = successfulLatencies(probe, timing)
  if (values.length === 0) return null
  const expected = probe.model?.expected_ms
  const marks: Plot.Markish[] = [
    Plot.ruleY([0]),
    Plot.line(buildCdfPoints(values), { x: 'ms', y: 'share', curve: 'step-after', stroke: chartPalette[0], strokeWidth: 2 }),
  ]
  if (expected !== undefined) {
    marks.push(
      Plot.ruleX([expected], { stroke: modelColour, strokeWidth: 1.5, strokeDasharray: '5 3' }),
      Plot.text([expected], { x: (d: number) => d, frameAnchor: 'top', dy: -2, dx: 4, textAnchor: 'start', text: () => `model ${formatMs(expected)}`, fill: modelColour, lineAnchor: 'bottom' }),
    )
  }
  const domainMax = Math.max(values[values.length - 1]!, expected ?? 0) * 1.05
  const domainMin = Math.min(values[0]!, expected ?? Number.POSITIVE_INFINITY) * 0.95
  return serialise({
    width: options.width ?? 340,
    height: 170,
    marginTop: 22,
    marginRight: 16,
    x: { label: `${timing} (ms)`, domain: [domainMin, domainMax], nice: true, ticks: 5 },
    y: { label: 'share of samples', percent: true, domain: [0, 100], ticks: 4, grid: true },
    ariaLabel: `Latency CDF of ${probe.dns_name}`,
    ariaDescription: `${values.length} successful samples; p50 ${formatMs(probe.latency_ms.p50)}, p95 ${formatMs(probe.latency_ms.p95)}${expected === undefined ? '' : `; model expects ${formatMs(expected)}`}`,
    marks,
  })
}

/** A label that tells a step's names apart without colour: "eu-west-2a › zonal eu-west-2b". */
export function labelProbe(probe: ProbeResult, withConsumer: boolean): string {
  const name = `${probe.name_kind}${probe.az ? ` ${probe.az}` : ''}`
  return withConsumer ? `${probe.consumer_az} › ${name}` : name
}

/** Box plots of one step's names side by side, each with the model's expected value as a tick. */
export function renderLatencyBoxes(probes: readonly ProbeResult[]): SafeHtml | null {
  const withConsumer = new Set(probes.map((p) => p.consumer)).size > 1
  const rows = probes.flatMap((p) => successfulLatencies(p).map((ms) => ({ ms, label: labelProbe(p, withConsumer) })))
  if (rows.length === 0) return null
  const models = probes.filter((p) => p.model).map((p) => ({ ms: p.model!.expected_ms, label: labelProbe(p, withConsumer) }))
  const labels = [...new Set(probes.map((p) => labelProbe(p, withConsumer)))]
  const longest = Math.max(...labels.map((l) => l.length))
  return serialise({
    width: 720,
    height: 36 * labels.length + 50,
    marginLeft: Math.min(280, 12 + longest * 6.4),
    marginRight: 20,
    x: { label: 'time_total of successful samples (ms)', grid: true, nice: true },
    y: { label: null, domain: labels },
    ariaLabel: 'Latency by name, box plots',
    marks: [
      Plot.boxX(rows, { x: 'ms', y: 'label', fill: '#cfe3f1', stroke: '#1f3b57', r: 2 }),
      Plot.tickX(models, { x: 'ms', y: 'label', stroke: modelColour, strokeWidth: 2.5, strokeDasharray: '3 2' }),
    ],
  })
}

/** p95 over runs for one scenario, a line per name (colour and marker shape), failed runs as dashed rules. */
export function renderTrendChart(entries: readonly HistoryEntry[]): SafeHtml | null {
  const points = entries.flatMap((e) =>
    e.names.filter((n) => n.p95_ms !== null).map((n) => ({ time: new Date(e.time), p95: n.p95_ms!, name: n.key, run: e.run_id })),
  )
  if (points.length === 0) return null
  const failed = entries.filter((e) => e.status !== 'passed').map((e) => new Date(e.time))
  const names = [...new Set(points.map((p) => p.name))]
  return serialise({
    width: 720,
    height: 240,
    marginRight: 20,
    x: { type: 'utc', label: 'run (UTC)', ticks: 6 },
    y: { label: 'p95 (ms)', grid: true, nice: true, zero: true },
    color: { domain: names, range: chartPalette },
    symbol: { domain: names, legend: true },
    ariaLabel: 'p95 latency over runs',
    marks: [
      Plot.ruleX(failed, { stroke: failColour, strokeDasharray: '2 3', strokeOpacity: 0.7 }),
      Plot.line(points, { x: 'time', y: 'p95', stroke: 'name', strokeWidth: 1.5 }),
      Plot.dot(points, { x: 'time', y: 'p95', stroke: 'name', symbol: 'name', r: 3.5, fill: 'white' }),
    ],
  })
}
