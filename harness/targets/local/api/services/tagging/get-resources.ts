// GetResources: every tagged record of the caller's account in the request's region (and the
// account's global records, IAM and Route 53, from us-east-1), filtered by tags, resource types and
// ARNs, in pages. The janitor lists a run's leftovers this way (tag key filter, 100 per page).
import type { GetResourcesInput, GetResourcesOutput, ResourceTagMapping } from '@aws-sdk/client-resource-groups-tagging-api'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import { GLOBAL_REGION, type ResourceRecord } from '../../store/aws-store.js'
import { resourceArnOf, resourceTypeOfArn } from './resource-arns.js'

/** Global records are listed where AWS lists them: in us-east-1 only. */
const GLOBAL_HOME_REGION = 'us-east-1'

function visible(record: ResourceRecord, context: ApiRequestContext): boolean {
  if (record.account !== context.account) return false
  return record.region === context.region || (record.region === GLOBAL_REGION && context.region === GLOBAL_HOME_REGION)
}

function matchesTagFilters(tags: Record<string, string>, filters: GetResourcesInput['TagFilters']): boolean {
  // A resource matches when every filter matches; a filter matches a key with any of its values (any value when none are given).
  return (filters ?? []).every((f) => f.Key !== undefined && f.Key in tags && (!f.Values?.length || f.Values.includes(tags[f.Key]!)))
}

function matchesTypeFilters(arn: string, filters: string[] | undefined): boolean {
  if (!filters?.length) return true
  const { service, type } = resourceTypeOfArn(arn)
  return filters.some((f) => f === service || f === `${service}:${type}`)
}

/** The page token is the index of the next resource, as text (opaque to callers). */
function pageStart(token: string | undefined): number {
  if (token === undefined || token === '') return 0
  const start = Number(token)
  if (!Number.isInteger(start) || start < 0) throw new AwsApiError('PaginationTokenExpiredException', 'The pagination token is not valid or has expired')
  return start
}

export function getResources(input: GetResourcesInput, context: ApiRequestContext): GetResourcesOutput {
  if (input.ResourceARNList?.length && (input.TagFilters?.length || input.ResourceTypeFilters?.length)) {
    throw new AwsApiError('InvalidParameterException', 'ResourceARNList cannot be used together with TagFilters or ResourceTypeFilters')
  }
  const perPage = input.ResourcesPerPage ?? 50
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) throw new AwsApiError('InvalidParameterException', 'ResourcesPerPage must be between 1 and 100')
  const mappings: ResourceTagMapping[] = []
  for (const record of context.store.all()) {
    if (!visible(record, context) || Object.keys(record.tags).length === 0) continue
    const arn = resourceArnOf(record)
    if (arn === undefined) continue
    if (input.ResourceARNList?.length && !input.ResourceARNList.includes(arn)) continue
    if (!matchesTagFilters(record.tags, input.TagFilters) || !matchesTypeFilters(arn, input.ResourceTypeFilters)) continue
    mappings.push({ ResourceARN: arn, Tags: Object.entries(record.tags).map(([Key, Value]) => ({ Key, Value })) })
  }
  const start = pageStart(input.PaginationToken)
  const page = mappings.slice(start, start + perPage)
  const next = start + perPage < mappings.length ? String(start + perPage) : ''
  return { ResourceTagMappingList: page, PaginationToken: next }
}
