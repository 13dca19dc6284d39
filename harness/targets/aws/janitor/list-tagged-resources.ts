// Every resource tagged plh:run-id in one account and region, from the Resource Groups Tagging API
// (GetResources with a tag-key filter, every page).
import { GetResourcesCommand, type ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api'
import type { Logger } from '../../../core/target.js'
import { callAws } from '../aws-call.js'
import { RUN_ID_TAG, type TaggedResource } from './plan-janitor.js'

export interface ListTaggedOptions {
  client: ResourceGroupsTaggingAPIClient
  alias: string
  region: string
  minDelayMs?: number
  signal?: AbortSignal
  log?: Logger
}

/** The resources carrying the run-id tag (any value), across every page. */
export async function listTaggedResources(options: ListTaggedOptions): Promise<TaggedResource[]> {
  const { client, alias, region } = options
  const found: TaggedResource[] = []
  let token: string | undefined
  do {
    const next = token
    const page = await callAws(
      { alias, region },
      'tag:GetResources',
      () => client.send(new GetResourcesCommand({ TagFilters: [{ Key: RUN_ID_TAG }], ResourcesPerPage: 100, ...(next ? { PaginationToken: next } : {}) }), { abortSignal: options.signal }),
      { ...(options.minDelayMs ? { minDelayMs: options.minDelayMs } : {}), signal: options.signal, log: options.log },
    )
    for (const mapping of page.ResourceTagMappingList ?? []) {
      if (!mapping.ResourceARN) continue
      const tags = Object.fromEntries((mapping.Tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key!, t.Value ?? '']))
      found.push({ arn: mapping.ResourceARN, alias, region, tags })
    }
    // the API ends the listing with an empty token, not an absent one
    token = page.PaginationToken || undefined
  } while (token)
  return found
}
