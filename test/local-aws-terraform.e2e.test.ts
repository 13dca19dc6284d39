// The local target through terraform: the real terraform and hashicorp/aws provider apply the
// same-region fixture against the local AWS API, the reconciler builds the data plane from the
// API's state, every expectation of the scenario holds, and nothing is left (namespaces, journal,
// API state). A fixture needing an unemulated action fails with the one-line error and leaves
// nothing either. Needs root, iproute2, terraform and the provider mirror (PLH_TF_PROVIDER_MIRROR).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readlink, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { InfrastructureError } from '../harness/core/errors.js'
import type { Fixture } from '../harness/core/target.js'
import { LocalAwsTarget } from '../harness/targets/local/local-aws-target.js'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const mirror = process.env.PLH_TF_PROVIDER_MIRROR
const unavailable =
  process.getuid?.() !== 0
    ? 'not running as root'
    : spawnSync('terraform', ['version']).status !== 0
      ? 'terraform is not on PATH'
      : !mirror || !existsSync(join(mirror, 'registry.terraform.io/hashicorp/aws'))
        ? 'PLH_TF_PROVIDER_MIRROR does not name a folder holding registry.terraform.io/hashicorp/aws'
        : undefined
if (unavailable) console.warn(`local-aws-terraform e2e: skipped: ${unavailable}`)

const namespacesOf = (tag: string): string[] => spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout.split('\n').filter((l) => l.startsWith(`plh-${tag}`))
const silentLog = { info() {}, warn() {}, error() {}, debug() {} }

describe.skipIf(unavailable !== undefined)('local target through terraform against the local AWS API', () => {
  it('applies the same-region fixture with real terraform, holds every expectation, and leaves nothing', async () => {
    const reports = await mkdtemp(join(tmpdir(), 'plh-local-aws-'))
    try {
      const run = await execa('node', [join(repo, 'bin/plh.mjs'), 'run', '--target', 'local', '--local-engine', 'terraform', '-s', 'same-region-cross-account', '--report-dir', reports], {
        cwd: repo,
        reject: false,
        env: { CI: '1' },
        timeout: 900_000,
      })
      expect(run.exitCode, run.stdout + run.stderr).toBe(0)
      const runId = await readlink(join(reports, 'latest'))
      const results = JSON.parse(await readFile(join(reports, runId, 'results.json'), 'utf8'))
      const scenario = results.scenarios[0]
      expect(scenario.status).toBe('passed')
      expect(scenario.probes.flatMap((p: { expectations: unknown[] }) => p.expectations).length).toBeGreaterThan(0)
      const log = await readFile(join(reports, runId, 'logs', 'same-region-cross-account', 'terraform.log'), 'utf8')
      expect(log).toMatch(/aws_vpc_endpoint\.service: Creation complete/)
      expect(log).toMatch(/Apply complete! Resources: \d+ added/)
      expect(log).toMatch(/Destroy complete! Resources: \d+ destroyed/)
      const tag = runId.slice(-6)
      expect(namespacesOf(tag)).toEqual([])
      expect(existsSync(join(process.env.PLH_STATE_DIR ?? '/run/plh', 'journal', `${tag}.jsonl`))).toBe(false)
    } finally {
      await rm(reports, { recursive: true, force: true })
    }
  }, 900_000)

  it('fails an unemulated action with one line naming the resource and the action, and leaves nothing', async () => {
    const work = await mkdtemp(join(tmpdir(), 'plh-not-emulated-'))
    const fixture: Fixture = {
      name: 'local-aws-not-emulated',
      dir: join(repo, 'test/fixtures/local-aws-not-emulated'),
      manifest: { name: 'local-aws-not-emulated', description: 'test', proves: ['the not-emulated error'], targets: ['local'], variables: ['producer_profile', 'producer_account_id'], outputs: ['harness'] } as unknown as Fixture['manifest'],
      variables: { producer_profile: { default: null }, producer_account_id: { default: '111111111111' } },
    }
    const target = new LocalAwsTarget({ source: 'test', root: repo })
    const tag = `ne${Date.now().toString(16).slice(-4)}`
    try {
      const failure = await target.apply(fixture, { producer_account_id: '111111111111' }, { runId: `20261203T000000-${tag}`, tag, workDir: work, logDir: work, log: silentLog }).then(
        () => undefined,
        (error: unknown) => error,
      )
      expect(failure).toBeInstanceOf(InfrastructureError)
      expect((failure as Error).message).toBe('fixture local-aws-not-emulated: aws_internet_gateway.edge needs EC2:CreateInternetGateway, which the local target does not emulate')
    } finally {
      // the VPC that was created is destroyed, and the API holds nothing afterwards (destroy checks)
      await target.destroy()
      await rm(work, { recursive: true, force: true })
    }
    expect(namespacesOf(tag)).toEqual([])
  }, 300_000)
})
