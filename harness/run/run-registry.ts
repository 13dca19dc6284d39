// Which runs are alive: each run writes <state dir>/runs/<tag>.json with its pid when it starts
// and removes it when it ends; `plh cleanup` reclaims namespaces of runs whose process is gone.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** State directory: $PLH_STATE_DIR or /run/plh (tmpfs: a reboot clears it, as it clears namespaces). */
export function stateDir(): string {
  return process.env.PLH_STATE_DIR ?? '/run/plh'
}

/** Records that run `tag` is alive in this process. */
export async function registerRun(tag: string, runId: string): Promise<() => Promise<void>> {
  const dir = join(stateDir(), 'runs')
  await mkdir(dir, { recursive: true })
  const file = join(dir, `${tag}.json`)
  await writeFile(file, JSON.stringify({ tag, runId, pid: process.pid, started_at: new Date().toISOString() }))
  return () => rm(file, { force: true })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Whether the run with `tag` is still alive (its registering process exists). */
export async function runIsAlive(tag: string): Promise<boolean> {
  const text = await readFile(join(stateDir(), 'runs', `${tag}.json`), 'utf8').catch(() => null)
  if (!text) return false
  const { pid } = JSON.parse(text) as { pid: number }
  return isAlive(pid)
}

/** Notes in run `tag`'s registry file that a signal stopped it: workers that start later apply nothing. */
export async function markRunInterrupted(tag: string, signal: string): Promise<void> {
  const file = join(stateDir(), 'runs', `${tag}.json`)
  const text = await readFile(file, 'utf8').catch(() => null)
  if (!text) return
  // write then rename: a reader never sees half a file
  await writeFile(`${file}.tmp`, JSON.stringify({ ...(JSON.parse(text) as object), interrupted: signal }))
  await rename(`${file}.tmp`, file)
}

/** The signal that interrupted run `tag`, or null while it runs on. */
export async function runInterruption(tag: string): Promise<string | null> {
  const text = await readFile(join(stateDir(), 'runs', `${tag}.json`), 'utf8').catch(() => null)
  return text ? ((JSON.parse(text) as { interrupted?: string }).interrupted ?? null) : null
}

/** The run tag a `plh-<tag>-…` namespace belongs to, or null for names that are not ours. */
export function tagOfNamespace(ns: string): string | null {
  return /^plh-([0-9a-f]{6})-/.exec(ns)?.[1] ?? null
}
