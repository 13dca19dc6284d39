// STS as the local API serves it (query protocol). Not emulated: AssumeRole and every other action
// (role ARNs in a run config are an AWS-target feature; locally each account has its own keys).
import * as sts from '@aws-sdk/client-sts'
import type { ServiceDefinition } from '../../server/action-handler.js'
import { getCallerIdentity } from './caller-identity.js'

export const stsService: ServiceDefinition = {
  signingName: 'sts',
  displayName: 'STS',
  protocol: 'query',
  xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
  schemas: sts as unknown as Record<string, unknown>,
  handlers: { GetCallerIdentity: getCallerIdentity },
}
