import { describe, expect, it } from 'vitest'
import type { RunResults } from '../core/results.js'
import { collectFailures, countExpectations, orderScenarios } from './collect-failures.js'
import { historyEntriesFor, type HistoryEntry } from './history.js'
import { renderHtmlReport } from './render-html.js'
import { buildComparisonResult, buildPassingScenario, buildRunResults } from './test-fixtures.js'

const between = (html: string, start: string, end: string) => html.slice(html.indexOf(start), html.indexOf(end, html.indexOf(start)))

function buildHostileResults(): RunResults {
  const results = buildRunResults()
  const error = results.scenarios[2]!.error!
  error.message += ' (see https://docs.aws.amazon.com/vpc/latest/peering/invalid-peering-configurations.html)'
  const probe = results.scenarios[1]!.probes[1]!
  probe.dns_name = 'evil"><svg onload=alert(1)>.example'
  probe.raw[7]!.errormsg = `<img src="https://evil.example/x.png"> url(http://evil.example/a.css) @import 'http://evil.example/b.css'`
  probe.invocations = [{ command_id: 'cmd-1', log: 'javascript:alert(1)' }]
  return results
}

/**
 * Every way the page could make the browser fetch something, looked for where the browser acts on
 * it: in tags (escaped text has no raw "<", so every "<" opens a real tag) and in style sheets.
 * URLs in text are fine.
 */
