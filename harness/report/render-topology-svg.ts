// The topology diagram as inline SVG: VPCs side by side (consumer, then the relay's outpost, then
// the provider), each with its AZs and subnets, the endpoint ENIs, the NLB's nodes and its targets,
// the PrivateLink hop, the peerings, and every probe path from a consumer to the ENIs its name
// reached, red where requests failed.
//
// A pure function computing its own layout, not @observablehq/plot (which the charts use): Plot
// draws marks on scales, and this is nested boxes joined by arrows, whose layout is fixed by the
// roles (columns) and the AZs (rows). A graph-layout library (elkjs, dagre) would place the same
// few boxes with more code and less predictable output; here the same topology always draws the
// same picture, and the tests can read positions back.
import { html, type SafeHtml } from './html.js'
import type { AzItem, ProbePath, TopologyModel, VpcBox } from './build-topology-model.js'

const ITEM_W = 150
const ITEM_H = 40
const PAD = 12
const HEADER_H = 56
const LANE_LABEL_H = 18
const LANE_GAP = 8
const COLUMN_GAP = 120
const PATH_CORRIDOR = 110
const NLB_CORRIDOR = 24
/** wide enough for "AZ us-east-1a · subnet 10.0.16.0/20" */
const LANE_MIN_W = 215
const ROW_GAP = 70
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'
const MONO = 'ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace'

const colours = {
  consumer: '#dbeafe',
  eni: '#fef3c7',
  target: '#dcfce7',
  bystander: '#e5e7eb',
  nlb: '#ede9fe',
  path: '#1d4ed8',
  failed: '#c62828',
  hop: '#6b7280',
  peering: '#0f766e',
} as const

interface Rect {
  x: number
  y: number
  w: number
  h: number
}

interface PlacedVpc {
  vpc: VpcBox
  box: Rect
  /** item boxes by kind and ip/label */
  items: Array<{ item: AzItem; rect: Rect }>
  lanes: Array<{ label: string; rect: Rect }>
  nlb?: Rect
}

const kindLabel: Record<AzItem['kind'], string> = { consumer: 'consumer', target: 'NLB target', bystander: 'instance', eni: 'endpoint ENI' }

/** Left slot for instances of the consumer and third VPCs, right slot for ENIs and targets. */
function slotOf(vpc: VpcBox, item: AzItem): 0 | 1 {
  return item.kind === 'eni' || item.kind === 'target' ? 1 : 0
}

function vpcWidth(vpc: VpcBox): number {
  if (vpc.role === 'consumer') return PAD + ITEM_W + PATH_CORRIDOR + ITEM_W + PAD
  if (vpc.role === 'provider') return PAD + (vpc.nlbNodes ? ITEM_W + NLB_CORRIDOR : 0) + Math.max(ITEM_W + 12, LANE_MIN_W) + 6
  if (vpc.role === 'outpost') return PAD + ITEM_W + PAD
  return PAD + ITEM_W + PAD
}

function placeVpc(vpc: VpcBox, x: number, y: number): PlacedVpc {
  const w = Math.max(vpcWidth(vpc), 230)
  const items: PlacedVpc['items'] = []
  const lanes: PlacedVpc['lanes'] = []
  let cursor = y + HEADER_H
  const lanesTop = cursor
  // beside the NLB (which spans the AZs), not under it
  const laneX = vpc.nlbNodes && vpc.azs.length ? x + PAD + ITEM_W + NLB_CORRIDOR : x + 6
  const laneW = x + w - 6 - laneX
  for (const lane of vpc.azs) {
    const rows = Math.max(1, ...[0, 1].map((slot) => lane.items.filter((i) => slotOf(vpc, i) === slot).length))
    const h = LANE_LABEL_H + rows * (ITEM_H + 6) + 4
    lanes.push({ label: `${lane.az}${lane.subnets.length ? ` · subnet ${lane.subnets.join(', ')}` : ''}`, rect: { x: laneX, y: cursor, w: laneW, h } })
    for (const slot of [0, 1] as const) {
      lane.items
        .filter((i) => slotOf(vpc, i) === slot)
        .forEach((item, row) => {
          const ix = slot === 0 ? laneX + 6 : laneX + laneW - 6 - ITEM_W
          items.push({ item, rect: { x: ix, y: cursor + LANE_LABEL_H + row * (ITEM_H + 6), w: ITEM_W, h: ITEM_H } })
        })
    }
    cursor += h + LANE_GAP
  }
  let nlb: Rect | undefined
  if (vpc.nlbNodes) {
    const nodesH = 36 + 15 * Math.max(1, vpc.nlbNodes.length)
    const spanned = cursor - lanesTop - LANE_GAP
    nlb = { x: x + PAD, y: lanesTop, w: ITEM_W, h: Math.max(nodesH, spanned) }
    cursor = Math.max(cursor, nlb.y + nlb.h + LANE_GAP)
  }
  return { vpc, box: { x, y, w, h: Math.max(cursor - y + 4, HEADER_H + 40) }, items, lanes, ...(nlb ? { nlb } : {}) }
}

