// CreateTags, DeleteTags and DescribeTags over every EC2 record in the caller's account and region
// (a peering connection is also tagged from its accepter's side). Tags live on the store record;
// describe calls render them into the SDK shape.
import type { CreateTagsRequest, DeleteTagsRequest, DescribeTagsRequest, DescribeTagsResult, TagDescription } from '@aws-sdk/client-ec2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError, missingParameter } from '../../server/api-error.js'
import type { ResourceRecord } from '../../store/aws-store.js'
import { EC2_TYPES, filtered, notFoundError, type Ec2Kind } from './ec2-records.js'
import { findPeeringRecord, updatePeeringTags, type PeeringData } from './peering.js'

const KIND_BY_PREFIX: Record<string, Ec2Kind> = {
  vpc: EC2_TYPES.vpc,
  subnet: EC2_TYPES.subnet,
  rtb: EC2_TYPES.routeTable,
  sg: EC2_TYPES.securityGroup,
  sgr: EC2_TYPES.securityGroupRule,
  acl: EC2_TYPES.networkAcl,
  i: EC2_TYPES.instance,
  eni: EC2_TYPES.networkInterface,
  vpce: EC2_TYPES.vpcEndpoint,
  'vpce-svc': EC2_TYPES.vpcEndpointService,
  pcx: EC2_TYPES.vpcPeeringConnection,
}

/** The EC2 kind an id names by its prefix (`vpce-svc-…` before `vpce-…`). */
function kindOf(id: string): Ec2Kind | undefined {
  const prefix = /^(.*)-[0-9a-f]+$/.exec(id)?.[1]
  return prefix === undefined ? undefined : KIND_BY_PREFIX[prefix]
}

function taggable(context: ApiRequestContext, id: string): ResourceRecord {
  const kind = kindOf(id)
  if (kind === undefined) throw new AwsApiError('InvalidID', `The ID '${id}' is not valid`)
  const record = kind === EC2_TYPES.vpcPeeringConnection ? findPeeringRecord(context, id) : context.store.get(context.account, context.region, kind.type, id)
  if (record === undefined) throw notFoundError(kind, id)
  return record
}

/** Changes a record's tags; a peering connection's are per side. */
function changeTags(context: ApiRequestContext, record: ResourceRecord, change: (tags: Record<string, string>) => Record<string, string>): void {
  if (record.type === EC2_TYPES.vpcPeeringConnection.type) return updatePeeringTags(record as ResourceRecord<PeeringData>, context, change)
  context.store.update(record.account, record.region, record.type, record.id, (r) => {
    r.tags = change({ ...r.tags })
  })
}

/** CreateTags: every resource must exist first, then every tag is set on each. */
export function createTags(input: CreateTagsRequest, context: ApiRequestContext): Record<string, never> {
  if (!input.Resources || input.Resources.length === 0) throw missingParameter('ResourceId')
  const records = input.Resources.map((id) => taggable(context, id))
  for (const record of records) {
    changeTags(context, record, (tags) => {
      for (const tag of input.Tags ?? []) if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? ''
      return tags
    })
  }
  return {}
}

/** DeleteTags: a tag given with a value is removed only when the value matches, as on AWS. */
export function deleteTags(input: DeleteTagsRequest, context: ApiRequestContext): Record<string, never> {
  if (!input.Resources || input.Resources.length === 0) throw missingParameter('ResourceId')
  const records = input.Resources.map((id) => taggable(context, id))
  for (const record of records) {
    changeTags(context, record, (tags) => {
      if (!input.Tags || input.Tags.length === 0) return {}
      for (const tag of input.Tags) {
        if (tag.Key === undefined) continue
        if (tag.Value === undefined || tags[tag.Key] === tag.Value) delete tags[tag.Key]
      }
      return tags
    })
  }
  return {}
}

const fields = {
  'resource-id': (t: TagDescription) => t.ResourceId,
  'resource-type': (t: TagDescription) => t.ResourceType,
  key: (t: TagDescription) => t.Key,
  value: (t: TagDescription) => t.Value,
}

/** DescribeTags over the caller's EC2 records. */
export function describeTags(input: DescribeTagsRequest, context: ApiRequestContext): DescribeTagsResult {
  const types = new Set(Object.values(EC2_TYPES).map((k) => k.type))
  const tags: TagDescription[] = []
  for (const record of context.store.all()) {
    if (!types.has(record.type as never) || record.account !== context.account || record.region !== context.region) continue
    for (const [Key, Value] of Object.entries(record.tags)) tags.push({ ResourceId: record.id, ResourceType: record.type as TagDescription['ResourceType'], Key, Value })
  }
  return { Tags: filtered(tags, input.Filters, fields, (t) => ({ [t.Key!]: t.Value! })) }
}
