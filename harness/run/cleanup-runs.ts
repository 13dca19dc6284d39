// `plh cleanup`: removes what dead runs left (namespaces, the processes inside them, their
// /etc/netns entries, their registry files) and nothing of a run still alive.
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { deleteNamespaces, listNamespaces } from '../targets/local/netns/run-batches.js'
import { NETNS_ETC } from '../targets/local/emulator.js'
import { runIsAlive, stateDir, tagOfNamespace } from './run-registry.js'

export interface CleanupReport {
  removed: string[]
  kept: string[]
  failed: string[]
  killed: number[]
}

/** Reclaims leftovers of dead runs; `dryRun` only lists them. */
export async function cleanupRuns(options: { dryRun?: boolean } = {}): Promise<CleanupReport> {
  const report: CleanupReport = { removed: [], kept: [], failed: [], killed: [] }
  const byTag = new Map<string, string[]>()
  for (const ns of await listNamespaces()) {
    const tag = tagOfNamespace(ns)
    if (tag) byTag.set(tag, [...(byTag.get(tag) ?? []), ns])
  }
  const etc = await readdir(NETNS_ETC).catch(() => [] as string[])
  for (const entry of etc) {
    const tag = tagOfNamespace(entry)
    if (tag && !byTag.has(tag)) byTag.set(tag, [])
  }
  for (const [tag, namespaces] of byTag) {
    if (await runIsAlive(tag)) {
      report.kept.push(...namespaces)
      continue
    }
    if (options.dryRun) {
      report.removed.push(...namespaces)
      continue
    }
    for (const ns of namespaces) {
      const pids = await execa('ip', ['netns', 'pids', ns], { reject: false })
      for (const pid of pids.stdout.split('\n').filter(Boolean).map(Number)) {
        try {
          process.kill(pid, 'SIGKILL')
          report.killed.push(pid)
        } catch {
          // already gone
        }
      }
    }
    const left = await deleteNamespaces(namespaces)
    report.failed.push(...left)
    report.removed.push(...namespaces.filter((n) => !left.includes(n)))
    for (const entry of etc.filter((e) => tagOfNamespace(e) === tag)) await rm(join(NETNS_ETC, entry), { recursive: true, force: true })
    await rm(join(stateDir(), 'runs', `${tag}.json`), { force: true })
  }
  return report
}
