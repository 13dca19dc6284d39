// `plh validate` for one fixture: the manifest and the HCL must agree (DESIGN.md: the local target
// builds what the manifest names from the variables the HCL declares, so a drift between them
// would make the two targets run different things). The cross-check is pure; validateFixture
// only gathers its inputs.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { HarnessError, InputError } from '../core/errors.js'
import { fixtureManifestSchema, type FixtureManifest } from '../core/manifest.js'
import { formatFieldPath } from '../core/validate-input.js'
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
  const { name, manifestFile, hclFiles, manifest, hcl } = input
  const errors: string[] = []
  const warnings: string[] = []

  if (manifest.name !== name) errors.push(`${manifestFile} names the fixture "${manifest.name}" but its folder is ${fixturesFolder}/${name}`)
  if (manifest.targets.includes('local') && manifest.topology === undefined) {
    errors.push(`${manifestFile} lists the local target but no topology: the local target would not know what to build`)
  }
  errors.push(...hcl.duplicates.map((d) => `${hclFiles}: ${d}`))

  for (const kind of ['variable', 'output'] as const) {
    const listed = kind === 'variable' ? manifest.variables : manifest.outputs
    const declared = kind === 'variable' ? hcl.variables : hcl.outputs
    for (const item of listed) {
      if (!(item in declared)) errors.push(`${manifestFile} lists ${kind} ${item} that ${hclFiles} does not declare`)
    }
    for (const [item, { file }] of Object.entries(declared)) {
      if (!listed.includes(item)) errors.push(`${file} declares ${kind} ${item} that ${manifestFile} does not list`)
    }
    for (const item of duplicatesOf(listed)) warnings.push(`${manifestFile} lists ${kind} ${item} more than once`)
  }

  if (!('harness' in hcl.outputs)) errors.push(`${hclFiles} declares no output harness: every fixture yields the contract of harness/core/contract.ts`)
  for (const variable of harnessVariables) {
    if (!(variable in hcl.variables)) errors.push(`${hclFiles} declares no variable ${variable}: the harness passes it to every fixture`)
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

  return { errors, warnings }
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
  const dir = await requireFixtureDir(root, name)
  const errors: string[] = []
  let manifest: FixtureManifest | undefined
  let manifestFile = `${fixturesFolder}/${name}/manifest.json`
  let hcl: FixtureHcl | undefined
  try {
    const read = await readManifestJson(root, dir)
    manifestFile = read.file
    const parsed = fixtureManifestSchema.safeParse(read.json)
    if (parsed.success) manifest = parsed.data
    else errors.push(...parsed.error.issues.map((issue) => new InputError(read.file, formatFieldPath(issue.path), issue.message).message))
  } catch (error) {
    if (!(error instanceof HarnessError)) throw error
    errors.push(error.message)
  }
  try {
    hcl = await readFixtureHcl(root, dir)
  } catch (error) {
    if (!(error instanceof HarnessError)) throw error
    errors.push(error.message)
  }
  if (!manifest || !hcl) return { errors, warnings: [] }
  const result = crossCheckFixture({
    name,
    manifestFile,
    hclFiles: `${fixturesFolder}/${name}/*.tf`,
    manifest,
    hcl,
    testFiles: await listTestFiles(dir),
  })
  return { errors: [...errors, ...result.errors], warnings: result.warnings }
}
