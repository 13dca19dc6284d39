import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { median } from '../stats/summarize-latency.js'
import { appendHistory, detectRegressions, historyEntriesFor, parseHistoryLines, readHistory, type HistoryEntry } from './history.js'
import { buildRunResults } from './test-fixtures.js'

function entry(run: number, p95: number | null, status: HistoryEntry['status'] = 'passed', overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    run_id: `run-${run}`,
    time: new Date(Date.UTC(2026, 10, run, 2)).toISOString(),
    target: 'aws',
    fixture: 'native-cross-region',
    scenario: 'cross-region',
    status,
    success_ratio: 1,
    phases: { apply_s: 200, ready_s: 60, probe_s: 15, destroy_s: 100 },
    names: [{ key: 'step 1 · eu-west-2a › regional', p50_ms: p95 === null ? null : p95 * 0.9, p95_ms: p95, success_ratio: 1 }],
    git_revision: 'abc123',
    ...overrides,
  }
}

describe('historyEntriesFor', () => {
  it('writes one line per scenario with stable per-name keys, percentiles and phases', () => {
    const results = buildRunResults()
    const entries = historyEntriesFor(results, 'a1b2c3d')
    expect(entries.map((e) => [e.scenario, e.status])).toEqual([
      ['same-region-overlapping-cidrs', 'passed'],
      ['cross-region-us-east-1-to-eu-west-2', 'failed'],
      ['peered-relay-overlapping-cidrs', 'error'],
    ])
    const failing = entries[1]!
    expect(failing).toMatchObject({ run_id: results.run_id, time: results.started_at, target: 'aws', fixture: 'native-cross-region', git_revision: 'a1b2c3d' })
    expect(failing.names.map((n) => n.key)).toEqual(['step 1 · eu-west-2a › regional', 'step 1 · eu-west-2a › zonal eu-west-2b', 'step 1 · eu-west-2a › tls'])
    expect(failing.names[1]).toMatchObject({ success_ratio: 0.95, p95_ms: results.scenarios[1]!.probes[1]!.latency_ms.p95 })
    expect(failing.success_ratio).toBeCloseTo(59 / 60)
    expect(failing.phases.apply_s).toBe(254.9)
    expect(entries[2]!.success_ratio).toBeNull()
    expect(entries[2]!.names).toEqual([])
  })

  it('numbers keys that would collide (two consumers in one AZ)', () => {
    const results = buildRunResults()
    const s = results.scenarios[0]!
    s.probes = [s.probes[0]!, { ...s.probes[0]!, consumer: 'i-0ffffffffffffffff' }]
    expect(historyEntriesFor(results, null)[0]!.names.map((n) => n.key)).toEqual(['step 1 · us-east-1a › regional', 'step 1 · us-east-1a › regional #2'])
  })
})

describe('history file', () => {
  it('appends JSON lines and reads them back, skipping a torn line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plh-history-'))
    try {
      const file = join(dir, 'nested', 'history.jsonl')
      expect(await readHistory(file)).toEqual([])
      await appendHistory(file, [entry(1, 80)])
      await appendHistory(file, [entry(2, 82), entry(3, 81)])
      expect((await readFile(file, 'utf8')).split('\n')).toHaveLength(4)
      await writeFile(file, `${await readFile(file, 'utf8')}{"run_id":"torn`, 'utf8')
      expect((await readHistory(file)).map((e) => e.run_id)).toEqual(['run-1', 'run-2', 'run-3'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('reports lines it skips', () => {
    const { entries, skipped } = parseHistoryLines(`${JSON.stringify(entry(1, 80))}\n\n{"x":1}\nnot json\n`)
    expect(entries).toHaveLength(1)
    expect(skipped.map((s) => s.line)).toEqual([3, 4])
  })
})

describe('detectRegressions', () => {
  it('computes a median', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 2, 3])).toBe(2.5)
  })

  it('flags a p95 rise beyond ratio and minimum, against the median of the previous runs', () => {
    const history = [80, 82, 200, 79, 81, 80, 83, 78].map((p95, i) => entry(i + 1, p95)).concat(entry(9, 130))
    const [r, ...rest] = detectRegressions(history)
    expect(rest).toEqual([])
    // the baseline is the last 7 runs before run 9: 82, 200, 79, 81, 80, 83, 78 → median 81
    expect(r).toMatchObject({ kind: 'p95-rise', run_id: 'run-9', name: 'step 1 · eu-west-2a › regional', p95_ms: 130, baseline_ms: 81, baseline_runs: 7 })
    expect(r?.kind === 'p95-rise' && r.ratio).toBeCloseTo(130 / 81)
    expect(r!.message).toContain('p95 130.0 ms vs median 81.0 ms of 7 previous runs')
  })

  it('does not flag small absolute rises, rises below the ratio, or thin baselines', () => {
    expect(detectRegressions([1, 2, 3, 4].map((i) => entry(i, 2)).concat(entry(5, 6)))).toEqual([]) // ×3 but +4 ms
    expect(detectRegressions([1, 2, 3, 4].map((i) => entry(i, 80)).concat(entry(5, 110)))).toEqual([]) // +30 ms but ×1.375
    expect(detectRegressions([entry(1, 80), entry(2, 80), entry(3, 200)])).toEqual([]) // 2 runs < minBaselineRuns 3
    expect(detectRegressions([entry(1, 80), entry(2, 80), entry(3, 200)], { minBaselineRuns: 2 })).toHaveLength(1)
    expect(detectRegressions([1, 2, 3, 4].map((i) => entry(i, 80)).concat(entry(5, 110)), { p95RiseRatio: 1.3, p95RiseMinMs: 20 })).toHaveLength(1)
  })

  it('flags a scenario that passed last run and fails or errors now, but not one that kept failing', () => {
    const started = detectRegressions([entry(1, 80), entry(2, 80, 'passed'), entry(3, null, 'error')])
    expect(started).toEqual([
      expect.objectContaining({ kind: 'started-failing', status: 'error', previous_status: 'passed', previous_run_id: 'run-2', run_id: 'run-3' }),
    ])
    expect(detectRegressions([entry(1, 80), entry(2, 80, 'failed'), entry(3, 80, 'failed')])).toEqual([])
  })

  it('keeps targets and scenarios apart, and judges a chosen run', () => {
    const aws = [1, 2, 3, 4].map((i) => entry(i, 80))
    const local = entry(5, 400, 'failed', { target: 'local' })
    expect(detectRegressions([...aws, local])).toEqual([])
    const history = [...aws, entry(5, 200), entry(6, 80)]
    expect(detectRegressions(history)).toEqual([])
    expect(detectRegressions(history, { runId: 'run-5' })).toEqual([expect.objectContaining({ kind: 'p95-rise', run_id: 'run-5' })])
  })

  it('names a bad option', () => {
    expect(() => detectRegressions([], { baselineRuns: 0 })).toThrow(/baselineRuns/)
    expect(() => detectRegressions([], { p95RiseRatio: 0.5 })).toThrow(/p95RiseRatio/)
  })
})
