// End to end: `plh init` as a new user runs it, in a project root of its own (PLH_ROOT_OVERRIDE):
// the scenario it writes validates and runs as written on the local target; the fixture skeleton
// passes `plh validate` and, where terraform and the provider mirror are here, terraform's own
// validate and offline test; neither ever overwrites.
import { execa } from 'execa'
import { cp, mkdir, mkdtemp, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const repo = resolve(import.meta.dirname, '..')
const isRoot = process.getuid?.() === 0
const mirror = process.env.PLH_TF_PROVIDER_MIRROR
const hasTerraform = (await execa('terraform', ['version'], { reject: false }).catch(() => ({ exitCode: 1 }))).exitCode === 0
if (!isRoot) console.warn('init e2e: the local run is skipped — the local target needs root')
if (!mirror || !hasTerraform) console.warn('init e2e: terraform checks skipped — needs terraform on PATH and PLH_TF_PROVIDER_MIRROR')

let root = ''
const temps: string[] = []

async function plh(args: string[]) {
  return execa('node', [join(repo, 'bin/plh.mjs'), ...args], { cwd: root, reject: false, env: { PLH_ROOT_OVERRIDE: root, CI: 'true' }, timeout: 300_000 })
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plh-init-'))
  temps.push(root)
  for (const entry of ['harness', 'node_modules', 'package.json', 'tsconfig.json']) await symlink(join(repo, entry), join(root, entry))
  await mkdir(join(root, 'terraform'))
  await symlink(join(repo, 'terraform', 'modules'), join(root, 'terraform', 'modules'))
  await cp(join(repo, 'terraform', 'same-region-cross-account'), join(root, 'terraform', 'same-region-cross-account'), { recursive: true, filter: (src) => !/\/\.terraform/.test(src) })
})
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true })
})

describe('plh init', () => {
  it('writes a commented scenario for an existing fixture, and refuses to overwrite it (exit 2 naming the path)', async () => {
    const first = await plh(['init', 'scenario', 'my-first-check', '--fixture', 'same-region-cross-account'])
    expect(first.exitCode, first.stderr).toBe(0)
    expect(first.stdout).toContain('wrote scenarios/my-first-check.scenario.ts')
    const text = await readFile(join(root, 'scenarios', 'my-first-check.scenario.ts'), 'utf8')
    expect(text).toContain("name: 'my-first-check'")
    expect(text).toMatch(/names: \['regional', 'zonal'\]/)
    expect(text).toMatch(/status: 200/)
    expect(text).toMatch(/body: \/\^Hello from plh producer/)
    expect(text).toMatch(/latency: \{ timing: 'time_total', p95: \d+ \}/)
    expect(text.split('\n').filter((l) => l.trim().startsWith('//')).length).toBeGreaterThan(15)

    await writeFile(join(root, 'scenarios', 'my-first-check.scenario.ts'), text + '// my edit\n')
    const again = await plh(['init', 'scenario', 'my-first-check', '--fixture', 'same-region-cross-account'])
    expect(again.exitCode).toBe(2)
    expect(again.stderr).toMatch(/^plh: scenarios\/my-first-check\.scenario\.ts: .*already exists/)
    expect(await readFile(join(root, 'scenarios', 'my-first-check.scenario.ts'), 'utf8')).toContain('// my edit')
  })

  it('says what to do for bad input: unknown fixture, missing --fixture, bad name (exit 2)', async () => {
    const unknown = await plh(['init', 'scenario', 'x', '--fixture', 'no-such-fixture'])
    expect(unknown.exitCode).toBe(2)
    expect(unknown.stderr).toMatch(/unknown fixture "no-such-fixture"; known fixtures: .*same-region-cross-account/)
    const missing = await plh(['init', 'scenario', 'x'])
    expect(missing.exitCode).toBe(2)
    expect(missing.stderr).toMatch(/--fixture: missing/)
    const bad = await plh(['init', 'fixture', 'Bad_Name'])
    expect(bad.exitCode).toBe(2)
    expect(bad.stderr).toMatch(/name: "Bad_Name": lower-case letters/)
    await expect(stat(join(root, 'scenarios', 'x.scenario.ts'))).rejects.toThrow()
  })

  it('writes a fixture skeleton that passes plh validate, and refuses to overwrite it', async () => {
    const result = await plh(['init', 'fixture', 'my-topology'])
    expect(result.exitCode, result.stderr).toBe(0)
    for (const file of ['versions.tf', 'providers.tf', 'variables.tf', 'main.tf', 'outputs.tf', 'tests/my-topology.tftest.hcl', 'manifest.json']) {
      await expect(stat(join(root, 'terraform', 'my-topology', file))).resolves.toBeTruthy()
    }
    const manifest = JSON.parse(await readFile(join(root, 'terraform', 'my-topology', 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({ name: 'my-topology', outputs: ['harness'] })
    expect(manifest.variables).toEqual(expect.arrayContaining(['name_prefix', 'run_id', 'name_scope']))
    expect(await readFile(join(root, 'terraform', 'my-topology', 'tests', 'my-topology.tftest.hcl'), 'utf8')).toMatch(/mock_provider "aws"/)

    const validate = await plh(['validate'])
    expect(validate.exitCode, validate.stdout + validate.stderr).toBe(0)
    expect(validate.stdout).toContain('ok   fixture my-topology')
    expect(validate.stdout).not.toMatch(/warning: terraform\/my-topology/)

    // plh list shows both, with the targets each can run on (the skeleton: AWS only)
    const list = await plh(['list'])
    expect(list.exitCode, list.stderr).toBe(0)
    expect(list.stdout).toMatch(/^  my-topology  \[aws\]$/m)
    expect(list.stdout).toMatch(/^  my-first-check  \[local, aws\]  fixture same-region-cross-account$/m)
    const json = JSON.parse((await plh(['list', '--json'])).stdout)
    expect(json.scenarios.find((s: { name: string }) => s.name === 'my-first-check')).toMatchObject({ fixture: 'same-region-cross-account', targets: ['local', 'aws'] })

    const again = await plh(['init', 'fixture', 'my-topology'])
    expect(again.exitCode).toBe(2)
    expect(again.stderr).toMatch(/^plh: terraform\/my-topology: .*already exists/)
  })

  it.skipIf(!mirror || !hasTerraform)('the fixture skeleton passes terraform validate and its offline terraform test', { timeout: 600_000 }, async () => {
    const dir = join(root, 'terraform', 'my-topology')
    const cliConfig = join(root, 'terraform.rc')
    await writeFile(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n`)
    const env = { TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' }
    for (const args of [['init', '-backend=false'], ['validate'], ['test']]) {
      const r = await execa('terraform', args, { cwd: dir, env, reject: false, timeout: 300_000 })
      expect(r.exitCode, `terraform ${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0)
    }
  })

  it.skipIf(!isRoot)('runs the written scenario as written on the local target', { timeout: 320_000 }, async () => {
    const reports = join(root, 'reports')
    const result = await plh(['run', '-s', 'my-first-check', '-n', '2', '--report-dir', reports])
    expect(result.exitCode, result.stdout + result.stderr).toBe(0)
    const results = JSON.parse(await readFile(join(reports, await readlink(join(reports, 'latest')), 'results.json'), 'utf8'))
    expect(results.scenarios).toHaveLength(1)
    expect(results.scenarios[0]).toMatchObject({ name: 'my-first-check', status: 'passed' })
    expect(results.scenarios[0].probes.length).toBeGreaterThanOrEqual(2)
  })
})
