// Resource Groups Tagging API as the local API serves it (JSON 1.1): GetResources over every tagged
// record of the store, for the janitor.
import * as tagging from '@aws-sdk/client-resource-groups-tagging-api'
import type { ServiceDefinition } from '../../server/action-handler.js'
import { getResources } from './get-resources.js'

export const taggingService: ServiceDefinition = {
  signingName: 'tagging',
  displayName: 'Resource Groups Tagging',
  protocol: 'json',
  jsonVersion: '1.1',
  targetPrefix: 'ResourceGroupsTaggingAPI_20170126',
  schemas: tagging as unknown as Record<string, unknown>,
  handlers: { GetResources: getResources },
}
