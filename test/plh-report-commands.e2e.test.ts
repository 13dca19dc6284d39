// End to end: `plh report --merge`, `plh compare` and `plh history` as a user runs them (the real
// CLI in a child process) on recorded results: the sample runs of harness/report/test-fixtures.ts
// written as the partial reports of two shards, and a scratch project root with a comparison file.
import { execa } from 'execa'
import { cp, mkdir, mkdtemp, readFile, readlink, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunResults } from '../harness/core/results.js'
import { formatHistoryLines, historyEntriesFor } from '../harness/report/history.js'
import { buildErrorScenario, buildFailingScenario, buildPassingScenario } from '../harness/report/test-fixtures.js'

const repo = resolve(import.meta.dirname, '..')
let work: string
let root: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'plh-report-cli-'))
  // a project root with the repo's harness and modules and its own scenarios/: two scenario
  // names and a comparison between them (only the names of scenario files are read)
  root = join(work, 'root')
  await mkdir(join(root, 'scenarios'), { recursive: true })
  for (const entry of ['harness', 'node_modules', 'package.json', 'tsconfig.json']) await symlink(join(repo, entry), join(root, entry))
  for (const name of ['same-region-overlapping-cidrs', 'cross-region-us-east-1-to-eu-west-2', 'peered-relay-overlapping-cidrs']) {
    await writeFile(join(root, 'scenarios', `${name}.scenario.ts`), 'export default {}\n')
  }
  await writeFile(
    join(root, 'scenarios', 'same-vs-cross.comparison.ts'),
    `import { defineComparison } from '../harness/index.ts'
export default defineComparison({
  name: 'same-vs-cross',
  description: 'same-region PrivateLink against cross-region',
  a: 'same-region-overlapping-cidrs',
  b: 'cross-region-us-east-1-to-eu-west-2',
  expect: { faster: 'a', by_at_least_ms: 20 },
})
`,
  )
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

async function plh(args: string[]) {
  return execa('node', [join(repo, 'bin/plh.mjs'), ...args], { cwd: work, reject: false, env: { PLH_ROOT_OVERRIDE: root, CI: '1' }, timeout: 120_000 })
}

function junitOf(file: string, tests: number, failures: number): string {
  const cases = Array.from({ length: tests }, (_, i) =>
    i < failures
      ? `        <testcase classname="${file}" name="case ${i} &gt; p95 &lt; 90 ms" time="0.001">\n            <failure message="p95 103.4 ms &gt; 90 ms" type="Error"></failure>\n        </testcase>`
      : `        <testcase classname="${file}" name="case ${i}" time="0.001">\n        </testcase>`,
  ).join('\n')
  return `<?xml version="1.0" encoding="UTF-8" ?>\n<testsuites name="vitest tests" tests="${tests}" failures="${failures}" errors="0" time="1.5">\n    <testsuite name="${file}" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="1.5">\n${cases}\n    </testsuite>\n</testsuites>\n`
}

/** Writes one shard's report directory as `plh run --shard` leaves it. */
async function writeShard(name: string, results: RunResults, junit: string): Promise<string> {
  const dir = join(work, name)
  await mkdir(join(dir, 'logs', results.scenarios[0]!.name), { recursive: true })
  await writeFile(join(dir, 'results.json'), JSON.stringify(results, null, 2))
  await writeFile(join(dir, 'junit.xml'), junit)
  await writeFile(join(dir, 'logs', results.scenarios[0]!.name, 'run.log'), `log of ${name}\n`)
  return dir
}

const base = { target: 'aws', status: 'passed' as const, git_revision: 'a1b2c3d4e5f60718293a' }

