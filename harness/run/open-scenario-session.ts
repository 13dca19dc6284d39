// Builds the session of one scenario inside a run: its log file, a fresh target, and the run
// context with the scenario's own log and work directories. Used by the vitest suite and by
// `plh run --keep`, so both run a scenario the same way.
import { join, relative } from 'node:path'
import type { Scenario } from '../core/scenario.js'
import type { TargetName } from '../core/target.js'
import { createFileLogger } from './create-logger.js'
import { createTarget } from './create-target.js'
import { RunJournal } from './run-journal.js'
import { ScenarioSession } from './scenario-session.js'

export interface OpenSessionInput {
  root: string
  /** absolute path of the scenario file */
  file: string
  scenario: Scenario
  target: TargetName
  runId: string
  tag: string
  /** the run's report directory (reports/<run-id>) */
  reportDir: string
  samples?: number
}

/** A ScenarioSession with its logger and target, not yet prepared. */
export function openScenarioSession(input: OpenSessionInput): { session: ScenarioSession; flushLog(): void } {
  const { scenario, reportDir } = input
  const shown = relative(input.root, input.file) || input.file
  const logDir = join(reportDir, 'logs', scenario.name)
  const log = createFileLogger(join(logDir, 'run.log'), { run: input.runId, scenario: scenario.name })
  const session = new ScenarioSession({
    root: input.root,
    file: shown,
    scenario,
    target: createTarget(input.target, { source: shown, root: input.root, steps: scenario.steps, ...(scenario.expect_apply_error !== undefined ? { expectApplyError: scenario.expect_apply_error } : {}) }),
    reportDir,
    run: { runId: input.runId, tag: input.tag, workDir: join(reportDir, 'work', scenario.name), logDir, log, journal: new RunJournal(input.tag, scenario.name) },
    ...(input.samples ? { samples: input.samples } : {}),
  })
  return { session, flushLog: () => log.flush() }
}
