import { describe, expect, it } from 'vitest'
import type { HistoryEntry } from '../report/history.js'
import { buildTrends, formatHistory, nameKindOfKey } from './history-command.js'

function entry(run: number, status: HistoryEntry['status'], regional: Array<[number, number]>, scenario = 'native-cross-region'): HistoryEntry {
  return {
    run_id: `run-${run}`,
    time: `2026-11-${String(10 + run)}T02:00:00.000Z`,
    target: 'aws',
    fixture: 'native-cross-region',
    scenario,
    status,
    success_ratio: status === 'passed' ? 1 : 0.95,
    phases: { apply_s: 1, ready_s: 1, probe_s: 1, destroy_s: 1 },
    names: [
      ...regional.map(([p50, p95], i) => ({ key: `step 1 · eu-west-2${'ab'[i]} › regional`, p50_ms: p50, p95_ms: p95, success_ratio: 1 })),
      { key: 'step 1 · eu-west-2a › zonal eu-west-2b', p50_ms: 500, p95_ms: 900, success_ratio: 1 },
    ],
    git_revision: null,
  }
}

describe('nameKindOfKey', () => {
  it('reads the kind of name from a history key', () => {
    expect(nameKindOfKey('step 1 · us-east-1a › regional')).toBe('regional')
    expect(nameKindOfKey('step 2 · us-east-1a › zonal us-east-1b #2')).toBe('zonal')
    expect(nameKindOfKey('garbage')).toBeNull()
  })
})

describe('buildTrends', () => {
  it('keeps the last N runs oldest first, with the median regional p50 and the worst regional p95', () => {
    const history = [entry(3, 'failed', [[80, 95], [84, 120]]), entry(1, 'passed', [[70, 90]]), entry(2, 'passed', [[72, 91]]), entry(1, 'passed', [[5, 6]], 'other')]
    const trends = buildTrends(history, 2)
    expect(trends.map((t) => t.scenario)).toEqual(['native-cross-region', 'other'])
    expect(trends[0]!.runs).toEqual([
      { run_id: 'run-2', time: '2026-11-12T02:00:00.000Z', status: 'passed', success_ratio: 1, regional_p50_ms: 72, regional_p95_ms: 91 },
      { run_id: 'run-3', time: '2026-11-13T02:00:00.000Z', status: 'failed', success_ratio: 0.95, regional_p50_ms: 82, regional_p95_ms: 120 },
    ])
  })

  it('shows no regional numbers for a run without a regional name', () => {
    const [trend] = buildTrends([{ ...entry(1, 'error', []), success_ratio: null }], 7)
    expect(trend!.runs[0]).toMatchObject({ regional_p50_ms: null, regional_p95_ms: null, success_ratio: null })
  })
})

describe('formatHistory', () => {
  it('draws the status strip and a row per run, then the regressions', () => {
    const trends = buildTrends([entry(1, 'passed', [[70, 90]]), entry(2, 'error', []), entry(3, 'failed', [[80, 95]])], 7)
    const text = formatHistory(trends, [], 'reports/history.jsonl')
    expect(text).toContain('native-cross-region  (aws · fixture native-cross-region)')
    expect(text).toContain('  status  ✓!✗   last 3 runs, oldest first')
    expect(text).toMatch(/ {2}run-3 +✗ failed +95 % +80\.0 ms +95\.0 ms\n/)
    expect(text).toMatch(/ {2}run-2 +! error +95 % +– +–\n/)
    expect(text).toContain('No regression in the latest run of any scenario.')
  })
})