/** Columns by role; the third VPC goes under the outpost it is peered with. */
function placeAll(model: TopologyModel): PlacedVpc[] {
  const placed: PlacedVpc[] = []
  let x = 0
  for (const vpc of model.vpcs.filter((v) => v.role !== 'third')) {
    const p = placeVpc(vpc, x, 0)
    placed.push(p)
    x += p.box.w + COLUMN_GAP
  }
  const third = model.vpcs.find((v) => v.role === 'third')
  if (third) {
    const under = placed.find((p) => p.vpc.role === 'outpost')
    const px = under ? under.box.x : x
    const py = under ? under.box.y + under.box.h + ROW_GAP : 0
    placed.push(placeVpc(third, px, py))
  }
  return placed
}

const mid = (r: Rect): { x: number; y: number } => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 })

function curve(x1: number, y1: number, x2: number, y2: number): string {
  const dx = Math.max(30, (x2 - x1) / 2)
  return `M${x1.toFixed(1)},${y1.toFixed(1)} C${(x1 + dx).toFixed(1)},${y1.toFixed(1)} ${(x2 - dx).toFixed(1)},${y2.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`
}

function renderItem({ item, rect }: { item: AzItem; rect: Rect }): SafeHtml {
  const isEni = item.kind === 'eni'
  return html`<g class="topo-item topo-${item.kind}" data-ip="${item.ip ?? ''}">
<rect x="${rect.x}" y="${rect.y}" width="${rect.w}" height="${rect.h}" rx="5" fill="${colours[item.kind]}" stroke="#374151" stroke-width="1"/>
<text x="${rect.x + 7}" y="${rect.y + 15}" font-size="11" font-weight="600">${kindLabel[item.kind]}${!isEni && item.ip ? html` <tspan font-family="${MONO}" font-weight="400">${item.ip}</tspan>` : ''}</text>
<text x="${rect.x + 7}" y="${rect.y + 31}" font-size="10.5" font-family="${MONO}">${isEni ? (item.ip ?? '') : item.label}</text>
</g>`
}

function renderVpc(p: PlacedVpc): SafeHtml {
  const { vpc, box } = p
  const facts = [vpc.region, vpc.account ? `account ${vpc.account}` : null].filter(Boolean).join(' · ')
  return html`<g class="topo-vpc topo-vpc-${vpc.role}" data-role="${vpc.role}">
<rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="8" fill="#ffffff" stroke="#1f2937" stroke-width="1.5"/>
<text x="${box.x + PAD}" y="${box.y + 18}" font-size="13" font-weight="700">${vpc.title}</text>
<text x="${box.x + PAD}" y="${box.y + 33}" font-size="11">${facts}</text>
<text x="${box.x + PAD}" y="${box.y + 48}" font-size="11" font-family="${MONO}">${vpc.cidr ? `CIDR ${vpc.cidr}` : 'CIDR not recorded'}</text>
${p.lanes.map(
  (l) => html`<g class="topo-az"><rect x="${l.rect.x}" y="${l.rect.y}" width="${l.rect.w}" height="${l.rect.h}" rx="5" fill="#f9fafb" stroke="#9ca3af" stroke-dasharray="4 3"/>
<text x="${l.rect.x + 6}" y="${l.rect.y + 13}" font-size="10.5" fill="#374151">AZ ${l.label}</text></g>`,
)}
${p.nlb && vpc.nlbNodes ? renderNlb(p.nlb, vpc.nlbNodes) : ''}
${p.items.map(renderItem)}
</g>`
}

