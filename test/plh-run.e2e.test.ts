// End to end: `plh run` on the local target, as a user runs it (real namespaces, real curl, the
// real AWS SDK against the local SSM endpoint), checking the observable contract: exit codes,
// results.json, junit.xml, reports/latest, and that nothing of the run is left behind.
import { execa } from 'execa'
import { mkdtemp, readFile, readlink, rm, symlink, mkdir, writeFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const repo = resolve(import.meta.dirname, '..')
const isRoot = process.getuid?.() === 0
if (!isRoot) console.warn('plh-run e2e: skipped — the local target needs root (network namespaces, nftables)')

const temps: string[] = []
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true })
})

async function plh(args: string[], env: Record<string, string> = {}) {
  return execa('node', [join(repo, 'bin/plh.mjs'), ...args], { cwd: repo, reject: false, env: { ...env, CI: '1' }, timeout: 300_000 })
}

async function namespacesOf(tag: string): Promise<string[]> {
  const { stdout } = await execa('ip', ['netns', 'list'])
  return stdout.split('\n').filter((l) => l.startsWith(`plh-${tag}-`))
}

/** A project root with its own scenarios/ and the repo's harness, fixtures and modules. */
async function scratchRoot(scenarios: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'plh-root-'))
  temps.push(root)
  for (const entry of ['harness', 'terraform', 'node_modules', 'package.json', 'tsconfig.json']) await symlink(join(repo, entry), join(root, entry))
  await mkdir(join(root, 'scenarios'))
  for (const [name, body] of Object.entries(scenarios)) await writeFile(join(root, 'scenarios', `${name}.scenario.ts`), body)
  return root
}

