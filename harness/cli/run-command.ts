// `plh run`.
import { relative } from 'node:path'
import { startRun } from '../run/start-run.js'
import { runKept } from '../run/run-kept.js'
import { projectRoot } from './project-root.js'

export async function run(options: Record<string, unknown>): Promise<number> {
  const runOptions = {
    root: projectRoot(),
    target: (options.target as 'local' | 'aws') ?? 'local',
    reportDir: (options.reportDir as string) ?? 'reports',
    ...(options.scenario ? { scenarios: options.scenario as string[] } : {}),
    ...(options.samples ? { samples: options.samples as number } : {}),
    concurrency: (options.concurrency as number) ?? 2,
    quiet: Boolean(options.quiet),
  }
  if (runOptions.samples !== undefined && (!Number.isInteger(runOptions.samples) || runOptions.samples < 1 || runOptions.samples > 1000)) {
    process.stderr.write('plh: --samples: must be a whole number from 1 to 1000\n')
    return 2
  }
  const outcome = options.keep ? await runKept(runOptions) : await startRun(runOptions)
  const { results } = outcome
  const passed = results.scenarios.filter((s) => s.status === 'passed').length
  const expectations = results.scenarios.flatMap((s) => s.probes.flatMap((p) => p.expectations))
  const okExpectations = expectations.filter((e) => e.status === 'passed').length
  process.stdout.write(
    [
      '',
      `plh run ${results.run_id} on ${results.target}: ${results.status.toUpperCase()}`,
      `  scenarios ${passed}/${results.scenarios.length} passed, expectations ${okExpectations}/${expectations.length} held`,
      ...results.scenarios.filter((s) => s.status !== 'passed').map((s) => `  ✗ ${s.name}: ${s.status}${s.error ? ` — ${s.error.message}` : ''}`),
      `  report: ${relative(process.cwd(), outcome.dir) || outcome.dir}/index.html`,
      '',
    ].join('\n'),
  )
  return outcome.exitCode
}
