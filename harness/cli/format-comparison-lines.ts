// The lines `plh run` and `plh report --merge` print about a run's comparisons, after the summary:
// a failed comparison expectation makes the exit code 1, so the terminal must say which and why.
import type { RunResults } from '../core/results.js'

const mark = { passed: '✓', failed: '✗', informational: '·', skipped: '–' } as const

/** One line per comparison (empty text when the run has none), ending with a newline. */
export function formatComparisonLines(results: RunResults): string {
  const comparisons = results.comparisons ?? []
  if (comparisons.length === 0) return ''
  const lines = comparisons.map((c) => `  ${mark[c.status]} ${c.name}: ${c.status === 'informational' ? c.detail : `${c.status} — ${c.detail}`}`)
  return `Comparisons:\n${lines.join('\n')}\n`
}
