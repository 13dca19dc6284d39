// `plh cleanup`.
import { cleanupRuns } from '../run/cleanup-runs.js'

export async function run(options: Record<string, unknown>): Promise<number> {
  const tags = options.run as string[] | undefined
  if (tags?.some((t) => !/^[0-9a-f]{6}$/.test(t))) {
    process.stderr.write('plh: --run: a run tag is the 6 hex digits that end a run id\n')
    return 2
  }
  const report = await cleanupRuns({ dryRun: Boolean(options.dryRun), ...(tags ? { tags } : {}) })
  const verb = options.dryRun ? 'would remove' : 'removed'
  const out = (line: string) => process.stdout.write(line + '\n')
  out(`${verb} ${report.journaled.length} journaled resource(s) of dead runs${report.journaled.length ? `:\n  ${report.journaled.join('\n  ')}` : ''}`)
  out(`${verb} ${report.removed.length} namespace(s) by name${report.removed.length ? `: ${report.removed.join(', ')}` : ''}`)
  if (report.killed.length) out(`killed ${report.killed.length} process(es) left inside them`)
  if (report.kept.length) out(`kept ${report.kept.length} namespace(s) of runs still alive (whatever their state dir)`)
  if (report.busy.length) out(`left run(s) ${report.busy.join(', ')} to the process already reclaiming them`)
  if (report.manual.length) process.stderr.write(`plh: finish by hand:\n  ${report.manual.join('\n  ')}\n`)
  if (report.failed.length) {
    process.stderr.write(`plh: could not remove: ${report.failed.join('; ')}\n`)
    return 4
  }
  return 0
}
