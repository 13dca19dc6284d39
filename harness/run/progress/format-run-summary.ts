// The one-screen summary `plh run` prints at the end (pure): the verdict and duration, a table of
// phase times per scenario, the expectations that failed (a few per scenario, the rest counted),
// and where the report and the logs are.
import { countScenarioExpectations, pickApplyErrorLine, type RunResults, type ScenarioResult } from '../../core/results.js'
import { formatDuration } from '../../core/format-duration.js'

export interface SummaryInput {
  results: RunResults
  /** the report's index.html, as the user should type it (relative to the working directory when inside it) */
  reportPath: string
  /** the run's main log (run.log), same convention */
  logPath?: string
  /** failed expectations listed per scenario before "… and N more" */
  maxFailuresShown?: number
}

const mark = { passed: '✓', failed: '✗', error: '!' } as const

/** Expectations held out of all of a scenario's (the live display's outcome line counts with the summary's own rule). */
export function expectationsOf(s: ScenarioResult): { held: number; total: number } {
  return countScenarioExpectations(s)
}

function failureLines(s: ScenarioResult, max: number): string[] {
  const failed = s.probes.flatMap((p) =>
    p.expectations.filter((e) => e.status === 'failed').map((e) => `${p.consumer_az} ${p.name_kind}${p.az ? ` ${p.az}` : ''} › ${e.name}: ${e.detail}`),
  )
  const lines = failed.slice(0, max).map((f) => `      ✗ ${f}`)
  if (failed.length > max) lines.push(`      … and ${failed.length - max} more (see the report)`)
  return lines
}

/** The summary text, ending with a newline. */
export function formatRunSummary(input: SummaryInput): string {
  const { results } = input
  const max = input.maxFailuresShown ?? 5
  const seconds = (Date.parse(results.finished_at) - Date.parse(results.started_at)) / 1000
  const passed = results.scenarios.filter((s) => s.status === 'passed').length
  const totals = results.scenarios.map(countScenarioExpectations).reduce((a, b) => ({ held: a.held + b.held, total: a.total + b.total }), { held: 0, total: 0 })
  const width = Math.max(8, ...results.scenarios.map((s) => s.name.length))
  const col = (text: string): string => text.padStart(9)
  // a phase that never ran took 0 s: shown as a dash, not as a time
  const time = (s: number): string => (s > 0 ? formatDuration(s) : '—')
  const out = [
    '',
    `plh run ${results.run_id} on ${results.target}: ${results.status.toUpperCase()} in ${formatDuration(Number.isFinite(seconds) ? seconds : 0)}`,
    `    ${'scenario'.padEnd(width)}${col('apply')}${col('ready')}${col('probe')}${col('destroy')}  expectations`,
  ]
  for (const s of results.scenarios) {
    const e = countScenarioExpectations(s)
    const p = s.phases
    out.push(`  ${mark[s.status]} ${s.name.padEnd(width)}${col(time(p.apply_s))}${col(time(p.ready_s))}${col(time(p.probe_s))}${col(time(p.destroy_s))}  ${e.held}/${e.total} held`)
    if (s.error) out.push(`      ${s.status}: ${s.error.message.split('\n')[0]}`)
    // the error AWS (or the emulator) gave, when it was the one expected (a failed one is the error above)
    const expected = s.apply_expectation
    if (expected?.status === 'passed' && expected.error) out.push(`      ✓ ${expected.name}: ${pickApplyErrorLine(expected.error, expected.pattern)}`)
    out.push(...failureLines(s, max))
  }
  out.push(
    `  scenarios ${passed}/${results.scenarios.length} passed, expectations ${totals.held}/${totals.total} held`,
    `  report: ${input.reportPath}`,
    ...(input.logPath ? [`  log:    ${input.logPath}`] : []),
    '',
  )
  return out.join('\n')
}
