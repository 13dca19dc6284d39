import { mkdtemp, readFile, readlink, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { comparisonSchema } from '../core/comparison.js'
import type { RunResults, ScenarioResult } from '../core/results.js'
import { buildPassingScenario, buildProbeResult } from '../report/test-fixtures.js'
import { finishRun } from './finish-run.js'
import type { PreparedRun } from './prepare-run.js'
import { exitCodeOfRun } from './summarize-run.js'

const repo = resolve(import.meta.dirname, '../..')
const temps: string[] = []
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true })
})

function scenarioAt(name: string, base: number, seed: number): ScenarioResult {
  return { ...buildPassingScenario(), name, probes: [buildProbeResult({ consumer_az: 'eu-west-2a', dns_name: `${name}.example`, name_kind: 'regional', base_ms: base, seed, samples: 30 })] }
}

async function preparedRun(expect: { faster: 'a' | 'b' }, shard?: { index: number; count: number }): Promise<PreparedRun> {
  const reportsRoot = await mkdtemp(join(tmpdir(), 'plh-finish-'))
  temps.push(reportsRoot)
  const runId = '20261125T020000-abcdef'
  const comparison = comparisonSchema.parse({ name: 'native-vs-relay', description: 'native against relay', a: 'native-cross-region', b: 'peered-outpost-relay', expect })
  return {
    root: repo,
    selected: [],
    runId,
    tag: 'abcdef',
    reportsRoot,
    dir: join(reportsRoot, runId),
    startedAt: new Date('2026-11-25T02:00:00Z'),
    comparisons: [{ file: 'scenarios/native-vs-relay.comparison.ts', comparison }],
    ...(shard ? { shard } : {}),
    unregister: async () => undefined,
  }
}

const scenarios = () => [scenarioAt('native-cross-region', 78, 1), scenarioAt('peered-outpost-relay', 92, 2)]

describe('finishRun with comparisons and shards', () => {
  it('evaluates comparisons into results.json and the report; a held expectation keeps the run passing', async () => {
    const run = await preparedRun({ faster: 'a' })
    const results = await finishRun(run, 'local', scenarios())
    expect(results.status).toBe('passed')
    expect(exitCodeOfRun(results)).toBe(0)
    const written = JSON.parse(await readFile(join(run.dir, 'results.json'), 'utf8')) as RunResults
    expect(written.comparisons).toHaveLength(1)
    expect(written.comparisons![0]).toMatchObject({ name: 'native-vs-relay', status: 'passed', expect: { faster: 'a' } })
    expect(written.comparisons![0]!.stats!.sentence).toMatch(/^native-cross-region is faster by 1\d\.\d ms/)
    expect(await readFile(join(run.dir, 'index.html'), 'utf8')).toContain('id="comparisons"')
    expect(await readFile(join(run.reportsRoot, 'history.jsonl'), 'utf8')).toContain('"run_id":"20261125T020000-abcdef"')
  })

  it('fails the run (exit 1) when a comparison expectation does not hold', async () => {
    const results = await finishRun(await preparedRun({ faster: 'b' }), 'local', scenarios())
    expect(results.comparisons![0]!.status).toBe('failed')
    expect(results.status).toBe('failed')
    expect(exitCodeOfRun(results)).toBe(1)
  })

  it('leaves out a comparison whose scenarios did not both run', async () => {
    const results = await finishRun(await preparedRun({ faster: 'b' }), 'local', [scenarios()[0]!])
    expect(results.comparisons).toBeUndefined()
    expect(results.status).toBe('passed')
  })

  it('marks a shard\'s partial results and does not append them to the history', async () => {
    const run = await preparedRun({ faster: 'a' }, { index: 2, count: 3 })
    const results = await finishRun(run, 'local', scenarios())
    expect(results.shard).toEqual({ index: 2, count: 3 })
    const written = JSON.parse(await readFile(join(run.dir, 'results.json'), 'utf8')) as RunResults
    expect(written.shard).toEqual({ index: 2, count: 3 })
    await expect(stat(join(run.reportsRoot, 'history.jsonl'))).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await readlink(join(run.reportsRoot, 'latest'))).toBe(run.runId)
  })
})
