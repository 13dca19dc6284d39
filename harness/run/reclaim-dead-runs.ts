// What a run does before it makes anything: replay the journals of runs that died (SIGKILL, a
// machine that lost power, a parent that vanished) and remove what they left, never touching a
// live run, and say what it removed. A user who never heard of `plh cleanup` is not left with
// leaks. `plh run` and `plh run --keep` call it; so should any long-lived command that builds
// topologies (a future `plh serve`). Only runs recorded in this state dir are reclaimed here;
// namespaces named for runs no journal here knows stay for an explicit `plh cleanup`.
import { cleanupRuns, type CleanupReport } from './cleanup-runs.js'

/** Reclaims the dead runs this state dir recorded and reports it through `say` (nothing when there were none). */
export async function reclaimDeadRuns(say: (line: string) => void): Promise<CleanupReport | undefined> {
  let report: CleanupReport
  try {
    report = await cleanupRuns({ recordedOnly: true })
  } catch (error) {
    say(`could not check for what dead runs left: ${(error as Error).message}; \`plh cleanup\` retries`)
    return undefined
  }
  for (const line of describeReclaim(report)) say(line)
  return report
}

/** The lines a run prints about what it reclaimed (pure): counts by kind, not every entry. */
export function describeReclaim(report: CleanupReport): string[] {
  const lines: string[] = []
  if (report.reclaimed.length) {
    const byKind = new Map<string, number>()
    for (const entry of report.journaled) {
      const kind = /^[0-9a-f]{6}: (\S+)/.exec(entry)?.[1] ?? 'resource'
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1)
    }
    const kinds = [...byKind].map(([kind, n]) => `${n} ${kind}`).join(', ')
    const swept = report.removed.length ? `; ${report.removed.length} namespace(s) no journal listed, found by name` : ''
    lines.push(`removed what ${report.reclaimed.length} dead run(s) left (${report.reclaimed.join(', ')}): ${report.journaled.length} journaled resource(s)${kinds ? ` (${kinds})` : ''}${swept}`)
  }
  for (const command of report.manual) lines.push(`a dead run's teardown must be finished by hand: ${command}`)
  if (report.failed.length) lines.push(`could not remove what dead runs left: ${report.failed.join('; ')}; see \`plh cleanup --dry-run\``)
  return lines
}
