// Removes what a journal says still exists, newest first, and notes each removal in the journal.
// The one place that acts on journal entries: `destroy` (a scenario's own leftovers), the end of
// `plh run` (a crashed worker's), signal handling, and `plh cleanup` (dead runs') all come here.
import { access, rm } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { execa } from 'execa'
import { listNamespaces } from '../targets/local/netns/run-batches.js'
import { processCmdline, type JournalResource, type RunJournal } from './run-journal.js'

export interface RemovalReport {
  /** `kind id` of each resource removed (or found already gone) */
  removed: string[]
  /** resources still there, each with why */
  left: string[]
  /** commands a person must run to finish (terraform that could not run here) */
  manual: string[]
}

type Outcome = { gone: true } | { gone: false; why: string; manual?: string }

const label = (r: JournalResource): string => `${r.kind} ${r.id}`

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal)
  } catch {
    // already gone
  }
}

/** Whether `pid` is still the process the journal recorded (a reused pid is someone else's). */
export async function isRecordedProcess(resource: JournalResource): Promise<boolean> {
  if (resource.pid === undefined || resource.cmdline === undefined) return false
  return (await processCmdline(resource.pid)) === resource.cmdline
}

async function removeProcess(r: JournalResource): Promise<Outcome> {
  // never this process: a worker tearing down its own scenario lists itself
  if (r.pid === process.pid) return { gone: false, why: 'this process' }
  // without a pid it never got past spawn; the namespace it ran in takes it along
  if (!(await isRecordedProcess(r))) return { gone: true }
  killQuietly(r.pid!, 'SIGTERM')
  for (let i = 0; i < 20 && (await isRecordedProcess(r)); i++) await sleep(100)
  if (await isRecordedProcess(r)) killQuietly(r.pid!, 'SIGKILL')
  for (let i = 0; i < 20 && (await isRecordedProcess(r)); i++) await sleep(50)
  return (await isRecordedProcess(r)) ? { gone: false, why: `pid ${r.pid} survived SIGKILL` } : { gone: true }
}

async function removeNamespace(r: JournalResource, existing: Set<string>): Promise<Outcome> {
  if (!existing.has(r.id)) return { gone: true }
  // processes inside a namespace the run made are the run's
  const pids = await execa('ip', ['netns', 'pids', r.id], { reject: false })
  for (const pid of pids.stdout.split('\n').filter(Boolean).map(Number)) killQuietly(pid, 'SIGKILL')
  const del = await execa('ip', ['netns', 'del', r.id], { reject: false })
  if (!(await listNamespaces()).includes(r.id)) return { gone: true }
  return { gone: false, why: del.stderr.trim() || 'ip netns del did not remove it' }
}

/** `nft ARGS`, inside `ns` when given. */
function nft(ns: string | undefined, args: string[]) {
  return ns ? execa('ip', ['netns', 'exec', ns, 'nft', ...args], { reject: false }) : execa('nft', args, { reject: false })
}

async function removeNftTable(r: JournalResource, existing: Set<string>): Promise<Outcome> {
  if (r.ns && !existing.has(r.ns)) return { gone: true } // tables die with their namespace
  const table = r.table ?? r.id
  const present = async () => (await nft(r.ns, ['list', 'tables'])).stdout.split('\n').includes(`table ${table}`)
  if (!(await present())) return { gone: true }
  const del = await nft(r.ns, ['delete', 'table', ...table.split(' ')])
  return (await present()) ? { gone: false, why: del.stderr.trim() } : { gone: true }
}

async function removeLink(r: JournalResource, existing: Set<string>): Promise<Outcome> {
  if (r.ns && !existing.has(r.ns)) return { gone: true } // links die with their namespace
  const ns = r.ns ? ['-n', r.ns] : []
  if ((await execa('ip', [...ns, 'link', 'show', r.id], { reject: false })).exitCode !== 0) return { gone: true }
  const del = await execa('ip', [...ns, 'link', 'del', r.id], { reject: false })
  return (await execa('ip', [...ns, 'link', 'show', r.id], { reject: false })).exitCode !== 0 ? { gone: true } : { gone: false, why: del.stderr.trim() }
}

async function removePath(r: JournalResource): Promise<Outcome> {
  const path = r.path ?? r.id
  // a journal names absolute paths below the root; anything else is not ours to delete
  if (!isAbsolute(path) || resolve(path).split('/').filter(Boolean).length < 2) return { gone: false, why: `refusing to remove ${path}` }
  await rm(path, { recursive: true, force: true })
  return { gone: true }
}

async function removeTerraform(r: JournalResource): Promise<Outcome> {
  const where = r.path ?? r.id
  const shown = r.command ? `cd ${where} && ${r.command.join(' ')}` : `terraform -chdir=${where} destroy -auto-approve`
  if (!r.command) return { gone: false, why: 'no destroy command was recorded', manual: shown }
  const present = await access(where).then(() => true, () => false)
  if (!present) return { gone: false, why: `${where} is gone, so its state cannot be read here`, manual: shown }
  const result = await execa(r.command[0]!, r.command.slice(1), { cwd: where, reject: false, all: true })
  if (result.exitCode !== 0) return { gone: false, why: `${r.command.join(' ')} exited ${result.exitCode ?? result.signal}: ${(result.all ?? '').trim().split('\n').slice(-3).join(' | ')}`, manual: shown }
  if (r.kind === 'terraform-workdir') await rm(where, { recursive: true, force: true })
  return { gone: true }
}

async function removeOne(r: JournalResource, existing: Set<string>): Promise<Outcome> {
  switch (r.kind) {
    case 'process':
      return removeProcess(r)
    case 'namespace':
      return removeNamespace(r, existing)
    case 'nft-table':
      return removeNftTable(r, existing)
    case 'link':
      return removeLink(r, existing)
    case 'file':
    case 'dir':
      return removePath(r)
    case 'terraform-workdir':
    case 'terraform-state':
      return removeTerraform(r)
  }
}

/** Removes `resources` in the order given (pendingResources' order) and forgets each one that is gone. */
export async function removeJournaled(resources: JournalResource[], journal: RunJournal): Promise<RemovalReport> {
  const report: RemovalReport = { removed: [], left: [], manual: [] }
  let existing = new Set(await listNamespaces())
  for (const r of resources) {
    let outcome: Outcome
    try {
      outcome = await removeOne(r, existing)
    } catch (error) {
      outcome = { gone: false, why: (error as Error).message }
    }
    if (outcome.gone) {
      await journal.forget(r)
      report.removed.push(label(r))
      if (r.kind === 'namespace') existing = new Set(await listNamespaces())
    } else if (r.pid !== process.pid) {
      report.left.push(`${label(r)}: ${outcome.why}`)
      if (outcome.manual) report.manual.push(outcome.manual)
    }
  }
  return report
}
