// `plh cleanup`: removes what dead runs left and nothing of a run still alive. First from each
// dead run's journal (namespaces, processes whose command line still matches, files, terraform
// working directories), then, as a second net, anything named `plh-<tag>-…` in `ip netns` and
// /etc/netns for runs that are not alive (a journal can be lost with its state directory).
// "Alive" holds whatever state dir a run was registered under (run-registry.ts). Two processes
// reclaiming at once (two `plh run`s starting) split the dead runs between them by a claim file.
import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { execa } from 'execa'
import { deleteNamespaces, listNamespaces } from '../targets/local/netns/run-batches.js'
import { NETNS_ETC } from '../targets/local/emulator.js'
import { removeJournaled } from './remove-journaled.js'
import { dropJournalIfEmpty, listJournalTags, pendingResources, readJournal, RunJournal } from './run-journal.js'
import { processExists, runIsAlive, stateDir, tagOfNamespace } from './run-registry.js'

export interface CleanupReport {
  /** namespaces removed by the name sweep */
  removed: string[]
  /** namespaces of runs still alive */
  kept: string[]
  /** what could not be removed, with why */
  failed: string[]
  /** pids killed inside swept namespaces */
  killed: number[]
  /** `<tag>: <kind> <id>` of each journal entry removed (or, with dryRun, that would be) */
  journaled: string[]
  /** commands a person must run to finish (terraform that could not run here) */
  manual: string[]
  /** tags of the dead runs reclaimed here (with dryRun: that would be) */
  reclaimed: string[]
  /** tags of dead runs that another process was reclaiming at the time */
  busy: string[]
}

/** Kills what runs inside run `tag`'s `plh-<tag>-…` namespaces, deletes them and their /etc/netns entries. */
export async function sweepRunNamespaces(tag: string): Promise<{ removed: string[]; failed: string[]; killed: number[] }> {
  const namespaces = (await listNamespaces()).filter((n) => tagOfNamespace(n) === tag)
  const killed: number[] = []
  for (const ns of namespaces) {
    const pids = await execa('ip', ['netns', 'pids', ns], { reject: false })
    for (const pid of pids.stdout.split('\n').filter(Boolean).map(Number)) {
      try {
        process.kill(pid, 'SIGKILL')
        killed.push(pid)
      } catch {
        // already gone
      }
    }
  }
  const failed = await deleteNamespaces(namespaces)
  const etc = await readdir(NETNS_ETC).catch(() => [] as string[])
  for (const entry of etc.filter((e) => tagOfNamespace(e) === tag)) await rm(join(NETNS_ETC, entry), { recursive: true, force: true })
  return { removed: namespaces.filter((n) => !failed.includes(n)), failed, killed }
}

/** Tags of the runs registered in this state dir (alive or not). */
async function listRegisteredTags(): Promise<string[]> {
  const entries = await readdir(join(stateDir(), 'runs')).catch(() => [] as string[])
  return entries.filter((e) => /^[0-9a-f]{6}\.json$/.test(e)).map((e) => e.slice(0, 6))
}

/** Run tags that have something on this machine: a journal, a namespace or an /etc/netns entry. */
async function tagsWithLeftovers(): Promise<Map<string, string[]>> {
  const byTag = new Map<string, string[]>()
  for (const tag of await listJournalTags()) byTag.set(tag, [])
  for (const ns of await listNamespaces()) {
    const tag = tagOfNamespace(ns)
    if (tag) byTag.set(tag, [...(byTag.get(tag) ?? []), ns])
  }
  for (const entry of await readdir(NETNS_ETC).catch(() => [] as string[])) {
    const tag = tagOfNamespace(entry)
    if (tag && !byTag.has(tag)) byTag.set(tag, [])
  }
  return byTag
}

/** Claims dead run `tag` for reclaiming in this process; null when a live process holds the claim. */
async function claimDeadRun(tag: string): Promise<(() => Promise<void>) | null> {
  const file = join(stateDir(), 'runs', `${tag}.reclaim`)
  await mkdir(dirname(file), { recursive: true })
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      return () => rm(file, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(await readFile(file, 'utf8').catch(() => ''))
      // a claim whose process is gone (it died while reclaiming) is stale: taken over
      if (holder > 0 && holder !== process.pid && processExists(holder)) return null
      await rm(file, { force: true })
    }
  }
  return null
}

export interface CleanupOptions {
  /** only list what would be removed */
  dryRun?: boolean
  /** only these runs */
  tags?: string[]
  /**
   * only runs this state dir recorded (a journal or a registry file): what a run does at its start,
   * so that it never sweeps by name what a run of another state dir left (that stays for `plh cleanup`)
   */
  recordedOnly?: boolean
}

/** Reclaims leftovers of dead runs (only `tags` when given); `dryRun` only lists them. */
export async function cleanupRuns(options: CleanupOptions = {}): Promise<CleanupReport> {
  const report: CleanupReport = { removed: [], kept: [], failed: [], killed: [], journaled: [], manual: [], reclaimed: [], busy: [] }
  const recorded = options.recordedOnly ? new Set([...(await listJournalTags()), ...(await listRegisteredTags())]) : undefined
  for (const [tag, namespaces] of await tagsWithLeftovers()) {
    if (options.tags && !options.tags.includes(tag)) continue
    if (recorded && !recorded.has(tag)) continue
    if (await runIsAlive(tag)) {
      report.kept.push(...namespaces)
      continue
    }
    if (options.dryRun) {
      report.journaled.push(...pendingResources(await readJournal(tag)).map((r) => `${tag}: ${r.kind} ${r.id}`))
      report.removed.push(...namespaces)
      report.reclaimed.push(tag)
      continue
    }
    const release = await claimDeadRun(tag)
    if (!release) {
      report.busy.push(tag)
      continue
    }
    try {
      await reclaimDeadRun(tag, report)
    } finally {
      await release()
    }
  }
  return report
}

async function reclaimDeadRun(tag: string, report: CleanupReport): Promise<void> {
  report.reclaimed.push(tag)
  const journal = new RunJournal(tag)
  const fromJournal = await removeJournaled(await journal.pending(), journal)
  report.journaled.push(...fromJournal.removed.map((r) => `${tag}: ${r}`))
  report.failed.push(...fromJournal.left.map((r) => `${tag}: ${r}`))
  report.manual.push(...fromJournal.manual)
  const swept = await sweepRunNamespaces(tag)
  report.removed.push(...swept.removed)
  report.failed.push(...swept.failed)
  report.killed.push(...swept.killed)
  if ((await dropJournalIfEmpty(tag)) && swept.failed.length === 0) await rm(join(stateDir(), 'runs', `${tag}.json`), { force: true })
}
