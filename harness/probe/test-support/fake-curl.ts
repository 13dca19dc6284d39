// Test support: a fake `curl` put first on PATH, so probe scripts can be run for real without
// touching the network. It records each invocation's argv in a file of its own (calls/000001, …;
// each argument followed by a NUL, which no argument can hold) and plays back a scripted outcome.
import { execFile } from 'node:child_process'
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
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

// the probe script runs curl calls one after another, so a counter file numbers them safely
const fakeCurl = `#!/bin/sh
d=$(dirname "$0")
n=$(($(cat "$d/count" 2>/dev/null || echo 0) + 1))
echo "$n" >"$d/count"
f=$(printf '%s/calls/%06d' "$d" "$n")
: >"$f"
for a in "$@"; do printf '%s\\0' "$a" >>"$f"; done
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
  await mkdir(join(dir, 'calls'))
  return {
    dir,
    async calls() {
      // one file per call, each argument NUL-terminated: args may hold any byte but NUL
      const files = (await readdir(join(dir, 'calls')).catch(() => [])).sort()
      return Promise.all(files.map(async (f) => (await readFile(join(dir, 'calls', f), 'utf8')).split('\0').slice(0, -1)))
    },
    async setOutcome(o) {
      await Promise.all(
        (['stdout', 'body', 'stderr'] as const).map((name) => (o[name] === undefined ? rm(join(dir, name), { force: true }) : writeFile(join(dir, name), o[name]!))),
      )
      await writeFile(join(dir, 'exit'), String(o.exit ?? 0))
      await rm(join(dir, 'calls'), { recursive: true, force: true })
      await rm(join(dir, 'count'), { force: true })
      await mkdir(join(dir, 'calls'))
    },
    async runScript(script, shell = '/bin/sh') {
      return run(shell, ['-c', script], { env: { ...process.env, PATH: `${dir}:${process.env.PATH ?? ''}` }, maxBuffer: 1 << 24 })
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  }
}
