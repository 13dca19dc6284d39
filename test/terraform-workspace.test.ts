// TerraformWorkspace with real terraform, on fixtures of built-in resources only
// (test/fixtures/terraform-data): outputs, events, parallel runs with their own state, a failing
// apply whose partial result destroy removes, a retried transient error, abort, an idempotent
// destroy, and a failed destroy whose message says how to finish the job. Marker files that the
// fixtures create and delete show what terraform really built and removed.
import { execa } from 'execa'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InfrastructureError, PrerequisiteError, TeardownError } from '../harness/core/errors.js'
import { TerraformWorkspace, type TerraformEvent, type TerraformWorkspaceOptions } from '../harness/targets/aws/terraform/terraform-workspace.js'
import { defaultRetryTable } from '../harness/targets/aws/terraform/terraform-retry.js'

const fixtures = fileURLToPath(new URL('./fixtures/terraform-data/', import.meta.url))
const realFixtures = fileURLToPath(new URL('../terraform/', import.meta.url))
const mirror = process.env.PLH_TF_PROVIDER_MIRROR
if (!mirror) console.warn('terraform workspace: the init of a real fixture against the provider mirror is skipped: PLH_TF_PROVIDER_MIRROR is not set (scripts/test.sh sets it)')
let temp = ''

beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'plh-tf-workspace-'))
})
afterEach(async () => {
  await rm(temp, { recursive: true, force: true })
})

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false)

/** A workspace of `fixture` in its own work dir under the test's temp dir. */
function workspace(fixture: string, options: Partial<TerraformWorkspaceOptions> & { name?: string } = {}): { ws: TerraformWorkspace; events: TerraformEvent[] } {
  const events: TerraformEvent[] = []
  const name = options.name ?? fixture
  const ws = new TerraformWorkspace({
    fixtureDir: join(fixtures, fixture),
    workDir: join(temp, `run-${name}`),
    vars: { marker_dir: temp },
    logFile: join(temp, `logs-${name}`, 'terraform.log'),
    onEvent: (e) => events.push(e),
    runId: `20261125T000000-${name}`,
    ...options,
  })
  return { ws, events }
}

/** `terraform state list` in the workspace's copy: the addresses terraform holds. */
async function stateList(dir: string): Promise<string[]> {
  const { stdout } = await execa('terraform', ['state', 'list'], { cwd: dir, env: { TF_IN_AUTOMATION: '1' } })
  return stdout.split('\n').filter(Boolean)
}