function renderNlb(r: Rect, nodes: string[]): SafeHtml {
  return html`<g class="topo-nlb"><rect x="${r.x}" y="${r.y}" width="${r.w}" height="${r.h}" rx="5" fill="${colours.nlb}" stroke="#374151"/>
<text x="${r.x + 7}" y="${r.y + 16}" font-size="11" font-weight="600">NLB</text>
<text x="${r.x + 7}" y="${r.y + 31}" font-size="10.5">${nodes.length ? 'node IPs' : 'node IPs not recorded'}</text>
${nodes.map((ip, i) => html`<text x="${r.x + 7}" y="${r.y + 46 + i * 15}" font-size="10.5" font-family="${MONO}">${ip}</text>`)}</g>`
}

function findItem(placed: PlacedVpc[], kind: AzItem['kind'], key: string): Rect | undefined {
  for (const p of placed) for (const i of p.items) if (i.item.kind === kind && (i.item.ip === key || i.item.label === key)) return i.rect
  return undefined
}

function pathLabel(path: ProbePath): string {
  return `${path.consumer} → ${path.name} name: ${path.ok}/${path.samples} answered (step ${path.step})`
}

function renderPaths(model: TopologyModel, placed: PlacedVpc[]): SafeHtml[] {
  const perConsumer = new Map<string, number>()
  return model.paths.flatMap((path) => {
    const from = findItem(placed, 'consumer', path.consumer)
    if (!from) return []
    const index = perConsumer.get(path.consumer) ?? 0
    perConsumer.set(path.consumer, index + 1)
    const count = model.paths.filter((p) => p.consumer === path.consumer).length
    const y1 = from.y + 8 + ((from.h - 16) * (index + 0.5)) / count
    const colour = path.failed ? colours.failed : colours.path
    const dash = path.name.startsWith('zonal') ? '6 3' : path.name === 'hostname' ? '2 3' : ''
    return path.enis.flatMap((ip) => {
      const to = findItem(placed, 'eni', ip)
      if (!to) return []
      return [
        html`<path class="topo-path${path.failed ? ' topo-path-failed' : ''}" data-name="${path.name}" data-consumer="${path.consumer}" d="${curve(from.x + from.w, y1, to.x - 2, mid(to).y + (index - count / 2) * 3)}" fill="none" stroke="${colour}" stroke-width="${path.failed ? 2.2 : 1.4}"${dash ? html` stroke-dasharray="${dash}"` : ''} marker-end="url(#topo-arrow-${path.failed ? 'failed' : 'ok'})"><title>${pathLabel(path)}</title></path>`,
      ]
    })
  })
}

function renderHop(model: TopologyModel, placed: PlacedVpc[]): SafeHtml[] {
  const nlbVpc = placed.find((p) => p.vpc.role === model.privatelink.to)
  if (!nlbVpc?.nlb) return []
  const nlb = nlbVpc.nlb
  const enis = placed.find((p) => p.vpc.role === model.privatelink.from)?.items.filter((i) => i.item.kind === 'eni') ?? []
  const hops = enis.map(
    ({ rect }) => html`<path class="topo-hop" d="${curve(rect.x + rect.w, mid(rect).y, nlb.x - 2, mid(nlb).y)}" fill="none" stroke="${colours.hop}" stroke-width="3" marker-end="url(#topo-arrow-hop)"/>`,
  )
  const labelX = (enis[0] ? enis[0].rect.x + enis[0].rect.w : nlb.x) + (COLUMN_GAP + PAD) / 2
  const label = html`<text class="topo-hop-label" x="${labelX}" y="${Math.max(14, nlbVpc.box.y + HEADER_H - 10)}" font-size="11" font-weight="600" text-anchor="middle" fill="#374151">PrivateLink${model.privatelink.crossRegion ? ' (cross-region)' : ''}</text>`
  const targets = placed.find((p) => p.vpc.role === model.targetsIn)?.items.filter((i) => i.item.kind === 'target') ?? []
  const forwards = targets.map(
    ({ rect }) => html`<path class="topo-forward" d="${curve(nlb.x + nlb.w, mid(nlb).y, rect.x - 2, mid(rect).y)}" fill="none" stroke="${colours.hop}" stroke-width="1.4" marker-end="url(#topo-arrow-hop)"/>`,
  )
  return [...hops, label, ...forwards]
}

