// `plh cleanup`.
import { cleanupRuns } from '../run/cleanup-runs.js'

export async function run(options: Record<string, unknown>): Promise<number> {
  const report = await cleanupRuns({ dryRun: Boolean(options.dryRun) })
  const verb = options.dryRun ? 'would remove' : 'removed'
  process.stdout.write(`${verb} ${report.removed.length} namespace(s)${report.removed.length ? `: ${report.removed.join(', ')}` : ''}\n`)
  if (report.killed.length) process.stdout.write(`killed ${report.killed.length} process(es) left inside them\n`)
  if (report.kept.length) process.stdout.write(`kept ${report.kept.length} namespace(s) of runs still alive\n`)
  if (report.failed.length) {
    process.stderr.write(`plh: could not remove: ${report.failed.join(', ')}\n`)
    return 4
  }
  return 0
}
