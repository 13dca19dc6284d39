// End to end: what `plh run` itself prints and records, on the local target with real workers:
// an apply-error scenario counts its one expectation and shows the error the emulator gave, and
// the AWS SDK's Node support warning appears once, in plh's words, not once per worker.
import { execa } from 'execa'
import { mkdtemp, readFile, readlink, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseHTML } from 'linkedom'
import { afterAll, describe, expect, it } from 'vitest'
import { sdkNodeSupport } from '../harness/run/node-support-notice.js'

const repo = resolve(import.meta.dirname, '..')
const isRoot = process.getuid?.() === 0
if (!isRoot) console.warn('plh-run-output e2e: skipped — the local target needs root (network namespaces, nftables)')

const temps: string[] = []
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true })
})

describe.skipIf(!isRoot)('plh run output', () => {
  it('counts an apply-error scenario\'s expectation, shows the error given, and says the SDK\'s Node notice once', async () => {
    const reports = await mkdtemp(join(tmpdir(), 'plh-reports-'))
    temps.push(reports)
    // two workers: the probing one builds SSM clients, which is when the SDK warns
    const result = await execa('node', [join(repo, 'bin/plh.mjs'), 'run', '-s', 'principal-not-allowed', '-s', 'provider-sees-nlb-ips', '-n', '1', '--report-dir', reports, '--quiet'], {
      cwd: repo,
      reject: false,
      env: { CI: '1' },
      timeout: 300_000,
    })
    expect(result.exitCode, result.stdout + result.stderr).toBe(0)

    expect(result.stdout).toMatch(/✓ principal-not-allowed\s.*\s1\/1 held\n/)
    expect(result.stdout).toMatch(/ {6}✓ apply fails with \/InvalidServiceName\/: .*InvalidServiceName: The Vpc Endpoint Service '[^']+' does not exist\n/)

    expect(result.stderr).not.toContain('NodeVersionSupportWarning')
    const notices = result.stderr.split('\n').filter((l) => l.startsWith('plh: note: Node'))
    const major = Number(process.versions.node.split('.')[0])
    expect(notices).toHaveLength(major < sdkNodeSupport.nextMajor ? 1 : 0)
    if (notices.length) expect(notices[0]).toContain(`after ${sdkNodeSupport.requiredAfter} require Node ${sdkNodeSupport.nextMajor}`)

    const runId = await readlink(join(reports, 'latest'))
    const results = JSON.parse(await readFile(join(reports, runId, 'results.json'), 'utf8'))
    const refused = results.scenarios.find((s: { name: string }) => s.name === 'principal-not-allowed')
    expect(refused.apply_expectation).toMatchObject({ name: 'apply fails with /InvalidServiceName/', pattern: 'InvalidServiceName', status: 'passed' })
    expect(refused.apply_expectation.error).toMatch(/InvalidServiceName: The Vpc Endpoint Service/)

    const { document } = parseHTML(await readFile(join(reports, runId, 'index.html'), 'utf8'))
    const section = [...document.querySelectorAll('details.scenario')].find((d) => d.querySelector('.scenario-name')?.textContent === 'principal-not-allowed')!
    expect(section.querySelector('summary')!.textContent).toContain('1/1 expectations')
    expect(section.querySelector('pre.apply-error')!.textContent).toBe(refused.apply_expectation.error)

    const { stdout } = await execa('ip', ['netns', 'list'])
    expect(stdout.split('\n').filter((l) => l.startsWith(`plh-${runId.split('-').pop()}-`))).toEqual([])
  }, 300_000)
})
