// The Terraform fixtures, checked offline for real: `terraform fmt`, `init` against a local
// provider mirror, `validate` against the real AWS provider schema, and `terraform test`, whose
// mock providers apply each fixture; the `harness` output of every applied run must then meet the
// contract's own zod schema. Needs terraform on PATH and PLH_TF_PROVIDER_MIRROR (a directory
// holding registry.terraform.io/hashicorp/aws); without them it skips, saying why.
//
// Each fixture is copied to a temporary directory first, so that no .terraform or lock file lands
// in the repository, and terraform/modules is copied next to the copies, so that the fixtures'
// `source = "../modules/<name>"` still resolves. TF_PLUGIN_CACHE_DIR is not set: terraform links an
// unpacked mirror's provider in place, while a cache would copy its 700 MB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execa, type Options } from 'execa'
import { cp, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fixtureDir, fixturesFolder, listFixtures } from '../harness/run/load-fixture.js'
import { buildMirrorCliConfig, contractProblems, readTestJsonLine } from './support/terraform-offline.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const stepTimeout = 300_000
/** The local modules the fixtures call as ../modules/<name> (not a fixture: it has no manifest.json). */
const modulesSource = join(root, fixturesFolder, 'modules')

/** What a copy leaves out: terraform's working files, should a source folder hold any. */
function copyFilter(from: string): boolean {
  return !['.terraform', '.terraform.lock.hcl', 'terraform.tfstate', 'terraform.tfstate.backup'].includes(basename(from))
}

async function findSkipReason(mirror: string | undefined): Promise<string | undefined> {
  if (!mirror) return 'PLH_TF_PROVIDER_MIRROR is not set (a directory holding registry.terraform.io/hashicorp/aws)'
  const aws = join(resolve(mirror), 'registry.terraform.io', 'hashicorp', 'aws')
  if (!(await stat(aws).then((s) => s.isDirectory(), () => false))) return `PLH_TF_PROVIDER_MIRROR=${mirror} holds no registry.terraform.io/hashicorp/aws`
  const version = await execa('terraform', ['version'], { reject: false })
  if (version.failed) return `terraform is not runnable here: ${version.shortMessage}`
  return undefined
}

const mirror = process.env.PLH_TF_PROVIDER_MIRROR
const skipReason = await findSkipReason(mirror)
if (skipReason) console.warn(`terraform fixture checks skipped: ${skipReason}`)
const skip = skipReason !== undefined
const fixtures = await listFixtures(root)

let workRoot = ''
let cliEnv: Record<string, string> = {}

beforeAll(async () => {
  if (skip) return
  workRoot = await mkdtemp(join(tmpdir(), 'plh-tf-fixtures-'))
  const cliConfig = join(workRoot, 'terraform.rc')
  await writeFile(cliConfig, buildMirrorCliConfig(resolve(mirror!)))
  // For the child processes only: this process's environment stays as it was.
  cliEnv = { TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' }
  // The same layout as terraform/: workRoot/<fixture> next to workRoot/modules.
  await cp(modulesSource, join(workRoot, 'modules'), { recursive: true, filter: copyFilter })
})

afterAll(async () => {
  if (workRoot) await rm(workRoot, { recursive: true, force: true })
})

/** Runs terraform; the output goes into the assertion message when the exit code is not 0. */
async function terraform(args: string[], cwd: string): Promise<{ exitCode: number; output: string }> {
  const options: Options = { cwd, env: cliEnv, reject: false, all: true, timeout: stepTimeout - 10_000 }
  const result = await execa('terraform', args, options)
  return { exitCode: result.exitCode ?? -1, output: `$ terraform ${args.join(' ')} (in ${cwd})\n${String(result.all ?? '')}${result.timedOut ? '\n(timed out)' : ''}` }
}

/** `terraform test -json -verbose`, read line by line: states are big (they carry provider schemas). */
async function terraformTest(cwd: string): Promise<{ exitCode: number; output: string; harness: { run: string; harness: unknown }[] }> {
  const subprocess = execa('terraform', ['test', '-json', '-verbose'], { cwd, env: cliEnv, reject: false, buffer: { stdout: false }, timeout: stepTimeout - 10_000 })
  const text: string[] = []
  const harness: { run: string; harness: unknown }[] = []
  for await (const line of subprocess.iterable({ from: 'stdout' })) {
    const read = readTestJsonLine(line)
    if (read.text !== undefined) text.push(read.text)
    if (read.output) harness.push(read.output)
  }
  const result = await subprocess
  const stderr = String(result.stderr ?? '')
  return { exitCode: result.exitCode ?? -1, output: `$ terraform test -json -verbose (in ${cwd})\n${text.join('\n')}${stderr ? `\n${stderr}` : ''}`, harness }
}

// The fixtures' own checks below format-check their folders only; the shared modules once here
// (init, validate and test of each fixture exercise them).
it.skipIf(skip)('terraform/modules is formatted (terraform fmt -check -recursive)', { timeout: stepTimeout }, async () => {
  const { exitCode, output } = await terraform(['fmt', '-check', '-recursive', '-diff', '-no-color'], modulesSource)
  expect(exitCode, output).toBe(0)
})

describe.each(fixtures)('terraform/%s', (name) => {
  const source = fixtureDir(root, name)
  let work = ''
  let applied: { run: string; harness: unknown }[] = []

  beforeAll(async () => {
    if (skip) return
    work = join(workRoot, name)
    await cp(source, work, { recursive: true, filter: copyFilter })
  })

  it.skipIf(skip)('is formatted (terraform fmt -check -recursive)', { timeout: stepTimeout }, async () => {
    const { exitCode, output } = await terraform(['fmt', '-check', '-recursive', '-diff', '-no-color'], source)
    expect(exitCode, output).toBe(0)
  })

  it.skipIf(skip)('initialises from the provider mirror (terraform init)', { timeout: stepTimeout }, async () => {
    const { exitCode, output } = await terraform(['init', '-input=false', '-backend=false', '-no-color'], work)
    expect(exitCode, output).toBe(0)
  })

  it.skipIf(skip)('is valid against the AWS provider schema (terraform validate)', { timeout: stepTimeout }, async () => {
    const { exitCode, output } = await terraform(['validate', '-no-color'], work)
    expect(exitCode, output).toBe(0)
  })

  it.skipIf(skip)('passes its tests with mock providers (terraform test)', { timeout: stepTimeout }, async () => {
    const result = await terraformTest(work)
    applied = result.harness
    expect(result.exitCode, result.output).toBe(0)
  })

  it.skipIf(skip)('yields a harness output that meets the contract in every applied run', () => {
    expect(applied.length, 'no applied run reported a harness output (did terraform test pass?)').toBeGreaterThan(0)
    const problems = applied.flatMap(({ run, harness }) => contractProblems(harness).map((p) => `run ${run}: ${p}`))
    expect(problems).toEqual([])
  })
})