describe.skipIf(!isRoot)('plh run --target local', () => {
  it('runs every shipped scenario, writes the reports and leaves nothing behind', async () => {
    const reports = await mkdtemp(join(tmpdir(), 'plh-reports-'))
    temps.push(reports)
    const result = await plh(['run', '--target', 'local', '--report-dir', reports, '--quiet'])
    expect(result.exitCode, result.stdout + result.stderr).toBe(0)
    const runId = await readlink(join(reports, 'latest'))
    const dir = join(reports, runId)
    const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'))
    expect(results).toMatchObject({ run_id: runId, target: 'local', status: 'passed' })
    const names = results.scenarios.map((s: { name: string }) => s.name).sort()
    // every shipped scenario runs on the local target, the four fixtures' negative ones included
    const shipped = (await readdir(join(repo, 'scenarios'))).filter((f) => f.endsWith('.scenario.ts')).map((f) => f.replace(/\.scenario\.ts$/, '')).sort()
    expect(names).toEqual(shipped)
    expect(new Set(results.scenarios.map((s: { fixture: string }) => s.fixture))).toEqual(new Set(['same-region-cross-account', 'native-cross-region', 'peered-outpost-relay', 'tls-via-cname']))
    expect(results.scenarios.filter((s: { status: string }) => s.status !== 'passed')).toEqual([])
    // the comparison of the two cross-region topologies is evaluated from the run's own samples
    expect(results.comparisons).toEqual([expect.objectContaining({ name: 'native-vs-relay', a: 'native-cross-region', b: 'peered-outpost-relay' })])
    expect(results.comparisons[0].stats.a.n).toBeGreaterThan(0)
    // every probe that got answers carries the latency model and the measured median of its timing
    const answered = results.scenarios.flatMap((s: { probes: Array<{ ok: number; model?: unknown; measured_ms?: number }> }) => s.probes).filter((p: { ok: number }) => p.ok > 0)
    expect(answered.length).toBeGreaterThan(20)
    for (const p of answered) expect(p).toMatchObject({ model: { timing: 'time_starttransfer', expected_ms: expect.any(Number) }, measured_ms: expect.any(Number) })
    const main = results.scenarios.find((s: { name: string }) => s.name === 'same-region-cross-account')
    expect(main.status).toBe('passed')
    expect(Object.keys(main.phases).sort()).toEqual(['apply_s', 'destroy_s', 'probe_s', 'ready_s'])
    // two consumers × (regional + two zonal names), 20 samples each, all answered
    expect(main.probes).toHaveLength(6)
    for (const probe of main.probes) {
      expect(probe.samples).toBe(20)
      expect(probe.ok).toBe(20)
      expect(['regional', 'zonal']).toContain(probe.name_kind)
      expect(probe.latency_ms.p50).toBeGreaterThan(0)
      expect(probe.expectations.every((e: { status: string }) => e.status === 'passed')).toBe(true)
    }
    const zonal = main.probes.filter((p: { name_kind: string }) => p.name_kind === 'zonal')
    for (const p of zonal) expect(p.expectations.map((e: { name: string }) => e.name).join('\n')).toMatch(/resolves to .* ENI/)
    const junit = await readFile(join(dir, 'junit.xml'), 'utf8')
    expect(junit).toMatch(/<testsuites[^>]*tests="\d+"[^>]*failures="0"/)
    await expect(readFile(join(dir, 'index.html'), 'utf8')).resolves.toContain('<svg')
    const tag = runId.split('-').pop()!
    expect(await namespacesOf(tag)).toEqual([])
    expect(await readdir('/etc/netns').catch(() => []).then((e) => e.filter((n) => n.startsWith(`plh-${tag}-`)))).toEqual([])
    const { stdout: procs } = await execa('pgrep', ['-f', 'socket-agent.mjs'], { reject: false })
    expect(procs.trim()).toBe('')
  }, 300_000)

  it('exits 1 when an expectation fails, and still tears down', async () => {
    const root = await scratchRoot({
      'wrong-status': `import { defineScenario, probe } from '../harness/index.js'
export default defineScenario({ name: 'wrong-status', fixture: 'same-region-cross-account', description: 'expects a status the service never sends',
  steps: [probe({ names: ['regional'], samples: 2, expect: { status: 404 } })] })\n`,
    })
    const reports = join(root, 'reports')
    const result = await plh(['run', '--report-dir', reports, '--quiet'], { PLH_ROOT_OVERRIDE: root })
    expect(result.exitCode, result.stdout + result.stderr).toBe(1)
    const runId = await readlink(join(reports, 'latest'))
    const results = JSON.parse(await readFile(join(reports, runId, 'results.json'), 'utf8'))
    expect(results.scenarios[0].status).toBe('failed')
    expect(results.scenarios[0].probes[0].expectations.find((e: { name: string }) => e.name === 'HTTP 404').status).toBe('failed')
    // what the local SSM endpoint itself received reaches results.json, and it saw at least every call the transport counted
    const { ssm_calls_by_operation: served, ssm_api_calls: counted } = results.scenarios[0]
    expect(counted).toBeGreaterThanOrEqual(2)
    // one command per consumer (the fixture has two), and the readiness wait's DescribeInstanceInformation
    expect(served).toMatchObject({ SendCommand: 2, DescribeInstanceInformation: expect.any(Number) })
    expect(served.SendCommand + served.GetCommandInvocation).toBeGreaterThanOrEqual(counted)
    expect(await namespacesOf(runId.split('-').pop()!)).toEqual([])
  }, 300_000)

  it('exits 2 on bad input with one line naming the file and field, and applies nothing', async () => {
    const root = await scratchRoot({
      'bad-cidr': `import { defineScenario, probe } from '../harness/index.js'
export default defineScenario({ name: 'bad-cidr', fixture: 'same-region-cross-account', description: 'an invalid CIDR',
  vars: { consumer_cidr: '10.0.0.1/16' }, steps: [probe({ names: ['regional'] })] })\n`,
    })
    const before = (await execa('ip', ['netns', 'list'])).stdout
    const result = await plh(['run', '--report-dir', join(root, 'reports')], { PLH_ROOT_OVERRIDE: root })
    expect(result.exitCode).toBe(2)
    const lines = result.stderr.trim().split('\n').filter((l) => l.startsWith('plh:'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/scenarios\/bad-cidr\.scenario\.ts: vars\.consumer_cidr: .*host bits/)
    expect((await execa('ip', ['netns', 'list'])).stdout).toBe(before)
  }, 120_000)
})
