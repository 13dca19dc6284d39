// Finds and loads comparison files (scenarios/*.comparison.ts), validating each against the
// comparison schema and against the scenarios that exist, so that a typo stops the run before
// anything is applied.
import { readdir } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import { comparisonSchema, type Comparison } from '../core/comparison.js'
import { InputError } from '../core/errors.js'
import { inputErrorFromZod } from '../core/validate-input.js'
import { listScenarioFiles, scenarioSuffix } from './load-scenario.js'

export const comparisonSuffix = '.comparison.ts'

/** A validated comparison and the file it came from (relative to the root, for messages). */
export interface LoadedComparison {
  file: string
  comparison: Comparison
}

/** Comparison files under `dir`, sorted. */
export async function listComparisonFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(comparisonSuffix))
    .map((e) => join(dir, e.name))
    .sort()
}

/**
 * Imports one comparison file and validates it; `knownScenarios` are the scenario names that
 * exist (a comparison naming another one is bad input). Errors name the file and the field.
 */
export async function loadComparisonFile(file: string, knownScenarios: ReadonlySet<string>, root: string = process.cwd()): Promise<Comparison> {
  const shown = relative(root, file) || file
  let module: { default?: unknown }
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown }
  } catch (error) {
    const first = String((error as Error).message ?? error).split('\n')[0]
    throw new InputError(shown, '(file)', `cannot be loaded: ${first}`, { cause: error })
  }
  if (module.default === undefined) throw new InputError(shown, 'default', 'the file must `export default defineComparison({...})`')
  const parsed = comparisonSchema.safeParse(module.default)
  if (!parsed.success) throw inputErrorFromZod(shown, parsed.error)
  const expected = basename(file, comparisonSuffix)
  if (parsed.data.name !== expected) throw new InputError(shown, 'name', `must equal the file name "${expected}" (got "${parsed.data.name}")`)
  for (const side of ['a', 'b'] as const) {
    const name = parsed.data[side]
    if (!knownScenarios.has(name)) {
      throw new InputError(shown, side, `unknown scenario "${name}"; known: ${[...knownScenarios].sort().join(', ') || '(none)'}`, { code: 'UNKNOWN_SCENARIO' })
    }
  }
  return parsed.data
}

/** Every comparison file of a scenarios folder, checked against the scenario files beside it. */
export async function loadComparisons(scenariosDir: string, root: string = process.cwd()): Promise<LoadedComparison[]> {
  const files = await listComparisonFiles(scenariosDir)
  if (files.length === 0) return []
  // a scenario file's name is its scenario's name (load-scenario enforces it)
  const known = new Set((await listScenarioFiles(scenariosDir)).map((f) => basename(f, scenarioSuffix)))
  const loaded: LoadedComparison[] = []
  for (const file of files) loaded.push({ file: relative(root, file) || file, comparison: await loadComparisonFile(file, known, root) })
  return loaded
}
