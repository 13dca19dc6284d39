// The run journal: <state dir>/journal/<tag>.jsonl, one JSON line per fact, appended and fsync'd,
// written BEFORE a resource is made ('create') and after it is gone ('remove'). Several processes
// of a run (the `plh run` process, each vitest worker) append to the same file; each line is one
// write() on an O_APPEND descriptor, so lines never interleave. Replay is pure (pendingResources).
import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { JournalResource, ResourceJournal } from '../core/resource-journal.js'
import { stateDir } from './run-registry.js'

export type { JournalResource, ResourceJournal } from '../core/resource-journal.js'

export interface JournalLine extends JournalResource {
  op: 'create' | 'remove'
  at: string
}

const keyOf = (r: Pick<JournalResource, 'kind' | 'id'>): string => `${r.kind}\u0000${r.id}`

/** What the lines say still exists, most recently created first (the order to remove it in). */
export function pendingResources(lines: JournalLine[]): JournalResource[] {
  // a second 'create' of a live resource adds facts (a pid) without moving it in the order
  const live = new Map<string, { order: number; resource: JournalResource }>()
  lines.forEach((line, order) => {
    const key = keyOf(line)
    const { op: _op, at: _at, ...resource } = line
    if (line.op === 'remove') live.delete(key)
    else {
      const known = live.get(key)
      live.set(key, known ? { order: known.order, resource: { ...known.resource, ...resource } } : { order, resource })
    }
  })
  return [...live.values()].sort((a, b) => b.order - a.order).map((e) => e.resource)
}

/** Parses a journal's text; a torn last line (the writer died mid-write) is ignored. */
export function parseJournal(text: string): JournalLine[] {
  const lines: JournalLine[] = []
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue
    try {
      const line = JSON.parse(raw) as JournalLine
      if ((line.op === 'create' || line.op === 'remove') && typeof line.kind === 'string' && typeof line.id === 'string') lines.push(line)
    } catch {
      // only the last line can be torn: fsync follows every whole line
    }
  }
  return lines
}

/** Where the journals live. */
export function journalDir(): string {
  return join(stateDir(), 'journal')
}

/** The journal file of run `tag`. */
export function journalFile(tag: string): string {
  return join(journalDir(), `${tag}.jsonl`)
}

/** The lines of run `tag`'s journal ([] when it has none). */
export async function readJournal(tag: string): Promise<JournalLine[]> {
  return parseJournal(await readFile(journalFile(tag), 'utf8').catch(() => ''))
}

/** Tags of every run that has a journal. */
export async function listJournalTags(): Promise<string[]> {
  const entries = await readdir(journalDir()).catch(() => [] as string[])
  return entries.filter((e) => /^[0-9a-f]{6}\.jsonl$/.test(e)).map((e) => e.slice(0, 6))
}

/** Deletes run `tag`'s journal once nothing in it is pending; returns whether it did. */
export async function dropJournalIfEmpty(tag: string): Promise<boolean> {
  if (pendingResources(await readJournal(tag)).length > 0) return false
  await rm(journalFile(tag), { force: true })
  return true
}

async function readCmdline(pid: number): Promise<string | undefined> {
  const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined)
  return raw?.replace(/\0+$/, '').replaceAll('\0', ' ')
}

/** The current command line of `pid`, as a journal records it (undefined when the process is gone). */
export const processCmdline = readCmdline

/** A journal writer for run `tag`; `scenario` stamps every resource this writer records. */
export class RunJournal implements ResourceJournal {
  private queue: Promise<void> = Promise.resolve()

  constructor(
    readonly tag: string,
    readonly scenario?: string,
  ) {}

  get file(): string {
    return journalFile(this.tag)
  }

  async record(...resources: JournalResource[]): Promise<void> {
    const filled = await Promise.all(
      resources.map(async (r) => ({
        ...r,
        ...(r.pid !== undefined && r.cmdline === undefined ? { cmdline: await readCmdline(r.pid) } : {}),
        ...(this.scenario && !r.scenario ? { scenario: this.scenario } : {}),
      })),
    )
    await this.append(filled.map((r) => ({ op: 'create' as const, ...r, at: new Date().toISOString() })))
  }

  async forget(...resources: Array<Pick<JournalResource, 'kind' | 'id'>>): Promise<void> {
    await this.append(resources.map((r) => ({ op: 'remove' as const, kind: r.kind, id: r.id, at: new Date().toISOString() })))
  }

  /** What this writer's scenario (or, without one, the whole run) still has, newest first. */
  async pending(): Promise<JournalResource[]> {
    const all = pendingResources(await readJournal(this.tag))
    return this.scenario ? all.filter((r) => r.scenario === this.scenario) : all
  }

  private append(lines: JournalLine[]): Promise<void> {
    if (lines.length === 0) return this.queue
    // one writer queue per process keeps this process's lines in call order
    const next = this.queue.then(async () => {
      await mkdir(journalDir(), { recursive: true })
      const handle = await open(this.file, 'a')
      try {
        await handle.write(lines.map((l) => JSON.stringify(l) + '\n').join(''))
        await handle.datasync()
      } finally {
        await handle.close()
      }
    })
    this.queue = next.catch(() => undefined)
    return next
  }
}
