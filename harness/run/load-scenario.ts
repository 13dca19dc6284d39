// Finds and loads scenario files, validating each against the scenario schema and against its
// fixture's declared variables, so that bad input stops the run before anything is applied.
import { didYouMean } from '../core/did-you-mean.js'
import { InputError } from '../core/errors.js'
import { scenarioSchema, type Scenario } from '../core/scenario.js'
import type { Fixture } from '../core/target.js'
import { importDefinitionFile, listDefinitionFiles } from './import-definition-file.js'
import { loadFixture } from './load-fixture.js'

/** Where scenario files live, relative to the repository root. */
export const scenariosFolder = 'scenarios'
export const scenarioSuffix = '.scenario.ts'

/** Scenario files under `dir`, sorted. */
export async function listScenarioFiles(dir: string): Promise<string[]> {
  return listDefinitionFiles(dir, scenarioSuffix)
}

/** Imports a scenario file and validates its default export; errors name the file and field. */
export async function loadScenarioFile(file: string, root: string = process.cwd()): Promise<Scenario> {
  return (await importDefinitionFile(file, root, scenarioSchema, scenarioSuffix, 'defineScenario')).data
}

/** The JS type a Terraform type expression accepts, coarsely (enough to catch a string for a number). */
function acceptsValue(type: string | undefined, value: unknown): boolean {
  if (!type || type === 'any' || value === null) return true
  const t = type.replace(/\s+/g, '')
  if (t === 'string') return typeof value === 'string'
  if (t === 'number') return typeof value === 'number' && Number.isFinite(value)
  if (t === 'bool') return typeof value === 'boolean'
  const inner = /^(list|set)\((.*)\)$/.exec(t)
  if (inner) return Array.isArray(value) && value.every((v) => acceptsValue(inner[2], v))
  const map = /^map\((.*)\)$/.exec(t)
  if (map) return typeof value === 'object' && !Array.isArray(value) && Object.values(value as object).every((v) => acceptsValue(map[1], v))
  return true
}

/** Merges fixture defaults with scenario overrides; unknown or mistyped variables are input errors. */
export function mergeVariables(fixture: Fixture, scenario: Scenario, file: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const vars: Record<string, unknown> = {}
  for (const [name, decl] of Object.entries(fixture.variables)) if (decl.default !== undefined) vars[name] = decl.default
  for (const [name, value] of Object.entries(scenario.vars)) {
    const decl = fixture.variables[name]
    if (!decl) {
      const declared = Object.keys(fixture.variables).sort()
      throw new InputError(file, `vars.${name}`, `fixture ${fixture.name} declares no such variable (it has: ${declared.join(', ')})${didYouMean(name, declared)}`)
    }
    if (!acceptsValue(decl.type, value)) throw new InputError(file, `vars.${name}`, `expected ${decl.type}, got ${JSON.stringify(value)}`)
    vars[name] = value
  }
  return { ...vars, ...extra }
}

/**
 * The fixture a scenario names and its merged variables, checked for `target`: an unknown fixture,
 * a fixture that does not run on the target, or a bad variable is an InputError naming the
 * scenario file. The one place both the pre-run validation and each scenario's session use.
 */
export async function resolveScenarioInputs(input: {
  root: string
  scenario: Scenario
  file: string
  target: 'local' | 'aws'
  runVars: Record<string, unknown>
}): Promise<{ fixture: Fixture; vars: Record<string, unknown> }> {
  const { root, scenario, file, target } = input
  let fixture: Fixture
  try {
    fixture = await loadFixture(root, scenario.fixture)
  } catch (error) {
    if (error instanceof InputError && error.code === 'UNKNOWN_FIXTURE') {
      throw new InputError(file, 'fixture', error.message.replace(/^[^:]*: (\(root\): )?/, ''), { code: 'UNKNOWN_FIXTURE' })
    }
    throw error
  }
  if (!fixture.manifest.targets.includes(target)) throw new InputError(file, 'fixture', `fixture ${scenario.fixture} does not run on the ${target} target`)
  return { fixture, vars: mergeVariables(fixture, scenario, file, input.runVars) }
}
