// `plh validate` for one fixture: the manifest and the HCL must agree (DESIGN.md: the local target
// builds what the manifest names from the variables the HCL declares, so a drift between them
// would make the two targets run different things). The cross-check is pure; validateFixture
// only gathers its inputs.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { InputError } from '../core/errors.js'
import { fixtureManifestSchema, type FixtureManifest } from '../core/manifest.js'
import { fieldOfIssue } from '../core/validate-input.js'
import { fixturesFolder, readManifestJson, requireFixtureDir } from './load-fixture.js'
import { readFixtureHcl, type FixtureHcl } from './read-fixture-hcl.js'

export interface FixtureValidation {
  errors: string[]
  warnings: string[]
}

/** Variables the harness passes to every fixture on every run. */
export const harnessVariables = ['run_id', 'name_prefix'] as const

export interface CrossCheckInput {
  /** the fixture folder's name */
  name: string
  /** manifest.json's path relative to the project root (for messages) */
  manifestFile: string
  /** the *.tf files' glob relative to the project root (for messages): terraform/<name>/*.tf */
  hclFiles: string
  manifest: FixtureManifest
  hcl: FixtureHcl
  /** test files found under tests/ (*.tftest.hcl) */
  testFiles: string[]
}

function duplicatesOf(list: readonly string[]): string[] {
  return [...new Set(list.filter((item, i) => list.indexOf(item) !== i))]
}

/** Compares a manifest with the HCL it describes; returns every disagreement (pure). */
export function crossCheckFixture(input: CrossCheckInput): FixtureValidation {
  const { problems, warnings } = crossCheckProblems(input)
  return { errors: problems.map((p) => p.message), warnings }
}

/** crossCheckFixture's disagreements as InputErrors, each naming its file and field. */
export function crossCheckProblems(input: CrossCheckInput): { problems: InputError[]; warnings: string[] } {
  const { name, manifestFile, hclFiles, manifest, hcl } = input
  const problems: InputError[] = []
  const warnings: string[] = []

  if (manifest.name !== name) problems.push(new InputError(manifestFile, 'name', `names the fixture "${manifest.name}" but its folder is ${fixturesFolder}/${name}`))
  if (manifest.targets.includes('local') && manifest.topology === undefined) {
    problems.push(new InputError(manifestFile, 'topology', 'missing, but targets lists the local target: the local target would not know what to build'))
  }
  for (const duplicate of hcl.duplicates) {
    const parsed = /^(\w+) (\S+) is (declared .*)$/.exec(duplicate)
    problems.push(parsed ? new InputError(hclFiles, `${parsed[1]}.${parsed[2]}`, parsed[3]!) : new InputError(hclFiles, '(declarations)', duplicate))
  }

  // the contract first: without these the fixture cannot run at all
  if (!('harness' in hcl.outputs)) problems.push(new InputError(hclFiles, 'output.harness', 'not declared: every fixture yields the contract of harness/core/contract.ts'))
  for (const variable of harnessVariables) {
    if (!(variable in hcl.variables)) problems.push(new InputError(hclFiles, `variable.${variable}`, 'not declared: the harness passes it to every fixture'))
  }

  for (const kind of ['variable', 'output'] as const) {
    const listed = kind === 'variable' ? manifest.variables : manifest.outputs
    const declared = kind === 'variable' ? hcl.variables : hcl.outputs
    for (const item of listed) {
      if (!(item in declared) && !(kind === 'output' && item === 'harness')) {
        problems.push(new InputError(manifestFile, `${kind}s`, `lists ${item}, which ${hclFiles} does not declare`))
      }
    }
    for (const [item, { file }] of Object.entries(declared)) {
      if (!listed.includes(item)) problems.push(new InputError(file, `${kind}.${item}`, `declared, but ${manifestFile} does not list it`))
    }
    for (const item of duplicatesOf(listed)) warnings.push(`${manifestFile} lists ${kind} ${item} more than once`)
  }

  for (const [variable, { file, description }] of Object.entries(hcl.variables)) {
    if (!description) warnings.push(`${file}: variable ${variable} has no description (scenario authors and the local target read it)`)
  }
  for (const provider of hcl.providers) {
    if (!provider.defaultTags) {
      const address = provider.alias ? `${provider.name}.${provider.alias}` : provider.name
      warnings.push(`${provider.file}: provider ${address} sets no default_tags: what it creates carries no plh:run-id unless tagged one by one, and the janitor cannot find it`)
    }
  }
  if (input.testFiles.length === 0) warnings.push(`${fixturesFolder}/${name}/tests has no *.tftest.hcl: nothing checks the fixture offline`)

  return { problems, warnings }
}

async function listTestFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(dir, 'tests')).catch(() => [])
  return entries.filter((entry) => entry.endsWith('.tftest.hcl')).sort()
}

/**
 * Validates terraform/<name>/ under `root` (the project root). Throws InputError (UNKNOWN_FIXTURE)
 * only when the fixture does not exist; every problem inside it comes back in `errors`.
 */
export async function validateFixture(root: string, name: string): Promise<FixtureValidation> {
  const { problems, warnings } = await collectFixtureProblems(root, name)
  return { errors: problems.map((p) => p.message), warnings }
}

/**
 * Throws the fixture's first problem (an InputError naming its file and field), so that `plh run`
 * refuses a fixture `plh validate` would refuse, before anything is applied.
 */
export async function requireValidFixture(root: string, name: string): Promise<void> {
  const { problems } = await collectFixtureProblems(root, name)
  if (problems[0]) throw problems[0]
}

async function collectFixtureProblems(root: string, name: string): Promise<{ problems: InputError[]; warnings: string[] }> {
  const dir = await requireFixtureDir(root, name)
  const problems: InputError[] = []
  let manifest: FixtureManifest | undefined
  let manifestFile = `${fixturesFolder}/${name}/manifest.json`
  let hcl: FixtureHcl | undefined
  try {
    const read = await readManifestJson(root, dir)
    manifestFile = read.file
    const parsed = fixtureManifestSchema.safeParse(read.json)
    if (parsed.success) manifest = parsed.data
    else problems.push(...parsed.error.issues.map((issue) => new InputError(read.file, fieldOfIssue(issue), issue.message)))
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    problems.push(error)
  }
  try {
    hcl = await readFixtureHcl(root, dir)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    problems.push(error)
  }
  if (!manifest || !hcl) return { problems, warnings: [] }
  const result = crossCheckProblems({
    name,
    manifestFile,
    hclFiles: `${fixturesFolder}/${name}/*.tf`,
    manifest,
    hcl,
    testFiles: await listTestFiles(dir),
  })
  return { problems: [...problems, ...result.problems], warnings: result.warnings }
}
