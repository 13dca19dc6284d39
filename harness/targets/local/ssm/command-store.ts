// Commands and their per-instance invocations: the state behind SendCommand, GetCommandInvocation
// and ListCommandInvocations. Each invocation runs on its instance through the registry, after
// SendCommand has returned, and moves Pending → InProgress → Success | Failed | TimedOut.
import { randomUUID } from 'node:crypto'
import type { Logger } from '../../../core/target.js'
import type { ExecResult, InstanceRegistry } from './instance-registry.js'
import { STDERR_LIMIT, STDOUT_LIMIT } from './truncate-output.js'

/** The statuses the emulated agent moves an invocation through. */
export type InvocationStatus = 'Pending' | 'InProgress' | 'Success' | 'Failed' | 'TimedOut' | 'Cancelled'

/** One command on one instance, as the store tracks it. */
export interface InvocationRecord {
  commandId: string
  instanceId: string
  instanceName: string
  comment: string
  documentName: string
  requestedAt: number
  /** before this epoch ms the service answers InvocationDoesNotExist (eventual consistency) */
  visibleAt: number
  status: InvocationStatus
  statusDetails: string
  /** -1 until the script has finished, as in the real service */
  responseCode: number
  startedAt?: number
  endedAt?: number
  /** everything the script wrote; the operations apply SSM's limits when they answer */
  stdout: string
  stderr: string
}

/** One SendCommand and its invocations. */
export interface CommandRecord {
  commandId: string
  documentName: string
  comment: string
  parameters: Record<string, string[]>
  instanceIds: string[]
  requestedAt: number
  timeoutSeconds: number
  executionTimeoutSeconds: number
  invocations: Map<string, InvocationRecord>
}

/** A validated SendCommand, ready to run. */
export interface NewCommand {
  documentName: string
  comment: string
  parameters: Record<string, string[]>
  instances: Array<{ instanceId: string; computerName?: string }>
  script: string
  timeoutSeconds: number
  executionTimeoutSeconds: number
}

/** Exit code the SSM Agent reports on Linux for a script it killed on timeout (appconfig CommandStoppedPreemptivelyExitCode: 128 + SIGKILL). */
export const KILLED_EXIT_CODE = 137

/** Holds commands and runs their invocations; `close()` kills what still runs. */
export interface CommandStore {
  create(command: NewCommand): CommandRecord
  get(commandId: string): CommandRecord | undefined
  all(): CommandRecord[]
  close(): Promise<void>
}

/** Builds the store: the one place where the endpoint starts scripts on instances. */
export function createCommandStore(options: { registry: InstanceRegistry; invocationVisibleAfterMs: number; log?: Logger }): CommandStore {
  const commands = new Map<string, CommandRecord>()
  const running = new Set<Promise<void>>()
  const abort = new AbortController()

  const runInvocation = async (invocation: InvocationRecord, script: string, executionTimeoutSeconds: number): Promise<void> => {
    invocation.status = 'InProgress'
    invocation.statusDetails = 'InProgress'
    invocation.startedAt = Date.now()
    let result: ExecResult
    try {
      result = await options.registry.exec(invocation.instanceId, script, { timeoutSeconds: executionTimeoutSeconds, signal: abort.signal })
    } catch (error) {
      options.log?.warn({ err: error, commandId: invocation.commandId, instanceId: invocation.instanceId }, 'local SSM: could not run the script')
      result = { stdout: '', stderr: error instanceof Error ? error.message : String(error), exitCode: 1, timedOut: false }
    }
    invocation.endedAt = Date.now()
    Object.assign(invocation, readOutcome(result, abort.signal.aborted))
    options.log?.debug({ commandId: invocation.commandId, instanceId: invocation.instanceId, status: invocation.status }, 'local SSM: invocation finished')
  }

  return {
    create(input) {
      const now = Date.now()
      const commandId = randomUUID()
      const command: CommandRecord = {
        commandId,
        documentName: input.documentName,
        comment: input.comment,
        parameters: input.parameters,
        instanceIds: input.instances.map((i) => i.instanceId),
        requestedAt: now,
        timeoutSeconds: input.timeoutSeconds,
        executionTimeoutSeconds: input.executionTimeoutSeconds,
        invocations: new Map(),
      }
      for (const instance of input.instances) {
        command.invocations.set(instance.instanceId, {
          commandId,
          instanceId: instance.instanceId,
          instanceName: instance.computerName ?? '',
          comment: input.comment,
          documentName: input.documentName,
          requestedAt: now,
          visibleAt: now + options.invocationVisibleAfterMs,
          status: 'Pending',
          statusDetails: 'Pending',
          responseCode: -1,
          stdout: '',
          stderr: '',
        })
      }
      commands.set(commandId, command)
      // after SendCommand has answered, as the agent picks the message up asynchronously
      setImmediate(() => {
        for (const invocation of command.invocations.values()) {
          if (abort.signal.aborted) {
            Object.assign(invocation, { status: 'Cancelled', statusDetails: 'Cancelled' })
            continue
          }
          const done = runInvocation(invocation, input.script, input.executionTimeoutSeconds).finally(() => running.delete(done))
          running.add(done)
        }
      })
      return command
    },
    get: (commandId) => commands.get(commandId),
    all: () => [...commands.values()],
    async close() {
      abort.abort(new Error('local SSM endpoint closed'))
      // the setImmediate above may not have fired yet
      await new Promise((resolve) => setImmediate(resolve))
      await Promise.allSettled([...running])
    },
  }
}

/** What the agent reports for a finished script. Output is kept only up to just past SSM's limits:
 *  beyond them it would go to S3, which is not emulated. */
function readOutcome(result: ExecResult, cancelled: boolean): Pick<InvocationRecord, 'status' | 'statusDetails' | 'responseCode' | 'stdout' | 'stderr'> {
  const stdout = result.stdout.slice(0, STDOUT_LIMIT + 1)
  const keepStderr = (stderr: string) => stderr.slice(0, STDERR_LIMIT + 1)
  if (cancelled) return { status: 'Cancelled', statusDetails: 'Cancelled', responseCode: KILLED_EXIT_CODE, stdout, stderr: keepStderr(result.stderr) }
  if (result.timedOut) return { status: 'TimedOut', statusDetails: 'ExecutionTimedOut', responseCode: KILLED_EXIT_CODE, stdout, stderr: keepStderr(result.stderr) }
  if (result.exitCode === 0) return { status: 'Success', statusDetails: 'Success', responseCode: 0, stdout, stderr: keepStderr(result.stderr) }
  // the agent appends this line to the script's own stderr when the exit status is not 0
  const sep = result.stderr === '' || result.stderr.endsWith('\n') ? '' : '\n'
  const stderr = `${result.stderr}${sep}failed to run commands: exit status ${result.exitCode}`
  return { status: 'Failed', statusDetails: 'Failed', responseCode: result.exitCode, stdout, stderr: keepStderr(stderr) }
}
