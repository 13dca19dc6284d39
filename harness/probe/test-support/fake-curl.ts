// Test support: a fake `curl` put first on PATH, so probe scripts can be run for real without
// touching the network. It records its argv (NUL-separated) and plays back a scripted outcome.
import { execFile } from 'node:child_process'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** What the fake curl does: print `stdout`, write `body` to its -o file, `stderr` to stderr, exit `exit`. */
export interface FakeCurlOutcome {
  stdout?: string
  body?: Buffer | string
  stderr?: string
  exit?: number
}

export interface FakeCurl {
  dir: string
  /** argv of every call, in order */
  calls(): Promise<string[][]>
  /** sets what the next calls do */
  setOutcome(outcome: FakeCurlOutcome): Promise<void>
  /** runs a script with `shell` (default /bin/sh) and the fake first on PATH */
  runScript(script: string, shell?: string): Promise<{ stdout: string; stderr: string }>
  cleanup(): Promise<void>
}

const fakeCurl = `#!/bin/sh
d=$(dirname "$0")
{ printf '%s\\0' "$#"; for a in "$@"; do printf '%s\\0' "$a"; done; } >>"$d/argv"
o=
prev=
for a in "$@"; do [ "$prev" = -o ] && o=$a; prev=$a; done
[ -n "$o" ] && [ -f "$d/body" ] && cat "$d/body" >"$o"
[ -f "$d/stderr" ] && cat "$d/stderr" >&2
[ -f "$d/stdout" ] && cat "$d/stdout"
exit $(cat "$d/exit" 2>/dev/null || echo 0)
`

/** Makes a fresh fake in a temp directory; call cleanup() when done. */
export async function makeFakeCurl(): Promise<FakeCurl> {
  const dir = await mkdtemp(join(tmpdir(), 'plh-fake-curl-'))
  await writeFile(join(dir, 'curl'), fakeCurl)
  await chmod(join(dir, 'curl'), 0o755)
  return {
    dir,
    async calls() {
      // records are `<argc>\0<arg>\0…`: args may hold any byte but NUL
      const fields = (await readFile(join(dir, 'argv'), 'utf8').catch(() => '')).split('\0').slice(0, -1)
      const calls: string[][] = []
      for (let i = 0; i < fields.length; ) {
        const argc = Number(fields[i])
        calls.push(fields.slice(i + 1, i + 1 + argc))
        i += 1 + argc
      }
      return calls
    },
    async setOutcome(o) {
      await Promise.all(
        (['stdout', 'body', 'stderr'] as const).map((name) => (o[name] === undefined ? rm(join(dir, name), { force: true }) : writeFile(join(dir, name), o[name]!))),
      )
      await writeFile(join(dir, 'exit'), String(o.exit ?? 0))
      await rm(join(dir, 'argv'), { force: true })
    },
    async runScript(script, shell = '/bin/sh') {
      return run(shell, ['-c', script], { env: { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}` }, maxBuffer: 1 << 24 })
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  }
}
