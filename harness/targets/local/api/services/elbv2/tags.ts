// DescribeTags, AddTags, RemoveTags over load balancers, target groups and listeners: the provider
// reads tags this way after every read, and the janitor finds a run's resources by its tags.
import type { AddTagsInput, AddTagsOutput, DescribeTagsInput, DescribeTagsOutput, RemoveTagsInput, RemoveTagsOutput } from '@aws-sdk/client-elastic-load-balancing-v2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import type { ResourceRecord } from '../../store/aws-store.js'
import { toTagList } from '../../store/describe-filters.js'
import { resourceTypeOfArn } from './arns.js'
import { requireListener, requireLoadBalancer, requireTargetGroup } from './records.js'

/** AWS's limit of tags per ELBv2 resource. */
const MAX_TAGS = 50

function requireResource(context: ApiRequestContext, arn: string): ResourceRecord {
  switch (resourceTypeOfArn(arn)) {
    case 'load-balancer':
      return requireLoadBalancer(context, arn)
    case 'target-group':
      return requireTargetGroup(context, arn)
    case 'listener':
      return requireListener(context, arn)
    default:
      throw new AwsApiError('ValidationError', `'${arn}' is not a valid load balancer, target group or listener ARN`)
  }
}

function requireArns(arns: string[] | undefined): string[] {
  if (!arns?.length) throw new AwsApiError('ValidationError', 'At least one resource ARN must be specified')
  if (arns.length > 20) throw new AwsApiError('ValidationError', 'At most 20 resource ARNs may be specified')
  return arns
}

export function describeTags(input: DescribeTagsInput, context: ApiRequestContext): DescribeTagsOutput {
  return {
    TagDescriptions: requireArns(input.ResourceArns).map((arn) => ({ ResourceArn: arn, Tags: toTagList(requireResource(context, arn).tags) })),
  }
}

export function addTags(input: AddTagsInput, context: ApiRequestContext): AddTagsOutput {
  const records = requireArns(input.ResourceArns).map((arn) => requireResource(context, arn))
  const keys = (input.Tags ?? []).map((t) => t.Key ?? '')
  if (new Set(keys).size !== keys.length) throw new AwsApiError('DuplicateTagKeys', 'Tag keys must be unique')
  for (const record of records) {
    const next = { ...record.tags }
    for (const tag of input.Tags ?? []) next[tag.Key ?? ''] = tag.Value ?? ''
    if (Object.keys(next).length > MAX_TAGS) throw new AwsApiError('TooManyTags', `The resource '${record.id}' would have more than ${MAX_TAGS} tags`)
    context.store.update(record.account, record.region, record.type, record.id, (r) => {
      r.tags = next
    })
  }
  return {}
}

export function removeTags(input: RemoveTagsInput, context: ApiRequestContext): RemoveTagsOutput {
  const records = requireArns(input.ResourceArns).map((arn) => requireResource(context, arn))
  for (const record of records) {
    context.store.update(record.account, record.region, record.type, record.id, (r) => {
      const next = { ...r.tags }
      for (const key of input.TagKeys ?? []) delete next[key]
      r.tags = next
    })
  }
  return {}
}
