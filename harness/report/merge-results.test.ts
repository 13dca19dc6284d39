import { describe, expect, it } from 'vitest'
import { comparisonSchema } from '../core/comparison.js'
import { InputError } from '../core/errors.js'
import type { RunResults } from '../core/results.js'
import { mergeShardResults, type ShardPart } from './merge-results.js'
import { buildErrorScenario, buildFailingScenario, buildPassingScenario } from './test-fixtures.js'

function shard(index: number, count: number, scenarios: RunResults['scenarios'], overrides: Partial<RunResults> = {}): ShardPart {
  return {
    source: `shard-${index}/results.json`,
    results: {
      run_id: `20261121T02000${index}-00000${index}`,
      target: 'aws',
      started_at: `2026-11-21T02:00:0${index}.000Z`,
      finished_at: `2026-11-21T02:1${index}:00.000Z`,
      status: 'passed',
      scenarios,
      shard: { index, count },
      git_revision: 'a1b2c3d4e5f6a7b8c9d0',
      ...overrides,
    },
  }
}

function inputError(fn: () => unknown): InputError {
  try {
    fn()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('no InputError')
}

describe('mergeShardResults', () => {
  it('joins two shards into one run: scenarios in shard order, earliest start, latest end, status recomputed', () => {
    const merged = mergeShardResults([shard(2, 2, [buildFailingScenario()]), shard(1, 2, [buildPassingScenario(), buildErrorScenario()])], { runId: 'merged-1' })
    expect(merged.run_id).toBe('merged-1')
    expect(merged.target).toBe('aws')
    expect(merged.scenarios.map((s) => s.name)).toEqual(['same-region-overlapping-cidrs', 'peered-relay-overlapping-cidrs', 'cross-region-us-east-1-to-eu-west-2'])
    expect(merged.started_at).toBe('2026-11-21T02:00:01.000Z')
    expect(merged.finished_at).toBe('2026-11-21T02:12:00.000Z')
    expect(merged.status).toBe('error')
    expect(merged.merged_from).toEqual(['20261121T020001-000001', '20261121T020002-000002'])
    expect(merged.git_revision).toBe('a1b2c3d4e5f6a7b8c9d0')
    expect(merged.shard).toBeUndefined()
  })

  it('evaluates a comparison whose two scenarios ran on different shards', () => {
    const comparison = comparisonSchema.parse({ name: 'c', description: 'd', a: 'same-region-overlapping-cidrs', b: 'cross-region-us-east-1-to-eu-west-2', expect: { faster: 'a' } })
    const merged = mergeShardResults([shard(1, 2, [buildPassingScenario()]), shard(2, 2, [buildFailingScenario()])], { runId: 'm', comparisons: [comparison] })
    expect(merged.comparisons).toHaveLength(1)
    expect(merged.comparisons![0]).toMatchObject({ name: 'c', status: 'passed' })
    expect(merged.comparisons![0]!.stats!.verdict).toBe('a-faster')
  })

  it('refuses the same shard twice, naming the file and field', () => {
    const error = inputError(() => mergeShardResults([shard(1, 2, [buildPassingScenario()]), { ...shard(1, 2, [buildFailingScenario()]), source: 'copy/results.json' }], { runId: 'm' }))
    expect(error.message).toBe('copy/results.json: shard.index: shard 1/2 again (also shard-1/results.json)')
  })

  it('refuses one scenario in two shards', () => {
    const error = inputError(() => mergeShardResults([shard(1, 2, [buildPassingScenario()]), shard(2, 2, [buildPassingScenario()])], { runId: 'm' }))
    expect(error.message).toBe('shard-2/results.json: scenarios: scenario "same-region-overlapping-cidrs" is also in shard-1/results.json')
  })

  it('refuses mixed targets, shard counts and revisions', () => {
    expect(inputError(() => mergeShardResults([shard(1, 2, [buildPassingScenario()]), shard(2, 2, [buildFailingScenario()], { target: 'local' })], { runId: 'm' })).message).toMatch(
      /^shard-2\/results\.json: target: "local" but shard-1\/results\.json ran on "aws"/,
    )
    expect(inputError(() => mergeShardResults([shard(1, 2, [buildPassingScenario()]), shard(2, 3, [buildFailingScenario()])], { runId: 'm' })).field).toBe('shard.count')
    expect(inputError(() => mergeShardResults([shard(1, 2, [buildPassingScenario()]), shard(2, 2, [buildFailingScenario()], { git_revision: 'ffff' })], { runId: 'm' })).field).toBe('git_revision')
  })

  it('refuses results that are not a shard, and missing shards unless allowed', () => {
    const plain = shard(1, 2, [buildPassingScenario()])
    delete plain.results.shard
    expect(inputError(() => mergeShardResults([plain], { runId: 'm' })).message).toMatch(/^shard-1\/results\.json: shard: not the results of a shard/)
    expect(inputError(() => mergeShardResults([shard(1, 3, [buildPassingScenario()])], { runId: 'm' })).message).toBe(
      'plh report: --merge: shards 2/3, 3/3 missing (pass --allow-missing to join the others)',
    )
    expect(mergeShardResults([shard(1, 3, [buildPassingScenario()])], { runId: 'm', allowMissing: true }).scenarios).toHaveLength(1)
  })
})