function findRemoteReferences(page: string): string[] {
  const tags = page.match(/<[a-zA-Z][^>]*>/g) ?? []
  const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!)
  const found: string[] = []
  for (const tag of tags) {
    if (/^<(?:link|script|iframe|object|embed|img|image|base|use|audio|video|source|meta http-equiv="refresh")\b/i.test(tag)) found.push(tag)
    if (/\s(?:src|href|xlink:href|action|poster|srcset|data|formaction|background)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(tag)) found.push(tag)
    if (/style\s*=\s*["'][^"']*url\(/i.test(tag)) found.push(tag)
  }
  for (const css of styles) {
    if (/@import|url\(\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(css)) found.push(css.slice(0, 80))
  }
  return found
}

describe('renderHtmlReport', () => {
  const results = buildRunResults()
  const page = renderHtmlReport(results)

  it('opens with the verdict, its counts, duration and target', () => {
    const verdict = between(page, '<section class="verdict', '</section>')
    expect(verdict).toContain('<h1 id="verdict-title">ERROR</h1>')
    expect(verdict).toContain('class="icon"') // an icon beside the word, not colour alone
    expect(verdict).toMatch(/Scenarios passed<\/dt><dd><strong>1<\/strong> of 3/)
    expect(verdict).toMatch(/Expectations passed<\/dt><dd><strong>10<\/strong> of 13/)
    expect(verdict).toContain('7m 43s')
    expect(verdict).toContain('<strong>aws</strong>')
    expect(renderHtmlReport({ ...results, status: 'passed', scenarios: [buildPassingScenario()] })).toContain('<h1 id="verdict-title">PASSED</h1>')
  })

  it('lists failures before the scenarios, errors first, with measured values, curl error, exit code and the SSM log link', () => {
    expect(page.indexOf('id="verdict-title"')).toBeLessThan(page.indexOf('id="failures"'))
    expect(page.indexOf('id="failures"')).toBeLessThan(page.indexOf('id="scenarios-overview"'))
    expect(page.indexOf('id="failures"')).toBeLessThan(page.indexOf('id="details"'))
    const failures = between(page, 'id="failures"', '</section>')
    expect(failures).toContain('Failures (3)')
    expect(failures.indexOf('APPLY_FAILED')).toBeLessThan(failures.indexOf('success ratio'))
    expect(failures).toContain('<strong>success ratio ≥ 100 %</strong>: 19/20 succeeded (95 %); 1 timeout')
    expect(failures).toContain('Connection timed out after 2001 milliseconds')
    expect(failures).toMatch(/curl exit code<\/dt><dd><code>28<\/code>/)
    expect(failures).toContain('href="logs/ssm/3f1c9a2e-5b7d-4c1e-9f00-000000000022.log"')
    expect(failures).toContain('href="logs/peered-relay-overlapping-cidrs/terraform%20apply.log"')
  })

  it('shows scenarios as <details>, the ones that did not pass open and first', () => {
    const details = page.slice(page.indexOf('id="details"'))
    const order = [...details.matchAll(/<details class="scenario scenario-(\w+)" id="s-(\d)"( open)?/g)].map((m) => [m[1], m[2], Boolean(m[3])])
    expect(order).toEqual([
      ['error', '3', true],
      ['failed', '2', true],
      ['passed', '1', false],
    ])
  })

  it('shows topology, phases, a row per probed name and charts with the model rule', () => {
    const passed = page.slice(page.indexOf('id="s-1"'))
    expect(passed).toContain('Interface endpoint')
    expect(passed).toContain('vpce-0fedcba9876543210')
    expect(passed).toContain('10.0.0.0/16')
    expect(passed).toContain('444455556666')
    expect(passed).toMatch(/apply<\/th><td class="num">3m 07s/)
    expect(passed.match(/<tr class="row-passed">/g)).toHaveLength(3)
    expect(passed.match(/<figure class="cdf">/g)).toHaveLength(3)
    expect(passed).toContain('model 1.3 ms')
    expect(page.match(/<svg[^>]*class="plot-/g)!.length).toBeGreaterThanOrEqual(8)
    expect(page).toContain('No fixture outputs')
  })

  it('escapes untrusted text everywhere and fetches nothing', () => {
    const hostile = renderHtmlReport(buildHostileResults())
    expect(hostile).not.toContain('<script')
    expect(hostile).not.toContain('<img src=x onerror')
    expect(hostile).not.toContain('"><svg onload')
    expect(hostile).not.toContain('<b>overlap</b>')
    expect(hostile).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;')
    expect(hostile).toContain('evil&quot;&gt;&lt;svg onload=alert(1)&gt;.example')
    expect(hostile).not.toContain('href="javascript:')
    expect(hostile).toContain('<code>javascript:alert(1)</code>')
    // a URL in an error message is plain text, not a link
    expect(hostile).toContain('see https://docs.aws.amazon.com/vpc/latest/peering/')
    expect(hostile).toContain('@import &#39;http://evil.example/b.css&#39;') // as text
    expect(findRemoteReferences(hostile)).toEqual([])
    expect(findRemoteReferences('<p><img src="https://x/y.png"></p><style>@import "a.css"</style>')).toHaveLength(3)
    expect(hostile).toContain('Content-Security-Policy" content="default-src &#39;none&#39;;')
  })

  it('says so instead of drawing a chart when no sample of a name succeeded', () => {
    const r = buildRunResults()
    const probe = r.scenarios[1]!.probes[0]!
    probe.raw = probe.raw.map((s) => ({ ...s, exitcode: 6, errormsg: 'Could not resolve host', failure: 'dns' as const }))
    const out = renderHtmlReport(r)
    expect(out).toContain('No successful sample to chart.')
  })

  it('masks account ids when asked', () => {
    const masked = renderHtmlReport(results, { maskAccounts: true })
    expect(masked).not.toMatch(/111122223333|444455556666/)
    expect(masked).toContain('****6666')
    expect(masked).toContain('Account ids are masked')
  })

  it('draws trends and flags regressions when history is given', () => {
    const earlier: HistoryEntry[] = [1, 2, 3].flatMap((d) =>
      historyEntriesFor(buildRunResults({ run_id: `night-${d}`, started_at: `2026-11-${String(21 - d).padStart(2, '0')}T02:00:00.000Z` }), 'abc').map((e) => ({
        ...e,
        status: 'passed' as const,
        names: e.names.map((n) => ({ ...n, p95_ms: n.p95_ms === null ? null : n.p95_ms / 2 })),
      })),
    )
    const withHistory = renderHtmlReport(results, { history: earlier })
    expect(withHistory).toContain('id="trends"')
    expect(between(withHistory, 'id="trends"', '</section>').match(/<svg[^>]*class="plot-/g)).toHaveLength(2) // the errored scenario has no latency
    const regressions = between(withHistory, 'id="regressions"', '</section>')
    expect(regressions).toContain('STARTED FAILING')
    expect(regressions).toContain('peered-relay-overlapping-cidrs ended in an error on aws; it passed in run night-1')
    expect(regressions).toMatch(/SLOWER.*cross-region-us-east-1-to-eu-west-2 step 1 · eu-west-2a › regional: p95 \d+\.\d ms vs median \d+\.\d ms of 3 previous runs/)
    expect(page).not.toContain('id="trends"')
  })
})

describe('collectFailures', () => {
  it('puts errors first and keeps one entry per failing probe with a failing sample', () => {
    const failures = collectFailures(buildRunResults())
    expect(failures.map((f) => f.kind)).toEqual(['error', 'probe', 'probe'])
    const timeout = failures[1]!
    expect(timeout.kind === 'probe' && timeout.sample).toMatchObject({ seq: 7, exitcode: 28, failure: 'timeout' })
    expect(countExpectations(buildRunResults())).toEqual({ passed: 10, total: 13 })
    expect(orderScenarios(buildRunResults()).map((s) => s.index)).toEqual([2, 1, 0])
  })
})

describe('failed comparisons on the first screen', () => {
  it('lists a failed comparison expectation among the failures, with a link to its section', () => {
    const results = buildRunResults({
      scenarios: [buildPassingScenario()],
      comparisons: [
        buildComparisonResult({
          a: 'native-cross-region',
          b: 'peered-outpost-relay',
          expect: { faster: 'a' },
          status: 'failed',
          detail: 'native-cross-region is not faster: the data cannot tell them apart',
        }),
      ],
    })
    const html = renderHtmlReport(results)
    const failures = html.slice(html.indexOf('<section id="failures">'), html.indexOf('</section>', html.indexOf('<section id="failures">')))
    expect(failures).toContain('Failures (1)')
    expect(failures).toContain('comparison native-vs-relay')
    expect(failures).toContain('href="#comparisons"')
  })
})
