// SendCommand for the one document the harness uses, AWS-RunShellScript: validates the request as
// SSM does (instance limits, delivery and execution timeouts, registered instances only) and hands
// the script to the command store, which runs it after this call has answered.
import { z } from 'zod'
import type { CommandRecord } from '../command-store.js'
import { SsmServiceError } from '../service-error.js'
import { type Operation, parseInput, toEpochSeconds } from './operation-context.js'

const INSTANCE_ID = /(^i-(\w{8}|\w{17})$)|(^mi-\w{17}$)/
const DOCUMENT = 'AWS-RunShellScript'
/** the document's own default and allowedPattern for executionTimeout: 1..172800 seconds */
const DEFAULT_EXECUTION_TIMEOUT = 3600
const EXECUTION_TIMEOUT_PATTERN = /^(([1-9][0-9]{0,4})|(1[0-6][0-9]{4})|(17[0-1][0-9]{3})|(172[0-7][0-9]{2})|(172800))$/
/** SendCommand's default delivery timeout */
const DEFAULT_TIMEOUT_SECONDS = 3600
const KNOWN_PARAMETERS = new Set(['commands', 'workingDirectory', 'executionTimeout'])

const sendCommandSchema = z.object({
  InstanceIds: z
    .array(z.string().regex(INSTANCE_ID, `Member must satisfy regular expression pattern: ${INSTANCE_ID.source}`))
    .max(50, 'Member must have length less than or equal to 50')
    .optional(),
  Targets: z.array(z.unknown()).optional(),
  DocumentName: z.string({ required_error: 'Member must not be null' }),
  DocumentVersion: z.string().optional(),
  TimeoutSeconds: z
    .number()
    .int()
    .min(30, 'Member must have value greater than or equal to 30')
    .max(2_592_000, 'Member must have value less than or equal to 2592000')
    .optional(),
  Comment: z.string().max(100, 'Member must have length less than or equal to 100').optional(),
  Parameters: z.record(z.array(z.string())).optional(),
})

/** Handles AmazonSSM.SendCommand. */
export const sendCommand: Operation = (input, context) => {
  const request = parseInput(sendCommandSchema, input)
  if (request.Targets !== undefined && request.Targets.length > 0) {
    throw new SsmServiceError('InvalidParameters', 'Targets are not emulated by the local SSM endpoint; send InstanceIds.')
  }
  const instanceIds = [...new Set(request.InstanceIds ?? [])]
  if (instanceIds.length === 0) throw new SsmServiceError('InvalidParameters', 'InstanceIds or Targets must be specified.')
  if (request.DocumentName !== DOCUMENT) {
    throw new SsmServiceError('InvalidDocument', `Document ${request.DocumentName} is not emulated locally; only ${DOCUMENT} is.`)
  }
  if (request.DocumentVersion !== undefined && !['$DEFAULT', '$LATEST', '1'].includes(request.DocumentVersion)) {
    throw new SsmServiceError('InvalidDocumentVersion', `Document version ${request.DocumentVersion} of ${DOCUMENT} does not exist.`)
  }
  const parameters = request.Parameters ?? {}
  const { script, executionTimeoutSeconds } = readRunShellScriptParameters(parameters)

  const online = new Map(context.onlineInstances().map((i) => [i.instanceId, i]))
  const unknown = instanceIds.filter((id) => !online.has(id))
  if (unknown.length > 0) {
    throw new SsmServiceError('InvalidInstanceId', `Instances [${unknown.join(', ')}] not in a valid state for this account: not registered with SSM (yet).`)
  }
  const command = context.store.create({
    documentName: DOCUMENT,
    comment: request.Comment ?? '',
    parameters,
    instances: instanceIds.map((id) => online.get(id)!),
    script,
    timeoutSeconds: request.TimeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    executionTimeoutSeconds,
  })
  context.log?.debug({ commandId: command.commandId, instanceIds }, 'local SSM: SendCommand')
  return { Command: formatCommand(command, context.region) }
}

function readRunShellScriptParameters(parameters: Record<string, string[]>): { script: string; executionTimeoutSeconds: number } {
  for (const name of Object.keys(parameters)) {
    if (!KNOWN_PARAMETERS.has(name)) throw new SsmServiceError('InvalidParameters', `Parameter "${name}" is not defined by ${DOCUMENT}.`)
  }
  const commands = parameters.commands
  if (commands === undefined || commands.length === 0) throw new SsmServiceError('InvalidParameters', 'Parameter "commands" is required.')
  const timeoutValues = parameters.executionTimeout ?? [String(DEFAULT_EXECUTION_TIMEOUT)]
  const timeout = timeoutValues[0] ?? ''
  if (timeoutValues.length !== 1 || !EXECUTION_TIMEOUT_PATTERN.test(timeout)) {
    throw new SsmServiceError('InvalidParameters', `Parameter "executionTimeout" "${timeoutValues.join(',')}" failed to match pattern ${EXECUTION_TIMEOUT_PATTERN.source}.`)
  }
  const workingDirectory = parameters.workingDirectory?.[0]
  const body = commands.join('\n')
  // the agent runs the commands as one script from the working directory, when one is given
  const script = workingDirectory ? `cd '${workingDirectory.replaceAll("'", "'\\''")}' || exit 1\n${body}` : body
  return { script, executionTimeoutSeconds: Number(timeout) }
}

function formatCommand(command: CommandRecord, region: string): Record<string, unknown> {
  return {
    CommandId: command.commandId,
    DocumentName: command.documentName,
    DocumentVersion: '$DEFAULT',
    Comment: command.comment,
    ExpiresAfter: toEpochSeconds(command.requestedAt + command.timeoutSeconds * 1000),
    Parameters: command.parameters,
    InstanceIds: command.instanceIds,
    Targets: [],
    RequestedDateTime: toEpochSeconds(command.requestedAt),
    Status: 'Pending',
    StatusDetails: 'Pending',
    OutputS3Region: region,
    OutputS3BucketName: '',
    OutputS3KeyPrefix: '',
    MaxConcurrency: '50',
    MaxErrors: '0',
    TargetCount: command.instanceIds.length,
    CompletedCount: 0,
    ErrorCount: 0,
    DeliveryTimedOutCount: 0,
    ServiceRole: '',
    NotificationConfig: { NotificationArn: '', NotificationEvents: [], NotificationType: '' },
    CloudWatchOutputConfig: { CloudWatchLogGroupName: '', CloudWatchOutputEnabled: false },
    TimeoutSeconds: command.timeoutSeconds,
  }
}
