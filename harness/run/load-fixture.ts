// Loads terraform/<name>/ as a Fixture: its manifest (validated) and its variable declarations
// (from the HCL), which both targets read: the AWS target to pass -var values, the local target
// to build the same topology from the same defaults.
import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { InputError } from '../core/errors.js'
import { fixtureManifestSchema, type FixtureManifest } from '../core/manifest.js'
import type { Fixture } from '../core/target.js'
import { parseOrThrow } from '../core/validate-input.js'
import { readFixtureHcl, type FixtureHcl } from './read-fixture-hcl.js'

/** Where fixtures live under the project root. */
export const fixturesFolder = 'terraform'

/** Absolute path of terraform/<name> under `root`. */
export function fixtureDir(root: string, name: string): string {
  return resolve(root, fixturesFolder, name)
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false)
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false)
}

/** Names of the fixtures under `root`: the folders of terraform/ that hold a manifest.json, sorted. */
export async function listFixtures(root: string): Promise<string[]> {
  const folder = resolve(root, fixturesFolder)
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => [])
  const names: string[] = []
  for (const entry of entries) {
    if (entry.isDirectory() && !entry.name.startsWith('.') && (await isFile(join(folder, entry.name, 'manifest.json')))) names.push(entry.name)
  }
  return names.sort()
}

/** The fixture's folder, or an UNKNOWN_FIXTURE error that lists the fixtures there are. */
export async function requireFixtureDir(root: string, name: string): Promise<string> {
  const dir = fixtureDir(root, name)
  if (/^[a-z0-9][a-z0-9-]{0,62}$/.test(name) && (await isDirectory(dir))) return dir
  const known = await listFixtures(root)
  throw new InputError(`${fixturesFolder}/${name}`, '', `unknown fixture "${name}"; known fixtures: ${known.join(', ') || '(none)'}`, {
    code: 'UNKNOWN_FIXTURE',
  })
}

/** Reads and parses manifest.json as JSON (schema not applied). InputError naming the file otherwise. */
export async function readManifestJson(root: string, dir: string): Promise<{ file: string; json: unknown }> {
  const path = join(dir, 'manifest.json')
  const file = relative(root, path)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new InputError(file, '', 'missing: every fixture needs a manifest.json (schema: harness/core/manifest.ts)', { cause: error })
  }
  try {
    return { file, json: JSON.parse(text) as unknown }
  } catch (error) {
    throw new InputError(file, '', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
}

/** Fixture.variables from the HCL declarations (the declaring file is left out). */
export function fixtureVariables(hcl: FixtureHcl): Fixture['variables'] {
  return Object.fromEntries(
    Object.entries(hcl.variables).map(([name, { file: _file, ...declaration }]) => [name, declaration]),
  )
}

/**
 * Loads terraform/<name>/ under `root` (the project root). Throws InputError: UNKNOWN_FIXTURE when
 * the folder is missing, BAD_INPUT naming the file and field when manifest.json is missing, is not
 * JSON or breaks the schema, or when a *.tf file does not parse. Does not cross-check HCL and
 * manifest: that is validateFixture's job.
 */
export async function loadFixture(root: string, name: string): Promise<Fixture> {
  const dir = await requireFixtureDir(root, name)
  const { file, json } = await readManifestJson(root, dir)
  const manifest: FixtureManifest = parseOrThrow(fixtureManifestSchema, json, file)
  const hcl = await readFixtureHcl(root, dir)
  return { name, dir, manifest, variables: fixtureVariables(hcl) }
}
