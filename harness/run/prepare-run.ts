// Everything a run does before it builds anything: the target's prerequisites, every selected
// scenario validated (bad input stops here, nothing applied), a run id registered as alive, and
// its report directory. `plh run` and `plh run --keep` both start here.
import { mkdir } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { InputError } from '../core/errors.js'
import type { Scenario } from '../core/scenario.js'
import type { TargetName } from '../core/target.js'
import { checkLocalPrerequisites } from '../targets/local/check-prerequisites.js'
import { validateLocalScenario } from '../targets/local/validate-local.js'
import { createRunId } from './create-run-id.js'
import { listScenarioFiles, loadScenarioFile, resolveScenarioInputs, scenariosFolder } from './load-scenario.js'
import { registerRun } from './run-registry.js'

export interface RunOptions {
  root: string
  target: TargetName
  reportDir: string
  scenarios?: string[]
  samples?: number
  concurrency?: number
  quiet?: boolean
}

export interface SelectedScenario {
  /** absolute path */
  file: string
  scenario: Scenario
}

export interface PreparedRun {
  root: string
  selected: SelectedScenario[]
  runId: string
  tag: string
  /** the --report-dir folder (history.jsonl, latest) */
  reportsRoot: string
  /** reportsRoot/<run-id> */
  dir: string
  startedAt: Date
  /** marks the run as finished for `plh cleanup` */
  unregister(): Promise<void>
}

/** Loads and validates the selected scenarios and their fixtures; InputError on the first problem. */
export async function selectScenarios(root: string, target: TargetName, names: string[] | undefined): Promise<SelectedScenario[]> {
  const files = await listScenarioFiles(join(root, scenariosFolder))
  const loaded: SelectedScenario[] = []
  for (const file of files) loaded.push({ file, scenario: await loadScenarioFile(file, root) })
  if (names?.length) {
    const known = new Set(loaded.map((l) => l.scenario.name))
    const unknown = names.filter((n) => !known.has(n))
    if (unknown.length) throw new InputError('--scenario', unknown[0]!, `unknown scenario; known: ${[...known].join(', ')}`, { code: 'UNKNOWN_SCENARIO' })
  }
  const selected = loaded.filter((l) => (names?.length ? names.includes(l.scenario.name) : l.scenario.targets.includes(target)))
  for (const { file, scenario } of selected) {
    const shown = relative(root, file)
    if (!scenario.targets.includes(target)) throw new InputError(shown, 'targets', `scenario does not run on the ${target} target`)
    const { fixture, vars } = await resolveScenarioInputs({ root, scenario, file: shown, target, runVars: { run_id: 'validate', name_prefix: 'plh-validate' } })
    if (target === 'local') validateLocalScenario(fixture, vars, shown)
  }
  return selected
}

/** Checks, selects and registers a run; the caller must call `unregister` when it ends. */
export async function prepareRun(options: RunOptions): Promise<PreparedRun> {
  const root = resolve(options.root)
  if (options.target === 'local') await checkLocalPrerequisites()
  const selected = await selectScenarios(root, options.target, options.scenarios)
  if (selected.length === 0) throw new InputError('scenarios/', '', `no scenario runs on the ${options.target} target`)
  const { runId, tag } = createRunId()
  const reportsRoot = resolve(options.reportDir)
  const dir = join(reportsRoot, runId)
  await mkdir(dir, { recursive: true })
  const unregister = await registerRun(tag, runId)
  return { root, selected, runId, tag, reportsRoot, dir, startedAt: new Date(), unregister }
}