describe('plh report --merge', () => {
  let shard1: string
  let shard2: string
  const reports = () => join(work, 'reports')

  beforeAll(async () => {
    shard1 = await writeShard(
      'shard-1',
      { ...base, run_id: '20261121T020000-aaaaaa', started_at: '2026-11-21T02:00:00.000Z', finished_at: '2026-11-21T02:06:00.000Z', scenarios: [buildPassingScenario()], shard: { index: 1, count: 2 } },
      junitOf('same-region-overlapping-cidrs.scenario.test.ts', 3, 0),
    )
    shard2 = await writeShard(
      'shard-2',
      { ...base, run_id: '20261121T020003-bbbbbb', started_at: '2026-11-21T02:00:03.000Z', finished_at: '2026-11-21T02:08:00.000Z', status: 'failed', scenarios: [buildFailingScenario()], shard: { index: 2, count: 2 } },
      junitOf('cross-region-us-east-1-to-eu-west-2.scenario.test.ts', 4, 2),
    )
  })

  it('joins two shard directories into one report, junit, history entry per scenario, with the comparison across shards', async () => {
    const result = await plh(['report', '--merge', shard1, shard2, '--report-dir', reports()])
    // the merged run failed (a scenario of shard 2 failed): the merge says so with its exit code
    expect(result.exitCode, result.stdout + result.stderr).toBe(1)
    expect(result.stdout).toMatch(/merged 2 shards \(20261121T020000-aaaaaa, 20261121T020003-bbbbbb\) into run \S+ on aws: FAILED/)
    expect(result.stdout).toMatch(/\nComparisons:\n {2}✓ same-vs-cross: passed — expected same-region-overlapping-cidrs to be faster by at least 20 ms: /)
    const runId = await readlink(join(reports(), 'latest'))
    const dir = join(reports(), runId)
    const merged = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as RunResults
    expect(merged).toMatchObject({ run_id: runId, target: 'aws', status: 'failed', merged_from: ['20261121T020000-aaaaaa', '20261121T020003-bbbbbb'], git_revision: base.git_revision })
    expect(merged.shard).toBeUndefined()
    expect(merged.scenarios.map((s) => s.name)).toEqual(['same-region-overlapping-cidrs', 'cross-region-us-east-1-to-eu-west-2'])
    expect(merged.started_at).toBe('2026-11-21T02:00:00.000Z')
    expect(merged.finished_at).toBe('2026-11-21T02:08:00.000Z')
    // the comparison file of the project root, evaluated over scenarios that ran on different machines
    expect(merged.comparisons).toHaveLength(1)
    expect(merged.comparisons![0]).toMatchObject({ name: 'same-vs-cross', status: 'passed', timing: 'time_total' })
    expect(merged.comparisons![0]!.stats!.sentence).toMatch(/^same-region-overlapping-cidrs is faster by 7\d\.\d ms \(95% CI/)

    const junit = await readFile(join(dir, 'junit.xml'), 'utf8')
    expect(junit).toMatch(/<testsuites name="vitest tests" tests="7" failures="2" errors="0" time="3\.000">/)
    expect(junit.match(/<testsuite /g)).toHaveLength(2)
    expect(junit).toContain('name="case 0 &gt; p95 &lt; 90 ms"')

    const page = await readFile(join(dir, 'index.html'), 'utf8')
    expect(page).toContain('<section id="comparisons"><h2>Comparison</h2>')
    expect(page).toContain('same-region PrivateLink against cross-region')
    expect(await readFile(join(dir, 'logs', 'same-region-overlapping-cidrs', 'run.log'), 'utf8')).toBe('log of shard-1\n')
    expect(await readFile(join(dir, 'logs', 'cross-region-us-east-1-to-eu-west-2', 'run.log'), 'utf8')).toBe('log of shard-2\n')

    const history = (await readFile(join(reports(), 'history.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l))
    expect(history.map((e) => [e.run_id, e.scenario, e.status])).toEqual([
      [runId, 'same-region-overlapping-cidrs', 'passed'],
      [runId, 'cross-region-us-east-1-to-eu-west-2', 'failed'],
    ])
  })

  it('refuses the same shard twice and mixed targets with exit 2, writing nothing', async () => {
    const before = await readdir(reports())
    const historyBefore = await readFile(join(reports(), 'history.jsonl'), 'utf8')
    const twice = await plh(['report', '--merge', shard1, shard1, '--report-dir', reports()])
    expect(twice.exitCode).toBe(2)
    expect(twice.stderr.trim()).toBe('plh: shard-1/results.json: shard.index: shard 1/2 again (also shard-1/results.json)')
    const local = await writeShard(
      'shard-2-local',
      { ...base, target: 'local', run_id: '20261121T020009-cccccc', started_at: '2026-11-21T02:00:09.000Z', finished_at: '2026-11-21T02:05:00.000Z', scenarios: [buildErrorScenario()], shard: { index: 2, count: 2 } },
      junitOf('peered-relay-overlapping-cidrs.scenario.test.ts', 1, 0),
    )
    const mixed = await plh(['report', '--merge', shard1, local, '--report-dir', reports()])
    expect(mixed.exitCode).toBe(2)
    expect(mixed.stderr).toMatch(/^plh: shard-2-local\/results\.json: target: "local" but shard-1\/results\.json ran on "aws"/)
    expect(await readdir(reports())).toEqual(before)
    expect(await readFile(join(reports(), 'history.jsonl'), 'utf8')).toBe(historyBefore)
  })

  it('takes each machine\'s reports folder (a CI artifact) for its only run, and refuses a folder of several runs', async () => {
    for (const [i, dir] of [[1, shard1], [2, shard2]] as const) await cp(dir, join(work, `artifact-${i}`, `run-of-machine-${i}`), { recursive: true })
    const out = join(work, 'merged-from-artifacts')
    const result = await plh(['report', '--merge', join(work, 'artifact-1'), join(work, 'artifact-2'), '--out', out, '--report-dir', join(work, 'reports-artifacts')])
    expect(result.exitCode, result.stdout + result.stderr).toBe(1)
    const merged = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as RunResults
    expect(merged.merged_from).toEqual(['20261121T020000-aaaaaa', '20261121T020003-bbbbbb'])
    await cp(shard2, join(work, 'artifact-1', 'another-run'), { recursive: true })
    const several = await plh(['report', '--merge', join(work, 'artifact-1'), '--report-dir', join(work, 'reports-artifacts')])
    expect(several.exitCode).toBe(2)
    expect(several.stderr).toMatch(/^plh: artifact-1: results\.json: missing, and the folder holds 2 runs: name one of them/)
  })

  it('refuses a directory without results.json and a call without --merge', async () => {
    const empty = await plh(['report', '--merge', join(work, 'root'), '--report-dir', reports()])
    expect(empty.exitCode).toBe(2)
    expect(empty.stderr).toMatch(/^plh: root: results\.json: missing/)
    const nothing = await plh(['report'])
    expect(nothing.exitCode).toBe(2)
    expect(nothing.stderr).toMatch(/give --merge DIR/)
  })

  it('plh compare reads the merged run: scenario names of the latest run, --json, and bad arguments', async () => {
    const text = await plh(['compare', 'same-region-overlapping-cidrs', 'cross-region-us-east-1-to-eu-west-2', '--report-dir', reports(), '--timing', 'time_total'])
    expect(text.exitCode, text.stderr).toBe(0)
    expect(text.stdout).toMatch(/^same-region-overlapping-cidrs {2}vs {2}cross-region-us-east-1-to-eu-west-2 {2}\(regional names, time_total\)/)
    expect(text.stdout).toMatch(/→ same-region-overlapping-cidrs is faster by 7\d\.\d ms \(95% CI \d+\.\d–\d+\.\d ms, p < 0\.001\)/)

    const runId = await readlink(join(reports(), 'latest'))
    const json = await plh(['compare', `${runId}/same-region-overlapping-cidrs`, `${join(shard2, 'results.json')}#cross-region-us-east-1-to-eu-west-2`, '--report-dir', reports(), '--json'])
    expect(json.exitCode, json.stderr).toBe(0)
    const [comparison] = JSON.parse(json.stdout)
    expect(comparison).toMatchObject({ a: 'same-region-overlapping-cidrs', b: 'cross-region-us-east-1-to-eu-west-2', name_kind: 'regional', timing: 'time_total', status: 'informational' })
    expect(comparison.stats.a.n).toBe(20)
    expect(comparison.stats.verdict).toBe('a-faster')

    // two runs: their same-named scenarios
    const runs = await plh(['compare', shard1, join(reports(), runId), '--json'])
    expect(runs.exitCode, runs.stderr).toBe(0)
    const pairs = JSON.parse(runs.stdout)
    expect(pairs.map((p: { a: string }) => p.a)).toEqual(['same-region-overlapping-cidrs (20261121T020000-aaaaaa)'])
    expect(pairs[0].stats.median_diff_ms).toBe(0)
    expect(pairs[0].stats.verdict).toBe('indistinguishable')

    const bad = await plh(['compare', 'same-region-overlapping-cidrs', 'no-such-scenario', '--report-dir', reports()])
    expect(bad.exitCode).toBe(2)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    expect(bad.stderr).toMatch(/^plh: compare <b> "no-such-scenario": no scenario "no-such-scenario" in the latest run/)
    const mixed = await plh(['compare', shard1, 'same-region-overlapping-cidrs', '--report-dir', reports()])
    expect(mixed.exitCode).toBe(2)
    expect(mixed.stderr).toMatch(/compare a run with a run, or a scenario with a scenario/)
    const kind = await plh(['compare', 'a', 'b', '--name-kind', 'ip'])
    expect(kind.exitCode).toBe(2)
    expect(kind.stderr).toMatch(/--name-kind/)
  })
})

describe('plh history', () => {
  const dir = () => join(work, 'history-reports')

  /** Six nightly runs; in the last one the cross-region scenario's regional p95 doubles. */
  beforeAll(async () => {
    await mkdir(dir(), { recursive: true })
    const lines = [1, 2, 3, 4, 5, 6].flatMap((night) => {
      const results: RunResults = {
        run_id: `20261${night}01T020000-00000${night}`,
        target: 'aws',
        started_at: `2026-11-0${night}T02:00:00.000Z`,
        finished_at: `2026-11-0${night}T02:10:00.000Z`,
        status: 'passed',
        scenarios: [{ ...buildPassingScenario() }, { ...buildFailingScenario(), status: 'passed' }],
      }
      return historyEntriesFor(results, null).map((e) =>
        night === 6 && e.scenario === 'cross-region-us-east-1-to-eu-west-2'
          ? { ...e, names: e.names.map((n) => (n.key.endsWith('› regional') ? { ...n, p95_ms: n.p95_ms! * 2 } : n)) }
          : e,
      )
    })
    await writeFile(join(dir(), 'history.jsonl'), formatHistoryLines(lines))
  })

  it('prints the trend per scenario and exits 1 with the numbers of a p95 regression', async () => {
    const result = await plh(['history', '--report-dir', dir(), '--last', '5'])
    expect(result.exitCode, result.stderr).toBe(1)
    expect(result.stdout).toContain('cross-region-us-east-1-to-eu-west-2  (aws · fixture native-cross-region)')
    expect(result.stdout).toMatch(/status {2}✓✓✓✓✓ {3}last 5 runs/)
    expect(result.stdout).toMatch(/Regressions \(1\):\n {2}✗ \[p95-rise\] cross-region-us-east-1-to-eu-west-2 step 1 · eu-west-2a › regional: p95 \d+\.\d ms vs median \d+\.\d ms of 5 previous runs \(×2\.00/)
  })

  it('narrows to a scenario, takes a threshold, speaks JSON, and refuses bad options with exit 2', async () => {
    const calm = await plh(['history', '--report-dir', dir(), '--scenario', 'same-region-overlapping-cidrs', '--json'])
    expect(calm.exitCode, calm.stderr).toBe(0)
    const parsed = JSON.parse(calm.stdout)
    expect(parsed.scenarios.map((s: { scenario: string }) => s.scenario)).toEqual(['same-region-overlapping-cidrs'])
    expect(parsed.scenarios[0].runs).toHaveLength(6)
    expect(parsed.regressions).toEqual([])
    const lenient = await plh(['history', '--report-dir', dir(), '--threshold', '2.5'])
    expect(lenient.exitCode).toBe(0)
    expect(lenient.stdout).toContain('No regression')
    for (const [args, option] of [[['--last', '0'], '--last'], [['--threshold', '0.5'], '--threshold'], [['--scenario', 'nope'], '--scenario']] as const) {
      const bad = await plh(['history', '--report-dir', dir(), ...args])
      expect(bad.exitCode).toBe(2)
      expect(bad.stderr).toContain(option)
    }
  })
})
