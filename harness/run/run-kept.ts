// `plh run --keep`: runs the scenarios in this process (the local emulator's services live in
// the process that built them), writes the reports and DIR/local-target.json, then keeps the
// topology up until Ctrl-C (or SIGTERM) and tears it down.
import { mkdir, writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { LocalTarget } from '../targets/local/local-target.js'
import { checkLocalPrerequisites } from '../targets/local/check-prerequisites.js'
import { writeRunReports } from '../report/write-reports.js'
import { createFileLogger } from './create-logger.js'
import { createRunId } from './create-run-id.js'
import { createTarget } from './create-target.js'
import { registerRun } from './run-registry.js'
import { ScenarioSession } from './scenario-session.js'
import { exitCodeOfRun, summarizeRun } from './summarize-run.js'
import { selectScenarios, type RunOptions, type RunOutcome } from './start-run.js'

export async function runKept(options: RunOptions): Promise<RunOutcome> {
  const root = resolve(options.root)
  if (options.target === 'local') await checkLocalPrerequisites()
  const selected = await selectScenarios(root, options.target, options.scenarios)
  const { runId, tag } = createRunId()
  const unregister = await registerRun(tag, runId)
  const reportsRoot = resolve(options.reportDir)
  const dir = join(reportsRoot, runId)
  await mkdir(dir, { recursive: true })
  const startedAt = new Date()
  const sessions: ScenarioSession[] = []
  const info: Record<string, unknown> = {}
  try {
    for (const { file, scenario } of selected) {
      const log = createFileLogger(join(dir, 'logs', scenario.name, 'run.log'), { run: runId, scenario: scenario.name })
      const target = createTarget(options.target, { source: relative(root, file) })
      const session = new ScenarioSession({
        root,
        file: relative(root, file),
        scenario,
        target,
        reportDir: dir,
        run: { runId, tag, workDir: join(dir, 'work'), logDir: join(dir, 'logs', scenario.name), log },
        ...(options.samples ? { samples: options.samples } : {}),
      })
      sessions.push(session)
      await session.prepare()
      await session.applyAndWait()
      if (session.applyOutcome().ok && !session.applyError) {
        for (let i = 0; i < scenario.steps.length; i++) await session.runStep(i).catch(() => undefined)
      }
      if (target instanceof LocalTarget) info[scenario.name] = target.info()
    }
    await writeFile(join(dir, 'local-target.json'), JSON.stringify(info, null, 2), { mode: 0o600 })
    const results = summarizeRun(runId, options.target, startedAt, sessions.map((s) => s.result()))
    await writeRunReports(dir, results)
    process.stdout.write(`\nTopology kept up: ${join(dir, 'local-target.json')} has the SSM endpoint, region and credentials.\nPress Ctrl-C to tear it down.\n`)
    await new Promise<void>((resolveWait) => {
      process.once('SIGINT', resolveWait)
      process.once('SIGTERM', resolveWait)
    })
    for (const s of sessions) await s.destroy()
    const final = summarizeRun(runId, options.target, startedAt, sessions.map((s) => s.result()))
    return { exitCode: exitCodeOfRun(final), runId, dir, results: final }
  } finally {
    for (const s of sessions) await s.destroy()
    await unregister()
  }
}
