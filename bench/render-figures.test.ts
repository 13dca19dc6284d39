import { expect, test } from 'vitest'
import { FIGURES_END, FIGURES_START, renderFigures, replaceFigures, type FiguresInput } from './render-figures.js'

const input: FiguresInput = {
  at: '2026-11-25T13:53:36.193Z',
  command: 'npm run bench',
  machine: { cpus: 2, memory_gib: 24, node: 'v20.20.2', loadavg_at_start: [1, 2, 3], loadavg_at_end: [4, 5, 6] },
  bench_wall_s: 210.3,
  targets: [
    { target: 'whole local suite wall time', limit: '< 60 s', value: 42, met: true },
    { target: 'SSM API calls per probe sample', limit: '≤ 0.1', value: 1.8, met: false, note: 'polling' },
  ],
  suite: { wall_s: 42, status: 'passed', scenarios: { a: { status: 'passed', apply_s: 1, ready_s: 2, probe_s: 3, destroy_s: 0.1 } } },
  overhead_ratio: { a: { probe_s: 3, model_s: 2, ratio: 1.5, probe_s_source: 'phase-including-actions' } },
  fidelity: { summary: { paths: 1, passed: 0, failed: 1, max_error_ms: 9 }, paths: [{ scenario: 'a', name_kind: 'zonal', az: 'us-east-1b', consumer_az: 'us-east-1a', expected_ms: 3.7, median_ms: 12.7, p95_ms: 20, error_ms: 9, pass: false }] },
  ssm: { probe_samples: 10, api_calls: 18, by_operation: { SendCommand: 2, GetCommandInvocation: 16, others: 0 }, calls_per_sample: 1.8, floor_calls_per_sample: 0.4 },
  scale: { levels: [{ consumer_vpcs: 100, namespaces: 204, loadavg_1m_at_start: 9, apply_s: 20, apply_profile: { phases_s: { startServices: 15 } }, destroy_s: 0.2, names: { answered: 400, expected: 400 }, memory: { peak_upper_bound_mib: 4600, total_pss_peak_mib: 900, descendants_peak: 102 } }, { consumer_vpcs: 10, error: 'boom' }] },
  aws_projection: { scenarios: { a: { commands: 2, projected_api_calls: 4, projected_overhead_s: 4.2, projected_calls_per_sample: 0.4 } } },
}

test('renders every section with its figures between the markers', () => {
  const md = renderFigures(input)
  expect(md.startsWith(FIGURES_START)).toBe(true)
  expect(md.endsWith(FIGURES_END)).toBe(true)
  expect(md).toContain('`npm run bench` at 2026-11-25T13:53:36.193Z')
  expect(md).toContain('| whole local suite wall time | < 60 s | 42 | **met** |')
  expect(md).toContain('| SSM API calls per probe sample | ≤ 0.1 | 1.8 | **not met** (polling) |')
  expect(md).toContain('| a | passed | 1 | 2 | 3 | 0.1 | 2 | 1.5 (incl. actions) |')
  expect(md).toContain('| a | us-east-1a | zonal us-east-1b | 3.7 | 12.7 | 20 | 9 | no |')
  expect(md).toContain('18 calls for 10 samples = 1.8 per sample (SendCommand 2, GetCommandInvocation 16, others 0)')
  expect(md).toContain('| 100 | 204 | 9 | 20 | 15 | 0.2 | 400/400 | 4600 | 900 | 102 |')
  expect(md).toContain('| 10 | – | – | error: boom |')
  expect(md).toContain('| a | 2 | 4 | 0.4 | 4.2 |')
})

test('replaceFigures swaps the block between the markers and keeps the rest', () => {
  const readme = `# bench\n\nmethod\n\n${FIGURES_START}\nold\n${FIGURES_END}\n\nafter\n`
  expect(replaceFigures(readme, `${FIGURES_START}\nnew\n${FIGURES_END}`)).toBe(`# bench\n\nmethod\n\n${FIGURES_START}\nnew\n${FIGURES_END}\n\nafter\n`)
})

test('replaceFigures appends the block when the markers are missing', () => {
  expect(replaceFigures('# bench\n', 'B')).toBe('# bench\n\nB\n')
})
