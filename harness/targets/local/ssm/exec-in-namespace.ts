// How the local SSM endpoint's commands run: `sh -s` with the script on stdin, inside the emulated
// instance's network namespace, killed (with everything it started) on timeout or abort. This is
// the only code that starts processes for SSM commands.
import { constants } from 'node:os'
import { execa } from 'execa'
import type { ExecOptions, ExecResult } from './instance-registry.js'

/** Output beyond this is not kept (SSM keeps only the first 24,000 characters anyway). */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024
const NAMESPACE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/

/** Runs `script` with `sh -s` inside network namespace `ns`: how an emulated instance executes an SSM command. */
export function execInNamespace(ns: string, script: string, opts: ExecOptions): Promise<ExecResult> {
  if (!NAMESPACE_NAME.test(ns)) throw new TypeError(`execInNamespace: '${ns}' is not a network namespace name`)
  return execScript(['ip', 'netns', 'exec', ns, 'sh', '-s'], script, opts)
}

/** Runs a shell command line that reads `script` from stdin; kills its whole process group on timeout or abort. */
export async function execScript(argv: readonly [string, ...string[]], script: string, opts: ExecOptions): Promise<ExecResult> {
  opts.signal.throwIfAborted()
  const [file, ...args] = argv
  const subprocess = execa(file, args, {
    input: script,
    // its own process group, so that curl, sleep… started by the script die with it
    detached: true,
    reject: false,
    stripFinalNewline: false,
    maxBuffer: MAX_OUTPUT_BYTES,
    encoding: 'utf8',
  })
  let timedOut = false
  const killGroup = () => {
    if (subprocess.pid === undefined) return
    try {
      process.kill(-subprocess.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  const timer = setTimeout(() => {
    timedOut = true
    killGroup()
  }, opts.timeoutSeconds * 1000)
  opts.signal.addEventListener('abort', killGroup, { once: true })
  try {
    const result = await subprocess
    if (result.isMaxBuffer) killGroup()
    if (result.exitCode === undefined && result.signal === undefined) {
      throw new Error(`could not start ${file}: ${result.shortMessage}`, { cause: result.cause })
    }
    const exitCode = result.exitCode ?? 128 + (constants.signals[result.signal as keyof typeof constants.signals] ?? 0)
    return { stdout: result.stdout, stderr: result.stderr, exitCode, timedOut }
  } finally {
    clearTimeout(timer)
    opts.signal.removeEventListener('abort', killGroup)
  }
}