describe('TerraformWorkspace (real terraform, built-in resources)', () => {
  it('applies a fixture that calls ../modules, returns its outputs, reports events, keeps vars in a tfvars file', async () => {
    const { ws, events } = workspace('ok', { vars: { marker_dir: temp, label: 'blue' } })
    expect(ws.applied).toBe(false)
    const outputs = await ws.apply()
    expect(ws.applied).toBe(true)
    expect(outputs).toEqual({ label: 'blue', marker: join(temp, 'ok-blue') })
    expect(await readFile(join(temp, 'ok-blue'), 'utf8')).toBe('created\n')
    const completed = events.filter((e) => e.type === 'apply_complete').map((e) => e.resource)
    expect(completed).toEqual(['module.marker.terraform_data.marker'])
    expect(events.filter((e) => e.type === 'change_summary').map((e) => e.message)).toEqual(['Plan: 1 to add, 0 to change, 0 to destroy.', 'Apply complete! Resources: 1 added, 0 changed, 0 destroyed.'])
    expect(JSON.parse(await readFile(join(ws.dir, 'plh.auto.tfvars.json'), 'utf8'))).toEqual({ marker_dir: temp, label: 'blue' })
    const log = await readFile(join(temp, 'logs-ok', 'terraform.log'), 'utf8')
    expect(log).toMatch(/\$ terraform apply -auto-approve -input=false -json/)
    expect(log).not.toMatch(/\$ terraform [^\n]*blue/)
    await ws.destroy()
    expect(await exists(join(temp, 'ok-blue'))).toBe(false)
  })

  it('runs two workspaces of one fixture in parallel, each with its own state', async () => {
    const a = workspace('ok', { name: 'a', vars: { marker_dir: temp, label: 'a' } })
    const b = workspace('ok', { name: 'b', vars: { marker_dir: temp, label: 'b' } })
    const [outA, outB] = await Promise.all([a.ws.apply(), b.ws.apply()])
    expect([outA.label, outB.label]).toEqual(['a', 'b'])
    expect(a.ws.dir).not.toBe(b.ws.dir)
    expect(await stateList(a.ws.dir)).toEqual(['module.marker.terraform_data.marker'])
    await a.ws.destroy()
    expect(await exists(join(temp, 'ok-a'))).toBe(false)
    expect(await exists(join(temp, 'ok-b'))).toBe(true)
    expect(await stateList(b.ws.dir)).toEqual(['module.marker.terraform_data.marker'])
    await b.ws.destroy()
    expect(await exists(join(temp, 'ok-b'))).toBe(false)
  })

  it('fails a non-retryable apply at once with APPLY_FAILED, and destroy removes what it had created', async () => {
    const { ws, events } = workspace('fails')
    const error = await ws.apply().then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(InfrastructureError)
    expect((error as InfrastructureError).code).toBe('APPLY_FAILED')
    const message = (error as Error).message
    expect(message).toContain('fixture fails')
    expect(message).toContain(join(temp, 'run-fails'))
    expect(message).toMatch(/local-exec provisioner error: Error running command .*exit status 3/)
    expect(events.filter((e) => e.type === 'retry')).toEqual([])
    expect(ws.applied).toBe(true)
    expect(await exists(join(temp, 'fails-first'))).toBe(true)
    expect(await stateList(ws.dir)).toContain('module.marker.terraform_data.marker')
    await ws.destroy()
    expect(await exists(join(temp, 'fails-first'))).toBe(false)
    expect(await stateList(ws.dir)).toEqual([])
  })

  it('retries an apply that failed with "Throttling: Rate exceeded" and succeeds', async () => {
    const { ws, events } = workspace('flaky', { retry: { throttling: { ...defaultRetryTable.throttling, backoff: { initialMs: 10, factor: 1, maxMs: 10 } } } })
    const outputs = await ws.apply()
    expect((await readFile(String(outputs.attempts_file), 'utf8')).trim().split('\n')).toHaveLength(2)
    const retries = events.filter((e) => e.type === 'retry')
    expect(retries).toHaveLength(1)
    expect(retries[0]!.message).toMatch(/throttling.*attempt 2 of 4/)
    expect(events.filter((e) => e.type === 'apply_errored').map((e) => e.resource)).toEqual(['terraform_data.flaky'])
    expect(await stateList(ws.dir)).toEqual(['terraform_data.flaky'])
    await ws.destroy()
  })

  it('does not retry an apply failing with the error the scenario expects (expect_apply_error), though the table would', async () => {
    const { ws, events } = workspace('flaky', { expectedApplyError: /Throttling/, retry: { throttling: { ...defaultRetryTable.throttling, backoff: { initialMs: 10, factor: 1, maxMs: 10 } } } })
    const error = await ws.apply().then(() => undefined, (e: unknown) => e)
    expect(error).toMatchObject({ code: 'APPLY_FAILED' })
    expect((error as Error).message).toContain('Throttling: Rate exceeded')
    expect(events.filter((e) => e.type === 'retry')).toEqual([])
    expect((await readFile(join(temp, 'flaky-attempts'), 'utf8')).trim().split('\n')).toHaveLength(1)
    await ws.destroy()
  })

  it('applies in stages: stage 1 only its -target addresses, its wait sees them in the state, then the full apply', async () => {
    const { ws, events } = workspace('staged')
    const seen: string[][] = []
    const outputs = await ws.apply({
      stages: [
        {
          targets: ['terraform_data.first'],
          then: async (w) => {
            const resources = await w.stateResources()
            seen.push(resources.map((r) => r.address))
            expect(resources[0]!.values.input).toEqual({ supported_regions: ['us-east-1', 'eu-west-2'] })
          },
        },
      ],
    })
    expect(seen).toEqual([['terraform_data.first']])
    expect(outputs.first).toEqual({ supported_regions: ['us-east-1', 'eu-west-2'] })
    expect((await stateList(ws.dir)).sort()).toEqual(['terraform_data.first', 'terraform_data.second'])
    expect(events.filter((e) => e.type === 'stage').map((e) => e.message)).toEqual(['apply stage 1 of staged: terraform_data.first'])
    await ws.destroy()
  })

  it('a stage whose wait fails stops the apply there: the rest is never applied, and destroy removes the stage', async () => {
    const { ws } = workspace('staged', { name: 'staged-fails' })
    const error = await ws
      .apply({ stages: [{ targets: ['terraform_data.first'], then: async () => Promise.reject(new Error('supported region eu-west-2 is Failed')) }] })
      .then(() => undefined, (e: unknown) => e)
    expect((error as Error).message).toBe('supported region eu-west-2 is Failed')
    expect(await stateList(ws.dir)).toEqual(['terraform_data.first'])
    await ws.destroy()
    expect(await stateList(ws.dir)).toEqual([])
  })

  it('on abort sends terraform one SIGINT, which stops and keeps its state; destroy then removes the rest', async () => {
    const controller = new AbortController()
    const { ws } = workspace('slow', {
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'apply_start' && e.resource === 'terraform_data.slow') controller.abort()
      },
    })
    const error = await ws.apply().then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(InfrastructureError)
    expect((error as InfrastructureError).fields.interrupted).toBe(true)
    expect((error as Error).message).toMatch(/interrupted/)
    const log = await readFile(join(temp, 'logs-slow', 'terraform.log'), 'utf8')
    expect(log.match(/SIGINT sent/g)).toHaveLength(1)
    expect(await exists(join(temp, 'slow-first'))).toBe(true)
    expect(await stateList(ws.dir)).toContain('module.marker.terraform_data.marker')
    await ws.destroy()
    expect(await exists(join(temp, 'slow-first'))).toBe(false)
    expect(await stateList(ws.dir)).toEqual([])
  })

  it('destroy is a no-op when nothing was applied, and idempotent after a destroy', async () => {
    const never = workspace('ok', { name: 'never', vars: { marker_dir: temp, label: 'never' } })
    await never.ws.destroy()
    expect(await exists(join(temp, 'run-never'))).toBe(false)
    expect(await exists(join(temp, 'logs-never'))).toBe(false)

    const { ws } = workspace('ok', { vars: { marker_dir: temp, label: 'twice' } })
    await ws.apply()
    await ws.destroy()
    await ws.destroy()
    // A workspace made afresh on the same work dir (say, after a crash) destroys the empty state again.
    const again = workspace('ok', { vars: { marker_dir: temp, label: 'twice' } })
    expect(again.ws.applied).toBe(false)
    await again.ws.destroy()
    expect(await stateList(ws.dir)).toEqual([])
    const log = await readFile(join(temp, 'logs-ok', 'terraform.log'), 'utf8')
    expect(log.match(/\$ terraform destroy/g)).toHaveLength(2)
  })

  it('a destroy that fails throws TeardownError naming the run and the command that finishes the job', async () => {
    const { ws } = workspace('stuck')
    await ws.apply()
    await writeFile(join(temp, 'block-destroy'), '')
    const error = await ws.destroy().then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(TeardownError)
    const message = (error as Error).message
    expect(message).toContain('run 20261125T000000-stuck')
    const command = `terraform -chdir=${ws.dir} destroy -auto-approve`
    expect(message).toContain(`\`${command}\``)
    expect(await exists(join(temp, 'stuck'))).toBe(true)
    // The printed command does finish the job once the obstacle is gone.
    await rm(join(temp, 'block-destroy'))
    await execa(command, { shell: true, env: { TF_IN_AUTOMATION: '1', TF_INPUT: '0' } })
    expect(await exists(join(temp, 'stuck'))).toBe(false)
    expect(await stateList(ws.dir)).toEqual([])
  })

  it('with an S3 backend, terraform init accepts the override and -backend-config file (and stops at the missing profile, before any network call)', async () => {
    const { ws } = workspace('ok', {
      backend: { type: 's3', bucket: 'plh-state', key_prefix: 'nightly', region: 'us-east-1', use_lockfile: true },
      // No credentials anywhere: the S3 backend fails on the profile before it contacts AWS.
      env: { AWS_PROFILE: 'plh-no-such-profile', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' },
    })
    const error = await ws.init().then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(InfrastructureError)
    expect((error as Error).message).toMatch(/terraform init of fixture ok failed: failed to get shared config profile, plh-no-such-profile/)
    expect(await readFile(join(ws.dir, 'plh.s3.tfbackend'), 'utf8')).toContain('key          = "nightly/20261125T000000-ok/ok.tfstate"')
    const log = await readFile(join(temp, 'logs-ok', 'terraform.log'), 'utf8')
    expect(log).toContain('Initializing the backend...')
    expect(log).not.toMatch(/Unsupported argument|Invalid backend/)
    // Nothing was applied: destroy has nothing to do and does not fail on the broken init.
    await ws.destroy()
    expect(await readFile(join(temp, 'logs-ok', 'terraform.log'), 'utf8')).not.toContain('$ terraform destroy')
  })

  it('without terraform on PATH, says what to install (PrerequisiteError) and destroy stays a no-op', async () => {
    const { ws } = workspace('ok', { vars: { marker_dir: temp, label: 'p' }, env: { PATH: join(temp, 'empty-bin') } })
    const error = await ws.apply().then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(PrerequisiteError)
    expect((error as Error).message).toMatch(/install terraform ≥ 1\.7 and put it on PATH/)
  })

  it('an apply aborted before it starts runs nothing and leaves nothing to destroy', async () => {
    const controller = new AbortController()
    controller.abort()
    const { ws } = workspace('ok', { vars: { marker_dir: temp, label: 'early' }, signal: controller.signal })
    await expect(ws.apply()).rejects.toThrowError(/not started: the run was interrupted/)
    expect(ws.applied).toBe(false)
    expect(await exists(join(temp, 'ok-early'))).toBe(false)
    await ws.destroy()
  })

  it.skipIf(!mirror)('initialises a real fixture (same-region-cross-account, with ../modules) from the provider mirror, offline', async () => {
    const { ws } = workspace('same-region-cross-account', { fixtureDir: join(realFixtures, 'same-region-cross-account'), providerMirror: mirror!, vars: { run_id: 'r' } })
    await ws.init()
    expect(await exists(join(temp, 'run-same-region-cross-account', 'modules'))).toBe(true)
    const lock = await readFile(join(ws.dir, '.terraform.lock.hcl'), 'utf8')
    expect(lock).toContain('provider "registry.terraform.io/hashicorp/aws"')
    const log = await readFile(join(temp, 'logs-same-region-cross-account', 'terraform.log'), 'utf8')
    expect(log).toMatch(/Installing hashicorp\/aws|Using hashicorp\/aws/)
    expect(log).toContain('Terraform has been successfully initialized!')
  })

  it('with a provider mirror, init uses a CLI config that installs hashicorp/* from the mirror only', async () => {
    const mirror = join(temp, 'mirror')
    const { ws } = workspace('ok', { providerMirror: mirror, vars: { marker_dir: temp, label: 'm' } })
    await ws.init()
    const config = await readFile(join(temp, 'run-ok', 'plh-terraform.rc'), 'utf8')
    expect(config).toContain(`path    = ${JSON.stringify(mirror)}`)
    expect(config).toMatch(/direct \{\s*exclude = \["registry\.terraform\.io\/hashicorp\/\*"\]/)
    expect(ws.applied).toBe(false)
  })
})