function renderPeerings(model: TopologyModel, placed: PlacedVpc[]): SafeHtml[] {
  return model.peerings.flatMap(({ a, b }) => {
    const pa = placed.find((p) => p.vpc.role === a)?.box
    const pb = placed.find((p) => p.vpc.role === b)?.box
    if (!pa || !pb) return []
    const vertical = Math.abs(pa.x - pb.x) < 1
    const [x1, y1, x2, y2] = vertical
      ? [pa.x + pa.w / 2, Math.min(pa.y + pa.h, pb.y + pb.h), pa.x + pa.w / 2, Math.max(pa.y, pb.y)]
      : [Math.min(pa.x + pa.w, pb.x + pb.w), Math.max(pa.y, pb.y) + 24, Math.max(pa.x, pb.x), Math.max(pa.y, pb.y) + 24]
    const lx = (x1 + x2) / 2
    const ly = vertical ? (y1 + y2) / 2 + 4 : y1 - 8
    return [
      html`<g class="topo-peering" data-a="${a}" data-b="${b}"><line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${colours.peering}" stroke-width="7"/>
<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#ffffff" stroke-width="3"/>
<text x="${vertical ? lx + 10 : lx}" y="${ly}" font-size="11" font-weight="600" fill="${colours.peering}" text-anchor="${vertical ? 'start' : 'middle'}">VPC peering</text></g>`,
    ]
  })
}

function renderLegend(model: TopologyModel, x: number, y: number): SafeHtml {
  const all: Array<[string, SafeHtml]> = [
    ['regional name', html`<line x1="0" y1="0" x2="26" y2="0" stroke="${colours.path}" stroke-width="1.4"/>`],
    ['zonal name', html`<line x1="0" y1="0" x2="26" y2="0" stroke="${colours.path}" stroke-width="1.4" stroke-dasharray="6 3"/>`],
    ['requests failed', html`<line x1="0" y1="0" x2="26" y2="0" stroke="${colours.failed}" stroke-width="2.2"/>`],
    ['PrivateLink / NLB', html`<line x1="0" y1="0" x2="26" y2="0" stroke="${colours.hop}" stroke-width="3"/>`],
    ['VPC peering', html`<line x1="0" y1="0" x2="26" y2="0" stroke="${colours.peering}" stroke-width="7"/><line x1="0" y1="0" x2="26" y2="0" stroke="#fff" stroke-width="3"/>`],
  ]
  const used = (label: string): boolean =>
    label === 'regional name' ? model.paths.some((p) => p.name === 'regional' || p.name === 'hostname')
    : label === 'zonal name' ? model.paths.some((p) => p.name.startsWith('zonal'))
    : label === 'requests failed' ? model.paths.some((p) => p.failed)
    : label === 'VPC peering' ? model.peerings.length > 0
    : true
  const entries = all.filter(([label]) => used(label))
  return html`<g class="topo-legend" transform="translate(${x},${y})">${entries.map(
    ([label, swatch], i) => html`<g transform="translate(${i * 150},0)">${swatch}<text x="32" y="4" font-size="11">${label}</text></g>`,
  )}</g>`
}

const marker = (id: string, colour: string): SafeHtml =>
  html`<marker id="topo-arrow-${id}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`

/** The diagram as an <svg> element sized by its viewBox (it scales down to the page, and prints). */
export function renderTopologySvg(model: TopologyModel): SafeHtml {
  const placed = placeAll(model)
  const width = Math.max(...placed.map((p) => p.box.x + p.box.w), 760)
  const failed = model.paths.filter((p) => p.failed)
  const diagramBottom = Math.max(...placed.map((p) => p.box.y + p.box.h))
  const legendY = diagramBottom + 26
  const failedTop = legendY + 26
  const height = failedTop + failed.length * 16 + 8
  const summary = `Topology: ${model.vpcs.map((v) => `${v.title} ${v.cidr ?? ''} in ${v.region}`).join('; ')}. ${model.paths.length} probe paths, ${failed.length} with failed requests.`
  return html`<svg class="topology-diagram" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${summary}" font-family="${FONT}" style="max-width:100%;height:auto">
<title>${summary}</title>
<defs>${marker('ok', colours.path)}${marker('failed', colours.failed)}${marker('hop', colours.hop)}</defs>
${placed.map(renderVpc)}
${renderPeerings(model, placed)}
${renderHop(model, placed)}
${renderPaths(model, placed)}
${renderLegend(model, 0, legendY)}
${failed.map((p, i) => html`<text class="topo-failed-line" x="0" y="${failedTop + i * 16}" font-size="11" fill="${colours.failed}">✗ ${pathLabel(p)}</text>`)}
</svg>`
}

