// Finds and loads comparison files (scenarios/*.comparison.ts), validating each against the
// comparison schema and against the scenarios that exist, so that a typo stops the run before
// anything is applied.
import { basename, relative } from 'node:path'
import { comparisonSchema, type Comparison } from '../core/comparison.js'
import { didYouMean } from '../core/did-you-mean.js'
import { InputError } from '../core/errors.js'
import { importDefinitionFile, listDefinitionFiles } from './import-definition-file.js'
import { listScenarioFiles, scenarioSuffix } from './load-scenario.js'

export const comparisonSuffix = '.comparison.ts'

/** A validated comparison and the file it came from (relative to the root, for messages). */
export interface LoadedComparison {
  file: string
  comparison: Comparison
}

/** Comparison files under `dir`, sorted. */
export async function listComparisonFiles(dir: string): Promise<string[]> {
  return listDefinitionFiles(dir, comparisonSuffix)
}

/**
 * Imports one comparison file and validates it; `knownScenarios` are the scenario names that
 * exist (a comparison naming another one is bad input). Errors name the file and the field.
 */
export async function loadComparisonFile(file: string, knownScenarios: ReadonlySet<string>, root: string = process.cwd()): Promise<Comparison> {
  const { shown, data } = await importDefinitionFile(file, root, comparisonSchema, comparisonSuffix, 'defineComparison')
  for (const side of ['a', 'b'] as const) {
    const name = data[side]
    if (!knownScenarios.has(name)) {
      const known = [...knownScenarios].sort()
      throw new InputError(shown, side, `unknown scenario "${name}"; known: ${known.join(', ') || '(none)'}${didYouMean(name, known)}`, { code: 'UNKNOWN_SCENARIO' })
    }
  }
  return data
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
