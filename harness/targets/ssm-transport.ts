// The CommandTransport of both targets: SendCommand with AWS-RunShellScript, then GetCommandInvocation
// until a final status. The local target points the same code at the emulator's SSM endpoint, so
// waiting, polling, retries and output limits are exercised for real before a run reaches AWS.
import { type GetCommandInvocationCommandOutput, GetCommandInvocationCommand, SendCommandCommand, type SSMClient } from '@aws-sdk/client-ssm'
import { setTimeout as sleep } from 'node:timers/promises'
import { InfrastructureError } from '../core/errors.js'
import { SSM_OUTPUT_TRUNCATED_MARKER } from '../core/ssm-limits.js'
import type { CommandResult, CommandTransport, Logger } from '../core/target.js'
import { SsmCallError, callSsm } from './ssm-call.js'
import { pollDelayMs } from './ssm-poll-schedule.js'

/** One options object for createSsmTransport: the same on both targets but for the client and the poll interval. */
export interface SsmTransportOptions {
  client: SSMClient
  instanceId: string
  /** between GetCommandInvocation polls: ~100 against the local endpoint, ≥ 2000 against AWS */
  pollIntervalMs: number
  log?: Logger
}

/** SendCommand's smallest delivery timeout. */
const MIN_DELIVERY_TIMEOUT_S = 30
/** AWS-RunShellScript's largest executionTimeout. */
const MAX_EXECUTION_TIMEOUT_S = 172_800
/** slack after delivery + execution timeouts before the transport stops waiting for a final status */
const GRACE_S = 30
const CALL_RETRIES = 8

/** Statuses after which the invocation will not change. */
const FINAL_STATUSES = new Set(['Success', 'Failed', 'TimedOut', 'Cancelled'])
/** StatusDetails that say more than Status about why an invocation ended. */
const DETAILED_ENDINGS = new Set<CommandResult['status']>(['DeliveryTimedOut', 'Undeliverable', 'Terminated', 'InvalidPlatform', 'AccessDenied'])

/** Builds the transport that runs scripts on one SSM-managed instance. */
export function createSsmTransport(options: SsmTransportOptions): CommandTransport {
  if (!options.instanceId) throw new TypeError('createSsmTransport: options.instanceId is required')
  if (!Number.isFinite(options.pollIntervalMs) || options.pollIntervalMs < 10) {
    throw new TypeError(`createSsmTransport: options.pollIntervalMs must be ≥ 10 ms, got ${options.pollIntervalMs}`)
  }
  return { run: (script, runOptions) => runCommand(options, script, runOptions) }
}

async function runCommand(
  options: SsmTransportOptions,
  script: string,
  run: { timeoutSeconds: number; comment?: string; signal?: AbortSignal; expectedSeconds?: number },
): Promise<CommandResult> {
  const { client, instanceId, pollIntervalMs, log } = options
  const { timeoutSeconds, signal } = run
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > MAX_EXECUTION_TIMEOUT_S) {
    throw new TypeError(`SSM transport: timeoutSeconds must be an integer from 1 to ${MAX_EXECUTION_TIMEOUT_S}, got ${timeoutSeconds}`)
  }
  let apiCalls = 0
  const callOptions = { minDelayMs: pollIntervalMs, retries: CALL_RETRIES, signal, log, onAttempt: () => void (apiCalls += 1) }
  const deliveryTimeoutSeconds = Math.max(MIN_DELIVERY_TIMEOUT_S, timeoutSeconds)
  let commandId: string | undefined

  try {
    const sent = await callSsm(
      'SendCommand',
      () =>
        client.send(
          new SendCommandCommand({
            InstanceIds: [instanceId],
            DocumentName: 'AWS-RunShellScript',
            Parameters: { commands: [script], executionTimeout: [String(timeoutSeconds)] },
            TimeoutSeconds: deliveryTimeoutSeconds,
            ...(run.comment === undefined ? {} : { Comment: run.comment.slice(0, 100) }),
          }),
          { abortSignal: signal },
        ),
      callOptions,
    )
    commandId = sent.Command?.CommandId
    if (!commandId) throw new InfrastructureError('TRANSPORT_FAILED', `SSM SendCommand to ${instanceId} returned no CommandId`, { fields: { instanceId } })
    log?.debug({ commandId, instanceId }, 'SSM command sent')

    const deadline = Date.now() + (deliveryTimeoutSeconds + timeoutSeconds + GRACE_S) * 1000
    const id = commandId
    for (let attempt = 0; ; attempt++) {
      await sleep(pollDelayMs(attempt, { pollIntervalMs, ...(run.expectedSeconds ? { expectedMs: run.expectedSeconds * 1000 } : {}) }), undefined, { signal })
      const invocation = await callSsm(
        'GetCommandInvocation',
        () => client.send(new GetCommandInvocationCommand({ CommandId: id, InstanceId: instanceId }), { abortSignal: signal }),
        callOptions,
      )
      const status = readFinalStatus(invocation)
      if (status !== undefined) return toCommandResult(id, instanceId, status, invocation, apiCalls)
      if (Date.now() > deadline) {
        throw new InfrastructureError(
          'TRANSPORT_FAILED',
          `SSM command ${id} on ${instanceId} is still ${invocation.Status ?? 'unknown'} after ${deliveryTimeoutSeconds + timeoutSeconds + GRACE_S} s`,
          { fields: { commandId: id, instanceId, status: invocation.Status, apiCalls } },
        )
      }
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason
    if (error instanceof SsmCallError) {
      throw new InfrastructureError('TRANSPORT_FAILED', `SSM transport to ${instanceId}: ${error.message}`, {
        cause: error.cause,
        fields: { instanceId, commandId, operation: error.operation, errorName: error.errorName, reason: error.reason, attempts: error.attempts, apiCalls },
      })
    }
    throw error
  }
}

/** The CommandResult status once the invocation has ended; undefined while it may still change. */
function readFinalStatus(invocation: GetCommandInvocationCommandOutput): CommandResult['status'] | undefined {
  if (!invocation.Status || !FINAL_STATUSES.has(invocation.Status)) return undefined
  const details = (invocation.StatusDetails ?? '').replace(/\s+/g, '')
  // the run limit (executionTimeout) ran out: a timeout whatever Status says (AWS may report it as Failed)
  if (details === 'ExecutionTimedOut') return 'TimedOut'
  return DETAILED_ENDINGS.has(details as CommandResult['status']) ? (details as CommandResult['status']) : (invocation.Status as CommandResult['status'])
}

function toCommandResult(
  commandId: string,
  instanceId: string,
  status: CommandResult['status'],
  invocation: GetCommandInvocationCommandOutput,
  apiCalls: number,
): CommandResult {
  const stdout = invocation.StandardOutputContent ?? ''
  return {
    commandId,
    instanceId,
    status,
    responseCode: invocation.ResponseCode ?? -1,
    stdout,
    stderr: invocation.StandardErrorContent ?? '',
    stdoutTruncated: stdout.endsWith(SSM_OUTPUT_TRUNCATED_MARKER),
    apiCalls,
  }
}
