import { expect, test } from 'vitest'
import { FIGURES_END, FIGURES_START, HEADLINE_END, HEADLINE_START, extractBlock, loadSentence, renderFigures, renderHeadline, replaceBlock, type FiguresInput } from './render-figures.js'

const spread = (runs: number[]) => ({ median: [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!, min: Math.min(...runs), max: Math.max(...runs), n: runs.length, runs })

const input: FiguresInput = {
  at: '2026-11-25T13:53:36.193Z',
  command: 'npm run bench -- --runs 3',
  repetitions: 3,
  machine: { cpus: 2, memory_gib: 24, node: 'v20.20.2', loadavg_at_start: [1, 2, 3], loadavg_at_end: [1.5, 5, 6] },
  bench_wall_s: 210.3,
  targets: [
    { target: 'whole local suite wall time', limit: '< 60 s', value: 42, spread: spread([42, 40, 64.9]), met: true },
    { target: 'SSM API calls per probe sample', limit: '≤ 0.1', value: 1.8, spread: spread([1.8, 1.7, 1.9]), met: false, note: 'polling' },
  ],
  runs: { suite: [{ run: 1, wall_s: 42, status: 'passed', loadavg_1m_at_start: 1.2 }, { run: 2, wall_s: 40, status: 'passed' }, { run: 3, wall_s: 64.9, status: 'passed' }], scale: [{ run: 1 }] },
  detail_run: 1,
  suite: { wall_s: 42, status: 'passed', wall_s_spread: spread([42, 40, 64.9]), scenarios: { a: { status: 'passed', apply_s: 1, ready_s: 2, probe_s: 3, destroy_s: 0.1 } } },
  overhead_ratio: { a: { probe_s: 3, model_s: 2, ratio: 1.5, probe_s_source: 'phase-including-actions' } },
  fidelity: { summary: { paths: 1, passed: 0, failed: 1, max_error_ms: 9 }, paths: [{ scenario: 'a', name_kind: 'zonal', az: 'us-east-1b', consumer_az: 'us-east-1a', expected_ms: 3.7, median_ms: 12.7, p95_ms: 20, error_ms: 9, pass: false }] },
  ssm: {
    probe_samples: 10,
    api_calls: 18,
    by_operation: { SendCommand: 2, GetCommandInvocation: 16, others: 0 },
    calls_per_sample: 1.8,
    floor_calls_per_sample: 0.4,
    source: 'endpoint',
    calls_per_sample_spread: spread([1.8, 1.7, 1.9]),
    transport_check: { endpoint_calls: 18, transport_calls: 17, unseen_by_transport: 1, readiness_calls: 6, consistent: true, inconsistent_scenarios: [] },
  },
  scale: {
    levels: [
      { consumer_vpcs: 100, from_run: 2, apply_s_spread: spread([21, 20, 25]), namespaces: 204, loadavg_1m_at_start: 9, apply_s: 20, apply_profile: { phases_s: { startServices: 15 } }, destroy_s: 0.2, names: { answered: 400, expected: 400 }, memory: { peak_upper_bound_mib: 4600, total_pss_peak_mib: 900, descendants_peak: 102 } },
      { consumer_vpcs: 10, from_run: 1, apply_s_spread: null, error: 'boom' },
    ],
  },
  aws_projection: { scenarios: { a: { commands: 2, projected_api_calls: 4, projected_overhead_s: 4.2, projected_calls_per_sample: 0.4 } } },
}

test('renders every section with its figures, medians and spreads between the markers', () => {
  const md = renderFigures(input)
  expect(md.startsWith(FIGURES_START)).toBe(true)
  expect(md.endsWith(FIGURES_END)).toBe(true)
  expect(md).toContain('`npm run bench -- --runs 3` at 2026-11-25T13:53:36.193Z: 3 runs of each timed part')
  expect(md).toContain('| whole local suite wall time | < 60 s | 42 | 40–64.9; 42, 40, 64.9 | **met** |')
  expect(md).toContain('| SSM API calls per probe sample | ≤ 0.1 | 1.8 | 1.7–1.9; 1.8, 1.7, 1.9 | **not met** (polling) |')
  expect(md).toContain('**Suite**: median wall time 42 (40–64.9) s over the passed runs; each run: 42 s passed, 40 s passed, 64.9 s passed. The tables below are from run 1')
  expect(md).toContain('| a | passed | 1 | 2 | 3 | 0.1 | 2 | 1.5 (incl. actions) |')
  expect(md).toContain('not against AWS')
  expect(md).toContain('| a | us-east-1a | zonal us-east-1b | 3.7 | 12.7 | 20 | 9 | no |')
  expect(md).toContain('18 calls for 10 samples = 1.8 per sample (SendCommand 2, GetCommandInvocation 16, others 0); counted by the local SSM endpoint itself; the transport counted 17 of its 18 probe calls (1 unseen by it')
  expect(md).toContain('Calls per sample over the runs: 1.8 (1.7–1.9)')
  expect(md).toContain('| 100 | 21 (20–25) | 2 | 204 | 9 | 20 | 15 | 0.2 | 400/400 | 4600 | 900 | 102 |')
  expect(md).toContain('| 10 | – | 1 | – | – | error: boom |')
  expect(md).toContain('| a | 2 | 4 | 0.4 | 4.2 |')
})

test('the SSM line says when the counts are only the transport’s, and when the endpoint saw fewer calls', () => {
  const derived = renderFigures({ ...input, ssm: { ...input.ssm, source: 'derived-from-results', transport_check: null } })
  expect(derived).toContain("derived from results.json (derived-from-results): the transport's own counter, which misses the SDK's internal retries")
  const bad = renderFigures({ ...input, ssm: { ...input.ssm, transport_check: { ...input.ssm.transport_check!, consistent: false, inconsistent_scenarios: ['a'] } } })
  expect(bad).toContain('**inconsistent** in a')
})

test('the SSM line names the scenarios without an endpoint count and says whether they made calls', () => {
  const scenarios = { a: { source: 'endpoint', probe_samples: 10, api_calls: 18 }, refused: { source: 'derived-from-results', probe_samples: 0, api_calls: 0 } }
  expect(renderFigures({ ...input, ssm: { ...input.ssm, source: 'mixed', scenarios } })).toContain(
    'counted by the local SSM endpoint itself (1 scenarios carry no endpoint count: refused; none of them made an SSM call or took a sample); the transport counted 17',
  )
})

test('the load sentence says the machine was loaded when the 1-minute load passed its cores at any point', () => {
  expect(loadSentence(input)).toMatch(/^The machine was not loaded: .*\(at most 1\.5\)\.$/)
  const busy = { ...input, runs: { ...input.runs, suite: [...input.runs.suite, { run: 4, wall_s: 1, status: 'passed', loadavg_1m_at_start: 7.4 }] } }
  expect(loadSentence(busy)).toMatch(/^\*\*Taken on a loaded machine\*\*: the 1-minute load average reached 7\.4 on 2 cores/)
})

test('the README headline block holds the targets and points at the results file', () => {
  const md = renderHeadline(input)
  expect(md.startsWith(HEADLINE_START)).toBe(true)
  expect(md.endsWith(HEADLINE_END)).toBe(true)
  expect(md).toContain('Generated from `bench/results.json`')
  expect(md).toContain('| whole local suite wall time | < 60 s | 42 | 40–64.9; 42, 40, 64.9 | **met** |')
})

test('replaceBlock swaps the block between the markers and keeps the rest; extractBlock reads it back', () => {
  const readme = `# bench\n\nmethod\n\n${FIGURES_START}\nold\n${FIGURES_END}\n\nafter\n`
  const replaced = replaceBlock(readme, `${FIGURES_START}\nnew\n${FIGURES_END}`)
  expect(replaced).toBe(`# bench\n\nmethod\n\n${FIGURES_START}\nnew\n${FIGURES_END}\n\nafter\n`)
  expect(extractBlock(replaced)).toBe(`${FIGURES_START}\nnew\n${FIGURES_END}`)
  expect(extractBlock('# none')).toBeNull()
  expect(replaceBlock(`a ${HEADLINE_START} x ${HEADLINE_END} b`, 'H', HEADLINE_START, HEADLINE_END)).toBe('a H b')
})

test('replaceBlock appends the block when the markers are missing', () => {
  expect(replaceBlock('# bench\n', 'B')).toBe('# bench\n\nB\n')
})
