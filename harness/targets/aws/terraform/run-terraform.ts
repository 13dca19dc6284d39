// The only place that starts terraform: one command, its output lines appended to the log file
// and handed to the caller as they come, SIGINT once on abort (terraform then stops gracefully
// and writes its state; a second SIGINT would make it quit without doing so).
import { createWriteStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { execa } from 'execa'
import { PrerequisiteError } from '../../../core/errors.js'

export interface TerraformRunOptions {
  cwd: string
  args: string[]
  env: Record<string, string>
  logFile: string
  onStdoutLine?: (line: string) => void
  signal?: AbortSignal
}

export interface TerraformRunResult {
  exitCode: number
  stdout: string[]
  stderr: string[]
  /** the signal aborted while terraform ran, and terraform was sent SIGINT */
  interrupted: boolean
}

/** Environment every command gets: no prompts, no version check, output meant for machines. */
export const automationEnv = { TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' }

/** Runs `terraform <args>` in `cwd` and resolves when it exits, whatever its exit code. */
export async function runTerraform(options: TerraformRunOptions): Promise<TerraformRunResult> {
  await mkdir(dirname(options.logFile), { recursive: true })
  const log = createWriteStream(options.logFile, { flags: 'a' })
  log.write(`\n$ terraform ${options.args.join(' ')}   # ${new Date().toISOString()} in ${options.cwd}\n`)
  const subprocess = execa('terraform', options.args, {
    cwd: options.cwd,
    env: { ...automationEnv, ...options.env },
    stdin: 'ignore',
    buffer: false,
    reject: false,
    // Its own process group: a Ctrl-C in the terminal reaches only plh, which forwards exactly
    // one SIGINT (a second one from the terminal would make terraform abandon its state).
    detached: true,
    forceKillAfterDelay: false,
  })
  let interrupted = false
  const interrupt = (): void => {
    if (interrupted) return
    interrupted = true
    log.write(`# interrupted: SIGINT sent to terraform (pid ${subprocess.pid ?? '?'}), waiting for it to stop\n`)
    subprocess.kill('SIGINT')
  }
  if (options.signal?.aborted) interrupt()
  else options.signal?.addEventListener('abort', interrupt, { once: true })

  const stdout: string[] = []
  const stderr: string[] = []
  const read = async (from: 'stdout' | 'stderr', into: string[], each?: (line: string) => void): Promise<void> => {
    for await (const line of subprocess.iterable({ from })) {
      into.push(line)
      log.write(`${from === 'stderr' ? '[stderr] ' : ''}${line}\n`)
      each?.(line)
    }
  }
  try {
    await Promise.all([read('stdout', stdout, options.onStdoutLine), read('stderr', stderr)])
  } catch {
    // A spawn failure surfaces in the result below; the iterables only echo it.
  }
  const result = await subprocess
  options.signal?.removeEventListener('abort', interrupt)
  log.write(`# exit ${String(result.exitCode ?? result.signal ?? '?')}\n`)
  await new Promise<void>((resolve) => log.end(resolve))
  if (result.exitCode === undefined && result.signal === undefined) {
    throw new PrerequisiteError(`cannot run terraform: ${result.shortMessage} — install terraform ≥ 1.7 and put it on PATH`, { cause: result })
  }
  return { exitCode: result.exitCode ?? 1, stdout, stderr, interrupted }
}
