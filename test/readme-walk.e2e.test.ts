// The README walk: a clean copy of the repository, then the commands of the README's quick start
// and of docs/getting-started.md's tutorial, run as written (the ```sh walk blocks), each of which
// must exit 0; then the reports and the files the tutorial writes must be there.
//
// The copy is of the working tree (so uncommitted work is walked too), without node_modules,
// .git, reports, .plh and terraform's caches. Its node_modules is a folder of links to this
// checkout's packages, stamped as installed for its package-lock.json: install.sh's system
// package checks run for real, but `npm ci` is not re-run (no registry access here, and the
// machine is shared).
import { execa } from 'execa'
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const repo = resolve(import.meta.dirname, '..')
const isRoot = process.getuid?.() === 0
if (!isRoot) console.warn('readme walk: skipped — the local target needs root (network namespaces, nftables)')

/** The ```sh walk blocks of a markdown text, in order, each as its lines. */
export function walkBlocks(markdown: string): string[] {
  const blocks: string[] = []
  const fence = /^```sh walk[^\n]*\n([\s\S]*?)^```/gm
  for (const match of markdown.matchAll(fence)) blocks.push(match[1]!.trim())
  return blocks
}

const excluded = new Set(['node_modules', '.git', 'reports', '.plh', 'test-output', '.terraform'])

let clone = ''
afterAll(async () => {
  if (clone) await rm(clone, { recursive: true, force: true })
})

beforeAll(async () => {
  if (!isRoot) return
  clone = await mkdtemp(join(tmpdir(), 'plh-walk-'))
  await cp(repo, clone, {
    recursive: true,
    filter: (src) => !relative(repo, src).split('/').some((part) => excluded.has(part) || part.startsWith('.terraform')),
  })
  await mkdir(join(clone, 'node_modules'))
  for (const entry of await readdir(join(repo, 'node_modules'))) {
    if (entry === '.plh-lock-stamp') continue
    await symlink(join(repo, 'node_modules', entry), join(clone, 'node_modules', entry))
  }
  await copyFile(join(clone, 'package-lock.json'), join(clone, 'node_modules', '.plh-lock-stamp'))
}, 120_000)

describe.skipIf(!isRoot)('README walk in a clean copy', () => {
  it('finds the blocks to walk in README.md and docs/getting-started.md', async () => {
    expect(walkBlocks(await readFile(join(repo, 'README.md'), 'utf8')).length).toBeGreaterThanOrEqual(1)
    expect(walkBlocks(await readFile(join(repo, 'docs/getting-started.md'), 'utf8')).length).toBeGreaterThanOrEqual(4)
  })

  it('runs the quick start and the tutorial as written', { timeout: 1_500_000 }, async () => {
    const blocks = [
      ...walkBlocks(await readFile(join(clone, 'README.md'), 'utf8')).map((b) => ({ doc: 'README.md', block: b })),
      ...walkBlocks(await readFile(join(clone, 'docs/getting-started.md'), 'utf8')).map((b) => ({ doc: 'docs/getting-started.md', block: b })),
    ]
    const env: Record<string, string> = {}
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('PLH_') && !k.startsWith('VITEST') && k !== 'NODE_OPTIONS') env[k] = v
    env.CI = 'true'
    // every block runs (in order: the tutorial builds on itself); all failures are reported together
    const failures: string[] = []
    for (const { doc, block } of blocks) {
      const result = await execa('bash', ['-e', '-o', 'pipefail', '-c', block], { cwd: clone, env, extendEnv: false, reject: false, timeout: 900_000, all: true })
      if (result.exitCode !== 0) failures.push(`${doc}: exit ${result.exitCode}\n${block}\n--- output (end) ---\n${result.all?.slice(-3000)}`)
    }
    expect(failures.join('\n\n') || 'none', 'walked blocks that failed').toBe('none')

    // the reports: the nightly suite's and the tutorial's runs, latest pointing at a complete one
    const reports = join(clone, 'reports')
    const runs = (await readdir(reports)).filter((d) => /^\d{8}T\d{6}-[0-9a-f]{6}$/.test(d))
    expect(runs.length).toBeGreaterThanOrEqual(3)
    const latest = await readlink(join(reports, 'latest'))
    for (const file of ['index.html', 'results.json', 'junit.xml', 'run.log']) await expect(stat(join(reports, latest, file))).resolves.toBeTruthy()
    const results = JSON.parse(await readFile(join(reports, latest, 'results.json'), 'utf8'))
    expect(results.status).toBe('passed')
    expect((await readFile(join(reports, 'history.jsonl'), 'utf8')).trim().split('\n').length).toBeGreaterThanOrEqual(3)
    // what the tutorial wrote
    await expect(stat(join(clone, 'scenarios', 'my-first-check.scenario.ts'))).resolves.toBeTruthy()
    await expect(stat(join(clone, 'terraform', 'my-topology', 'manifest.json'))).resolves.toBeTruthy()
  })
})
