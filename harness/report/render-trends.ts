// Trends from history.jsonl: per scenario of this run, p95 of each name over the last runs on the
// same target, with the runs where the scenario did not pass marked.
import type { RunResults } from '../core/results.js'
import type { HistoryEntry } from './history.js'
import { renderTrendChart } from './render-charts.js'
import { formatTime, html, type SafeHtml } from './html.js'

/** How many runs a trend chart spans at most. */
export const trendRuns = 30

/** A scenario's history on one target, oldest first, at most `limit` runs. */
export function selectScenarioHistory(history: readonly HistoryEntry[], target: string, fixture: string, scenario: string, limit = trendRuns): HistoryEntry[] {
  return history
    .filter((e) => e.target === target && e.fixture === fixture && e.scenario === scenario)
    .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0))
    .slice(-limit)
}

/** The trends section; empty when no scenario has more than this run in its history. */
export function renderTrends(results: RunResults, history: readonly HistoryEntry[]): SafeHtml | '' {
  const charts = results.scenarios.flatMap((s, i) => {
    const entries = selectScenarioHistory(history, results.target, s.fixture, s.name)
    if (entries.length < 2) return []
    const chart = renderTrendChart(entries)
    if (chart === null) return []
    const failed = entries.filter((e) => e.status !== 'passed').length
    return [
      html`<figure class="trend"><figcaption><a href="#s-${i + 1}"><strong>${s.name}</strong></a> · p95 per name over ${entries.length} runs
  (${formatTime(entries[0]!.time)} – ${formatTime(entries[entries.length - 1]!.time)})${failed > 0 ? ` · dashed vertical lines mark runs where it did not pass (${failed})` : ''}</figcaption>${chart}</figure>`,
    ]
  })
  if (charts.length === 0) return ''
  return html`<section id="trends"><h2>Trends on ${results.target}</h2>${charts}</section>`
}
