// A tiny HTML builder that escapes by default: results carry untrusted text (names, curl errors,
// response bodies), so every interpolated value is escaped unless it is already markup we built.

/** Markup that has been built (and escaped) by this module; the only thing `html` inserts raw. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[]

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c)
}

function renderValue(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof SafeHtml) return value.value
  if (Array.isArray(value)) return value.map(renderValue).join('')
  return escapeHtml(String(value))
}

/** Tagged template: escapes every interpolation (arrays are joined), keeps SafeHtml as is. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? ''
  values.forEach((value, i) => {
    out += renderValue(value) + (strings[i + 1] ?? '')
  })
  return new SafeHtml(out)
}

/** Marks markup produced elsewhere (an SVG serialised by linkedom) as safe to insert. */
export function trustHtml(markup: string): SafeHtml {
  return new SafeHtml(markup)
}

/**
 * Turns a report-relative log path into an href, or null when it is not a plain relative path:
 * a scheme (`javascript:`, `https:`) or a protocol-relative `//host` would leave the report.
 */
export function buildRelativeHref(path: string): string | null {
  if (path === '' || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//') || path.startsWith('\\')) return null
  return path.split('/').map(encodeURIComponent).join('/')
}

/** Formats milliseconds for people: one decimal below 100 ms, whole numbers above. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–'
  return ms < 100 ? `${ms.toFixed(1)} ms` : `${Math.round(ms).toLocaleString('en-US')} ms`
}


/** Formats an ISO time as UTC ("2026-11-21 08:12:03 UTC") so that a report reads the same anywhere. */
export function formatTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

/** Formats a ratio as a percentage ("95 %", "100 %"). */
export function formatRatio(r: number | null | undefined): string {
  if (r === null || r === undefined || !Number.isFinite(r)) return '–'
  const pct = r * 100
  return `${Number.isInteger(pct) ? pct : pct.toFixed(1)} %`
}
