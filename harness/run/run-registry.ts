// Which runs are alive. Each run writes <state dir>/runs/<tag>.json with its pid when it starts
// and removes it when it ends, and holds an abstract Unix socket named for its tag while it lives.
// The file carries what a state dir knows about the run (its pid, an interruption); the socket is
// what makes "alive" true whatever the state dir: namespaces are machine-wide, so a `plh cleanup`
// under one PLH_STATE_DIR must see a live run registered under another. The kernel closes the
// socket when the process dies (even by SIGKILL), so it can neither go stale nor be taken over by
// a reused pid.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { connect, createServer, type Server } from 'node:net'
import { join } from 'node:path'

/** State directory: $PLH_STATE_DIR or /run/plh (tmpfs: a reboot clears it, as it clears namespaces). */
export function stateDir(): string {
  return process.env.PLH_STATE_DIR ?? '/run/plh'
}

/** The abstract socket (Linux: a leading NUL, no file) that a live run with `tag` holds. */
export function liveSocketName(tag: string): string {
  return `\0plh-run-${tag}`
}

async function holdLiveSocket(tag: string): Promise<Server> {
  // connections only ever ask "are you there?": answered by accepting and closing
  const server = createServer((socket) => socket.destroy())
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`another live run already uses tag ${tag}; start the run again (a new tag is drawn each time)`) : error),
    )
    server.listen(liveSocketName(tag), resolve)
  })
  // a liveness marker must never be what keeps the process running
  server.unref()
  return server
}

/** Whether some process on this machine holds run `tag`'s live socket. */
export function holdsLiveSocket(tag: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ path: liveSocketName(tag) })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    // ECONNREFUSED: nobody listens; anything else is no answer either
    socket.once('error', () => resolve(false))
  })
}

/** Records that run `tag` is alive in this process; the returned function records that it ended. */
export async function registerRun(tag: string, runId: string): Promise<() => Promise<void>> {
  const server = await holdLiveSocket(tag)
  const dir = join(stateDir(), 'runs')
  await mkdir(dir, { recursive: true })
  const file = join(dir, `${tag}.json`)
  await writeFile(file, JSON.stringify({ tag, runId, pid: process.pid, started_at: new Date().toISOString() }))
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await rm(file, { force: true })
  }
}

/** Whether a process with `pid` exists (EPERM: it does, and is someone else's). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Whether the run with `tag` is still alive: its live socket answers (whatever state dir it was
 * registered in), or this state dir's registry names a process that still exists (runs of older
 * versions, which held no socket).
 */
export async function runIsAlive(tag: string): Promise<boolean> {
  if (await holdsLiveSocket(tag)) return true
  const text = await readFile(join(stateDir(), 'runs', `${tag}.json`), 'utf8').catch(() => null)
  if (!text) return false
  const { pid } = JSON.parse(text) as { pid: number }
  return processExists(pid)
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
