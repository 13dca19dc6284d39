// End to end: the progress a user sees from `plh run` when stdout is not a terminal (CI=true):
// one plain line per phase change in lifecycle order, samples done out of total per consumer,
// and the summary with the report's path; plus the run's own run.log.
import { execa } from 'execa'
import { mkdtemp, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseTerraformEvent } from '../harness/targets/aws/terraform/terraform-events.js'
import type { ProgressEvent } from '../harness/run/progress/progress-event.js'
import { tailProgress } from '../harness/run/progress/tail-progress.js'
import { openProgressWriter, progressFolder } from '../harness/run/progress/write-progress.js'

const repo = resolve(import.meta.dirname, '..')
const isRoot = process.getuid?.() === 0
if (!isRoot) console.warn('progress e2e: skipped — the local target needs root (network namespaces, nftables)')

const temps: string[] = []
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true })
})

describe.skipIf(!isRoot)('plh run progress, plain lines (CI=true)', () => {
  it('prints the phases in order with elapsed times, samples per consumer, and the summary with the report path', async () => {
    const reports = await mkdtemp(join(tmpdir(), 'plh-progress-'))
    temps.push(reports)
    const result = await execa('node', [join(repo, 'bin/plh.mjs'), 'run', '-s', 'same-region-cross-account', '-n', '3', '--report-dir', reports], {
      cwd: repo,
      reject: false,
      env: { CI: 'true' },
      timeout: 300_000,
    })
    const out = result.stdout
    expect(result.exitCode, out + result.stderr).toBe(0)
    const lines = out.split('\n').filter((l) => l.startsWith('[same-region-cross-account] '))
    const order = ['apply: started', 'apply: done in', 'wait ready: started', 'wait ready: done in', 'probe: started', 'probe: done in', 'destroy: started', 'destroy: done in']
    const positions = order.map((p) => lines.findIndex((l) => l.includes(`] ${p}`)))
    expect(positions, lines.join('\n')).not.toContain(-1)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    for (const line of lines.filter((l) => / done in /.test(l))) expect(line).toMatch(/done in \d+\.\d s|done in \d+m \d\ds/)
    // -n 3: each consumer did 3 samples per name probed (regional + one zonal name per AZ)
    const step = lines.find((l) => l.includes('probe: regional and zonal names from every consumer done'))
    expect(step, lines.join('\n')).toBeDefined()
    const perConsumer = [...step!.matchAll(/(us-east-1[a-z]) (i-[0-9a-f]+) (\d+)\/(\d+)/g)]
    expect(perConsumer.length).toBeGreaterThanOrEqual(2)
    for (const [, , , done, total] of perConsumer) {
      expect(done).toBe(total)
      expect(Number(total) % 3).toBe(0)
    }
    // verbose-only lines stay out
    expect(out).not.toMatch(/\] probe step \d+: /)

    const runId = await readlink(join(reports, 'latest'))
    expect(out).toMatch(new RegExp(`plh run ${runId} on local: PASSED in `))
    expect(out).toMatch(/✓ same-region-cross-account\s+\d/)
    expect(out).toContain(`report: ${join(reports, runId, 'index.html')}`)
    await expect(stat(join(reports, runId, 'index.html'))).resolves.toBeTruthy()
    // the summary comes after every progress line
    expect(out.lastIndexOf('[same-region-cross-account]')).toBeLessThan(out.indexOf(`plh run ${runId}`))

    // the run's own log holds the same events, whatever the console showed; the progress files are gone
    const log = (await readFile(join(reports, runId, 'run.log'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { msg: string; progress?: { kind: string } })
    expect(log[0]!.msg).toBe('run started')
    expect(log.at(-1)!.msg).toBe('run finished')
    expect(log.filter((l) => l.progress?.kind === 'probe-batch').length).toBeGreaterThanOrEqual(4)
    await expect(stat(join(reports, runId, 'progress'))).rejects.toThrow()
  }, 320_000)

  it('--quiet prints only the summary', async () => {
    const reports = await mkdtemp(join(tmpdir(), 'plh-progress-'))
    temps.push(reports)
    const result = await execa('node', [join(repo, 'bin/plh.mjs'), 'run', '-s', 'same-region-cross-account', '-n', '1', '--quiet', '--report-dir', reports], {
      cwd: repo,
      reject: false,
      env: { CI: 'true' },
      timeout: 300_000,
    })
    expect(result.exitCode, result.stdout + result.stderr).toBe(0)
    expect(result.stdout).not.toContain('[same-region-cross-account]')
    expect(result.stdout).toMatch(/on local: PASSED in /)
    expect(result.stdout).toMatch(/report: .*index\.html/)
  }, 320_000)
})

const hasTerraform = (await execa('terraform', ['version'], { reject: false }).catch(() => ({ exitCode: 1 }))).exitCode === 0

describe.skipIf(!hasTerraform)('terraform progress from real `terraform apply -json` output', () => {
  it('counts resources done out of planned, for apply and for destroy, as the AWS target hands the events over', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plh-tf-progress-'))
    temps.push(dir)
    // terraform_data is built into terraform: no provider, no network
    await writeFile(join(dir, 'main.tf'), 'resource "terraform_data" "a" {\n  count = 3\n}\n\nresource "terraform_data" "b" {\n  input = terraform_data.a[0].id\n}\n')
    const env = { TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' }
    expect((await execa('terraform', ['init', '-input=false'], { cwd: dir, env, reject: false })).exitCode).toBe(0)
    const writer = openProgressWriter(dir, 'tf')
    const seen: ProgressEvent[] = []
    const tail = tailProgress(progressFolder(dir), (e) => seen.push(e), 20)
    for (const [phase, args] of [['apply', ['apply', '-json', '-auto-approve']], ['destroy', ['destroy', '-json', '-auto-approve']]] as const) {
      writer.emit({ kind: 'phase', phase, state: 'start' })
      const run = await execa('terraform', args, { cwd: dir, env, reject: false })
      expect(run.exitCode, run.stderr).toBe(0)
      // the way harness/targets/aws/aws-target.ts passes them on: parsed, with the original line in `raw`
      for (const line of run.stdout.split('\n')) {
        const event = parseTerraformEvent(line)
        if (event) writer.terraform({ ...event })
      }
      writer.emit({ kind: 'phase', phase, state: 'done' })
    }
    await tail.stop()
    const counts = seen.filter((e) => e.kind === 'resources') as Array<Extract<ProgressEvent, { kind: 'resources' }>>
    const applied = counts.filter((c) => c.operation === 'apply')
    const destroyed = counts.filter((c) => c.operation === 'destroy')
    expect(applied.at(-1)).toMatchObject({ done: 4, total: 4 })
    expect(applied.map((c) => c.done)).toEqual([...applied.map((c) => c.done)].sort((a, b) => a - b))
    expect(applied.some((c) => c.done > 0 && c.done < 4)).toBe(true)
    expect(destroyed.at(-1)).toMatchObject({ done: 4, total: 4 })
    expect(seen.some((e) => e.kind === 'terraform' && /Creation complete/.test(e.message))).toBe(true)
  }, 120_000)
})
