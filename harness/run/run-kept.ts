// `plh run --keep`: runs the scenarios in this process (the local emulator's services live in
// the process that built them), writes the reports and DIR/local-target.json, then keeps the
// topology up until Ctrl-C (or SIGTERM, SIGHUP, SIGQUIT), tears it down and writes the final reports.
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { LocalAwsTarget } from '../targets/local/local-aws-target.js'
import { LocalTarget } from '../targets/local/local-target.js'
import { writeRunReports } from '../report/write-reports.js'
import { finishRun } from './finish-run.js'
import { progressFolder } from './progress/write-progress.js'
import { openScenarioSession } from './open-scenario-session.js'
import { prepareRun, type RunOptions } from './prepare-run.js'
import type { ScenarioSession } from './scenario-session.js'
import type { RunOutcome } from './start-run.js'
import { exitCodeOfRun, summarizeRun } from './summarize-run.js'
import { takeOverRunSignals } from './run-signals.js'
import { reclaimDeadRuns } from './reclaim-dead-runs.js'
import { RUN_SIGNALS } from './signal-policy.js'
import { tearDownRun } from './tear-down-run.js'

export async function runKept(options: RunOptions): Promise<RunOutcome> {
  const run = await prepareRun(options)
  // until the topology is up, a signal tears down from the run journal (run-signals.ts)
  const signals = takeOverRunSignals(run)
  const sessions: ScenarioSession[] = []
  const info: Record<string, unknown> = {}
  try {
    await reclaimDeadRuns((line) => process.stderr.write(`plh: ${line}\n`))
    for (const { file, scenario } of run.selected) {
      const { session } = openScenarioSession({
        root: run.root,
        file,
        scenario,
        target: options.target,
        runId: run.runId,
        tag: run.tag,
        reportDir: run.dir,
        ...(options.samples ? { samples: options.samples } : {}),
      })
      sessions.push(session)
      await session.prepare()
      await session.applyAndWait()
      if (session.applyOutcome().ok && !session.applyError) {
        for (let i = 0; i < scenario.steps.length; i++) await session.runStep(i).catch(() => undefined)
      }
      const target = session.options.target
      if (target instanceof LocalTarget || target instanceof LocalAwsTarget) info[scenario.name] = target.info()
    }
    await writeFile(join(run.dir, 'local-target.json'), JSON.stringify(info, null, 2), { mode: 0o600 })
    // a first report to read while the topology is up; finishRun writes the final one
    await writeRunReports(run.dir, summarizeRun(run.runId, options.target, run.startedAt, sessions.map((s) => s.result())))
    process.stdout.write(`\nTopology kept up: ${join(run.dir, 'local-target.json')} has the SSM endpoint, region and credentials.\nPress Ctrl-C to tear it down.\n`)
    signals.dispose()
    // a closed terminal (SIGHUP) or Ctrl-\ tears the kept topology down as Ctrl-C does; the
    // listeners stay, so that a second signal (a hang-up comes from the kernel and the shell) cannot cut it short
    await new Promise<void>((resolveWait) => RUN_SIGNALS.forEach((signal) => process.on(signal, () => resolveWait())))
    for (const s of sessions) await s.destroy()
    // sessions write progress events for a live display that --keep does not show
    await rm(progressFolder(run.dir), { recursive: true, force: true })
    const results = await finishRun(run, options.target, sessions.map((s) => s.result()))
    return { exitCode: exitCodeOfRun(results), runId: run.runId, dir: run.dir, results }
  } finally {
    for (const s of sessions) await s.destroy()
    signals.dispose()
    // whatever the sessions' destroy missed, and the journal file itself
    await tearDownRun(run.tag)
    await run.unregister()
  }
}
