// `plh run`.
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { formatRunSummary } from '../run/progress/format-run-summary.js'
import { startRun } from '../run/start-run.js'
import { runKept } from '../run/run-kept.js'
import type { Shard } from '../run/shard.js'
import { formatComparisonLines } from './format-comparison-lines.js'
import { projectRoot } from './project-root.js'

export async function run(options: Record<string, unknown>): Promise<number> {
  const runOptions = {
    root: projectRoot(),
    target: (options.target as 'local' | 'aws') ?? 'local',
    reportDir: (options.reportDir as string) ?? 'reports',
    ...(options.scenario ? { scenarios: options.scenario as string[] } : {}),
    // `!== undefined`, not truthiness: --samples 0 must be refused, not silently dropped
    ...(options.samples !== undefined ? { samples: options.samples as number } : {}),
    concurrency: (options.concurrency as number) ?? 2,
    quiet: Boolean(options.quiet),
    verbose: Boolean(options.verbose),
    maskAccounts: Boolean(options.maskAccounts),
    ...(options.config ? { config: options.config as string } : {}),
    ...(options.shard ? { shard: options.shard as Shard } : {}),
  }
  if (runOptions.samples !== undefined && (!Number.isInteger(runOptions.samples) || runOptions.samples < 1 || runOptions.samples > 1000)) {
    process.stderr.write('plh: --samples: must be a whole number from 1 to 1000\n')
    return 2
  }
  // workers inherit the environment: the engine travels with the other run settings
  if (options.localEngine !== undefined) process.env.PLH_LOCAL_ENGINE = options.localEngine as string
  const outcome = options.keep ? await runKept(runOptions) : await startRun(runOptions)
  const shown = (file: string): string => (relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file))
  process.stdout.write(formatRunSummary({ results: outcome.results, reportPath: shown(join(outcome.dir, 'index.html')), ...(existsSync(join(outcome.dir, 'run.log')) ? { logPath: shown(join(outcome.dir, 'run.log')) } : {}) }))
  process.stdout.write(formatComparisonLines(outcome.results))
  return outcome.exitCode
}
