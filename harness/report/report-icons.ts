// Status icons as inline SVG: they render the same with any font, and always sit beside the status
// word, so that no verdict is told by colour alone.
import type { ScenarioStatus } from '../core/results.js'
import { html, type SafeHtml } from './html.js'

export type Status = ScenarioStatus | 'skipped'

const paths: Record<Status, string> = {
  passed: 'M4 8.5l2.5 2.5L12 5.5',
  failed: 'M5 5l6 6M11 5l-6 6',
  error: 'M8 4.2v4.6M8 11.2v.4',
  skipped: 'M4.5 8h7',
}

/** A 1em icon for a status (check, cross, exclamation, dash), hidden from screen readers: the word follows it. */
export function renderStatusIcon(status: Status): SafeHtml {
  const shape =
    status === 'error'
      ? html`<path d="M8 1.8L15 14.2H1z" fill="currentColor" opacity=".18" stroke="currentColor" stroke-width="1.2" stroke-linejoin="round"/>`
      : html`<circle cx="8" cy="8" r="7" fill="currentColor" opacity=".18" stroke="currentColor" stroke-width="1.2"/>`
  return html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${shape}<path d="${paths[status]}" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`
}

/** An icon with the status in capitals, styled by status: the badge every summary line uses. */
export function renderStatusBadge(status: Status, text: string = status.toUpperCase()): SafeHtml {
  return html`<span class="badge badge-${status}">${renderStatusIcon(status)}<span>${text}</span></span>`
}
