// End to end: a sharded run on the local target as two CI machines would do it (`plh run --shard
// 1/2` and `2/2`, each with its own report folder), joined by `plh report --merge`; and a bad
// comparison file stopping `plh run` before anything is applied.
import { execa } from 'execa'
import { mkdir, mkdtemp, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const repo = resolve(import.meta.dirname, '..')
const isRoot = process.getuid?.() === 0
if (!isRoot) console.warn('plh-run-shard e2e: skipped — the local target needs root (network namespaces, nftables)')

const temps: string[] = []
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true })
})

async function plh(args: string[], root: string, env: Record<string, string> = {}) {
  return execa('node', [join(repo, 'bin/plh.mjs'), ...args], { cwd: root, reject: false, env: { PLH_ROOT_OVERRIDE: root, CI: '1', ...env }, timeout: 300_000 })
}

/** A project root with its own scenarios/ (scenario and comparison files) and the repo's harness, fixtures and modules. */
async function scratchRoot(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'plh-shard-root-'))
  temps.push(root)
  for (const entry of ['harness', 'terraform', 'node_modules', 'package.json', 'tsconfig.json']) await symlink(join(repo, entry), join(root, entry))
  await mkdir(join(root, 'scenarios'))
  for (const [name, body] of Object.entries(files)) await writeFile(join(root, 'scenarios', name), body)
  return root
}

const tinyScenario = (name: string) => `import { defineScenario, probe } from '../harness/index.js'
export default defineScenario({ name: '${name}', fixture: 'same-region-cross-account', description: 'the regional name answers',
  steps: [probe({ names: ['regional'], samples: 6 })] })\n`

const comparison = (a: string, b: string) => `import { defineComparison } from '../harness/index.js'
export default defineComparison({ name: 'tiny-a-vs-b', description: 'the same topology twice', a: '${a}', b: '${b}' })\n`

const exists = (path: string) => stat(path).then(() => true, () => false)

describe.skipIf(!isRoot)('plh run --shard and plh report --merge', () => {
  it('two shards write partial reports without history; the merge writes one run, one history line per scenario, the comparison', async () => {
    const root = await scratchRoot({
      'tiny-a.scenario.ts': tinyScenario('tiny-a'),
      'tiny-b.scenario.ts': tinyScenario('tiny-b'),
      'tiny-a-vs-b.comparison.ts': comparison('tiny-a', 'tiny-b'),
    })
    const shardDirs: string[] = []
    for (const [i, expected] of [[1, 'tiny-a'], [2, 'tiny-b']] as const) {
      const reports = join(root, `machine-${i}`)
      const result = await plh(['run', '--shard', `${i}/2`, '--report-dir', reports, '--quiet'], root)
      expect(result.exitCode, result.stdout + result.stderr).toBe(0)
      const dir = join(reports, await readlink(join(reports, 'latest')))
      const partial = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'))
      expect(partial.shard).toEqual({ index: i, count: 2 })
      expect(partial.scenarios.map((s: { name: string }) => s.name)).toEqual([expected])
      // only one side of the comparison ran here: it is left for the merge
      expect(partial.comparisons).toBeUndefined()
      expect(await exists(join(reports, 'history.jsonl'))).toBe(false)
      expect(await readFile(join(dir, 'junit.xml'), 'utf8')).toMatch(/<testsuite name="[^"]*tiny-/)
      shardDirs.push(dir)
    }
    const reports = join(root, 'reports')
    const merge = await plh(['report', '--merge', ...shardDirs, '--report-dir', reports], root)
    expect(merge.exitCode, merge.stdout + merge.stderr).toBe(0)
    const runId = await readlink(join(reports, 'latest'))
    const merged = JSON.parse(await readFile(join(reports, runId, 'results.json'), 'utf8'))
    expect(merged).toMatchObject({ run_id: runId, target: 'local', status: 'passed' })
    expect(merged.scenarios.map((s: { name: string }) => s.name)).toEqual(['tiny-a', 'tiny-b'])
    expect(merged.comparisons).toHaveLength(1)
    expect(merged.comparisons[0]).toMatchObject({ name: 'tiny-a-vs-b', status: 'informational' })
    expect(merged.comparisons[0].stats.a.n).toBeGreaterThan(0)
    const junit = await readFile(join(reports, runId, 'junit.xml'), 'utf8')
    expect(junit.match(/<testsuite /g)).toHaveLength(2)
    const history = (await readFile(join(reports, 'history.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l))
    expect(history.map((e) => [e.run_id, e.scenario])).toEqual([[runId, 'tiny-a'], [runId, 'tiny-b']])
  }, 600_000)

  it('exits 2 naming the file and field when a comparison names an unknown scenario, before anything is applied', async () => {
    const root = await scratchRoot({ 'tiny-a.scenario.ts': tinyScenario('tiny-a'), 'tiny-a-vs-b.comparison.ts': comparison('tiny-a', 'tiny-z') })
    // a state folder of its own: a run registers there before it applies anything (other runs
    // on this machine may be adding namespaces meanwhile, so the namespace list proves nothing)
    const state = join(root, 'state')
    const result = await plh(['run', '--report-dir', join(root, 'reports')], root, { PLH_STATE_DIR: state })
    expect(result.exitCode).toBe(2)
    const lines = result.stderr.trim().split('\n').filter((l) => l.startsWith('plh:'))
    // one line, with issue 20's suggestion for a near miss
    expect(lines).toEqual(['plh: scenarios/tiny-a-vs-b.comparison.ts: b: unknown scenario "tiny-z"; known: tiny-a; did you mean "tiny-a"?'])
    expect(await exists(join(root, 'reports'))).toBe(false)
    expect(await exists(join(state, 'runs'))).toBe(false)
  }, 120_000)
})
