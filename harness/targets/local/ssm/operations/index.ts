// The operations the local endpoint serves, by the name that follows `AmazonSSM.` in X-Amz-Target.
import { describeInstanceInformation } from './describe-instance-information.js'
import { getCommandInvocation } from './get-command-invocation.js'
import { listCommandInvocations } from './list-command-invocations.js'
import type { Operation } from './operation-context.js'
import { sendCommand } from './send-command.js'

/** Registry of emulated operations; anything else is an UnknownOperationException. */
export const operations: Readonly<Record<string, Operation>> = {
  SendCommand: sendCommand,
  GetCommandInvocation: getCommandInvocation,
  ListCommandInvocations: listCommandInvocations,
  DescribeInstanceInformation: describeInstanceInformation,
}
