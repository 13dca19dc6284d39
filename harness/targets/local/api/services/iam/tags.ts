// Tags of roles and instance profiles: ListRoleTags, TagRole, UntagRole and the instance-profile
// counterparts (the provider reads and updates tags through these).
import type {
  ListInstanceProfileTagsRequest,
  ListInstanceProfileTagsResponse,
  ListRoleTagsRequest,
  ListRoleTagsResponse,
  TagInstanceProfileRequest,
  TagRoleRequest,
  UntagInstanceProfileRequest,
  UntagRoleRequest,
} from '@aws-sdk/client-iam'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import type { ResourceRecord } from '../../store/aws-store.js'
import { requireInstanceProfile, requireRole, tagList } from './records.js'

/** AWS's limit of tags per IAM resource. */
const MAX_TAGS = 50

function tag(context: ApiRequestContext, record: ResourceRecord, tags: Array<{ Key?: string; Value?: string }> | undefined): Record<string, never> {
  const next = { ...record.tags }
  for (const t of tags ?? []) if (t.Key !== undefined) next[t.Key] = t.Value ?? ''
  if (Object.keys(next).length > MAX_TAGS) throw new AwsApiError('LimitExceeded', `The number of tags has reached the maximum limit of ${MAX_TAGS}.`, { status: 409 })
  context.store.update(record.account, record.region, record.type, record.id, (r) => {
    r.tags = next
  })
  return {}
}

function untag(context: ApiRequestContext, record: ResourceRecord, keys: string[] | undefined): Record<string, never> {
  context.store.update(record.account, record.region, record.type, record.id, (r) => {
    const next = { ...r.tags }
    for (const key of keys ?? []) delete next[key]
    r.tags = next
  })
  return {}
}

export const listRoleTags = (input: ListRoleTagsRequest, context: ApiRequestContext): ListRoleTagsResponse => ({
  Tags: tagList(requireRole(context, input.RoleName).tags),
  IsTruncated: false,
})
export const tagRole = (input: TagRoleRequest, context: ApiRequestContext) => tag(context, requireRole(context, input.RoleName), input.Tags)
export const untagRole = (input: UntagRoleRequest, context: ApiRequestContext) => untag(context, requireRole(context, input.RoleName), input.TagKeys)

export const listInstanceProfileTags = (input: ListInstanceProfileTagsRequest, context: ApiRequestContext): ListInstanceProfileTagsResponse => ({
  Tags: tagList(requireInstanceProfile(context, input.InstanceProfileName).tags),
  IsTruncated: false,
})
export const tagInstanceProfile = (input: TagInstanceProfileRequest, context: ApiRequestContext) => tag(context, requireInstanceProfile(context, input.InstanceProfileName), input.Tags)
export const untagInstanceProfile = (input: UntagInstanceProfileRequest, context: ApiRequestContext) => untag(context, requireInstanceProfile(context, input.InstanceProfileName), input.TagKeys)
