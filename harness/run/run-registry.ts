// Which runs are alive: each run writes <state dir>/runs/<tag>.json with its pid when it starts
// and removes it when it ends; `plh cleanup` reclaims namespaces of runs whose process is gone.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
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

/** The run tag a `plh-<tag>-…` namespace belongs to, or null for names that are not ours. */
export function tagOfNamespace(ns: string): string | null {
  return /^plh-([0-9a-f]{6})-/.exec(ns)?.[1] ?? null
}
