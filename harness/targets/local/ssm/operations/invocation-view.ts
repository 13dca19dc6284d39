// How an invocation looks from the outside at a given moment: what GetCommandInvocation and
// ListCommandInvocations answer, with SSM's output limits applied and output withheld until the
// script has finished.
import type { InvocationRecord } from '../command-store.js'
import { formatPluginOutput, truncateStderr, truncateStdout } from '../truncate-output.js'
import { toEpochSeconds } from './operation-context.js'

export const PLUGIN_NAME = 'aws:runShellScript'

const FINISHED = new Set(['Success', 'Failed', 'TimedOut', 'Cancelled'])

/** True once the invocation has reached a final status. */
export function isFinished(invocation: InvocationRecord): boolean {
  return FINISHED.has(invocation.status)
}

/** GetCommandInvocation's answer. */
export function formatInvocationResult(invocation: InvocationRecord, now: number): Record<string, unknown> {
  const done = isFinished(invocation)
  return {
    CommandId: invocation.commandId,
    InstanceId: invocation.instanceId,
    Comment: invocation.comment,
    DocumentName: invocation.documentName,
    DocumentVersion: '$DEFAULT',
    PluginName: PLUGIN_NAME,
    ResponseCode: invocation.responseCode,
    ExecutionStartDateTime: invocation.startedAt === undefined ? '' : new Date(invocation.startedAt).toISOString(),
    ExecutionElapsedTime: invocation.startedAt === undefined ? '' : formatIsoDuration((invocation.endedAt ?? now) - invocation.startedAt),
    ExecutionEndDateTime: invocation.endedAt === undefined ? '' : new Date(invocation.endedAt).toISOString(),
    Status: invocation.status,
    StatusDetails: invocation.statusDetails,
    StandardOutputContent: done ? truncateStdout(invocation.stdout) : '',
    StandardOutputUrl: '',
    StandardErrorContent: done ? truncateStderr(invocation.stderr) : '',
    StandardErrorUrl: '',
    CloudWatchOutputConfig: { CloudWatchLogGroupName: '', CloudWatchOutputEnabled: false },
  }
}

/** One entry of ListCommandInvocations; `details` adds CommandPlugins with the combined output. */
export function formatCommandInvocation(invocation: InvocationRecord, details: boolean): Record<string, unknown> {
  const done = isFinished(invocation)
  return {
    CommandId: invocation.commandId,
    InstanceId: invocation.instanceId,
    InstanceName: invocation.instanceName,
    Comment: invocation.comment,
    DocumentName: invocation.documentName,
    DocumentVersion: '$DEFAULT',
    RequestedDateTime: toEpochSeconds(invocation.requestedAt),
    Status: invocation.status,
    StatusDetails: invocation.statusDetails,
    StandardOutputUrl: '',
    StandardErrorUrl: '',
    CommandPlugins: details
      ? [
          {
            Name: PLUGIN_NAME,
            Status: invocation.status,
            StatusDetails: invocation.statusDetails,
            ResponseCode: invocation.responseCode,
            ...(invocation.startedAt === undefined ? {} : { ResponseStartDateTime: toEpochSeconds(invocation.startedAt) }),
            ...(invocation.endedAt === undefined ? {} : { ResponseFinishDateTime: toEpochSeconds(invocation.endedAt) }),
            Output: done ? formatPluginOutput(invocation.stdout, invocation.stderr) : '',
            StandardOutputUrl: '',
            StandardErrorUrl: '',
            OutputS3BucketName: '',
            OutputS3KeyPrefix: '',
          },
        ]
      : [],
    ServiceRole: '',
    NotificationConfig: { NotificationArn: '', NotificationEvents: [], NotificationType: '' },
    CloudWatchOutputConfig: { CloudWatchLogGroupName: '', CloudWatchOutputEnabled: false },
  }
}

/** ISO 8601 duration as SSM writes ExecutionElapsedTime, e.g. `PT1.204S`, `PT1H0.271S`. */
export function formatIsoDuration(ms: number): string {
  const hours = Math.floor(ms / 3_600_000)
  const minutes = Math.floor((ms % 3_600_000) / 60_000)
  const seconds = ((ms % 60_000) / 1000).toFixed(3)
  return `PT${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${seconds}S`
}
