// Everything a run does before it builds anything: the target's prerequisites, every selected
// scenario validated (bad input stops here, nothing applied), a run id registered as alive, and
// its report directory. `plh run` and `plh run --keep` both start here.
import { mkdir } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { accountVariables } from '../core/account-variables.js'
import { InputError } from '../core/errors.js'
import { defaultRunConfigFile, type RunConfig } from '../core/run-config.js'
import type { Scenario } from '../core/scenario.js'
import type { TargetName } from '../core/target.js'
import { checkLocalPrerequisites } from '../targets/local/check-prerequisites.js'
import { validateLocalScenario } from '../targets/local/validate-local.js'
import { createRunId } from './create-run-id.js'
import { loadComparisons, type LoadedComparison } from './load-comparison.js'
import { loadFixture } from './load-fixture.js'
import { listScenarioFiles, loadScenarioFile, resolveScenarioInputs, scenariosFolder } from './load-scenario.js'
import { loadRunConfig } from './load-run-config.js'
import { registerRun } from './run-registry.js'
import { requireValidFixture } from './validate-fixture.js'
import { selectShard, type Shard } from './shard.js'
import { formatNodeSupportNotice } from './node-support-notice.js'

export interface RunOptions {
  root: string
  target: TargetName
  reportDir: string
  scenarios?: string[]
  samples?: number
  concurrency?: number
  quiet?: boolean
  /** account ids shown as ****1234 in results.json and index.html */
  maskAccounts?: boolean
  /** run only this shard of the selected scenarios (`--shard i/n`) */
  shard?: Shard
  /** run configuration file (`--config`); read only for the aws target (default: plh.config.json in root) */
  config?: string
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
  /** account ids masked in the reports (`--mask-accounts`) */
  maskAccounts?: boolean
  /** comparisons of scenarios/*.comparison.ts, validated; finishRun evaluates those whose scenarios both ran */
  comparisons: LoadedComparison[]
  /** set when this run is one shard of a sharded run */
  shard?: Shard
  /** the run configuration (aws target only) */
  runConfig?: RunConfig
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
    if (unknown.length) throw new InputError('plh run', '--scenario', `unknown scenario "${unknown[0]}"; known: ${[...known].join(', ')}`, { code: 'UNKNOWN_SCENARIO' })
  }
  const selected = loaded.filter((l) => (names?.length ? names.includes(l.scenario.name) : l.scenario.targets.includes(target)))
  for (const { file, scenario } of selected) {
    const shown = relative(root, file)
    if (!scenario.targets.includes(target)) throw new InputError(shown, 'targets', `scenario does not run on the ${target} target`)
    const { fixture, vars } = await resolveScenarioInputs({ root, scenario, file: shown, target, runVars: { run_id: 'validate', name_prefix: 'plh-validate' } })
    // manifest and HCL must agree (what `plh validate` checks), or the two targets would run different things
    await requireValidFixture(root, scenario.fixture)
    if (target === 'local') validateLocalScenario(fixture, vars, shown)
  }
  return selected
}

/** Checks, selects and registers a run; the caller must call `unregister` when it ends. */
export async function prepareRun(options: RunOptions): Promise<PreparedRun> {
  const root = resolve(options.root)
  if (options.target === 'local') await checkLocalPrerequisites()
  const runConfig = options.target === 'aws' ? await loadRunConfig(root, options.config) : undefined
  if (options.target === 'aws' && !runConfig) {
    throw new InputError(defaultRunConfigFile, '(root)', 'the aws target needs a run configuration: copy plh.config.example.json to plh.config.json and edit it, or pass --config FILE')
  }
  const all = await selectScenarios(root, options.target, options.scenarios)
  if (runConfig) {
    // every account a selected fixture needs must be configured: found now, not at apply
    for (const { scenario } of all) accountVariables(runConfig, Object.keys((await loadFixture(root, scenario.fixture)).variables), options.config ?? defaultRunConfigFile)
  }
  if (all.length === 0) throw new InputError('scenarios/', '', `no scenario runs on the ${options.target} target`)
  const comparisons = await loadComparisons(join(root, scenariosFolder), root)
  const shard = options.shard
  const selected = shard ? selectShard(all, shard.index, shard.count, (s) => s.scenario.name) : all
  if (shard && selected.length === 0) {
    throw new InputError('plh run', '--shard', `shard ${shard.index}/${shard.count} has no scenario: only ${all.length} selected for ${shard.count} shards`)
  }
  const { runId, tag } = createRunId()
  const reportsRoot = resolve(options.reportDir)
  const dir = join(reportsRoot, runId)
  await mkdir(dir, { recursive: true })
  const unregister = await registerRun(tag, runId)
  // the SDK's own warning is off in this process and its workers (cli/main.ts): this is its one copy
  const notice = formatNodeSupportNotice(process.version)
  if (notice) process.stderr.write(`${notice}\n`)
  return { root, selected, runId, tag, reportsRoot, dir, startedAt: new Date(), maskAccounts: options.maskAccounts ?? false, comparisons, ...(shard ? { shard } : {}), ...(runConfig ? { runConfig } : {}), unregister }
}
