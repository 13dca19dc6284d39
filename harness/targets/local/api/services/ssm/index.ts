// SSM on the local AWS API (JSON 1.1): Run Command (run-command-handlers.ts) and, where present,
// the parameter handlers (GetParameter for the AMI parameters the fixtures read). Not emulated:
// sessions, documents, everything else (NotEmulatedByLocalTarget).
import * as ssm from '@aws-sdk/client-ssm'
import type { ActionHandler, ServiceDefinition } from '../../server/action-handler.js'

/** The SSM service from its handler groups. */
export function createSsmService(...groups: Array<Record<string, ActionHandler>>): ServiceDefinition {
  return {
    signingName: 'ssm',
    displayName: 'SSM',
    protocol: 'json',
    jsonVersion: '1.1',
    targetPrefix: 'AmazonSSM',
    schemas: ssm as unknown as Record<string, unknown>,
    handlers: Object.assign({}, ...groups),
  }
}
