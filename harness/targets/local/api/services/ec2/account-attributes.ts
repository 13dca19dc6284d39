// Account-level reads the provider makes at configure or on endpoint reads: DescribeAccountAttributes
// (VPC-only platform, no default VPC locally) and the AWS-managed prefix lists (S3 and DynamoDB,
// which only gateway endpoints use; an interface endpoint's service has none, so its lookup is empty).
import type { AccountAttribute, DescribeAccountAttributesRequest, DescribeAccountAttributesResult, DescribeManagedPrefixListsRequest, DescribeManagedPrefixListsResult, DescribePrefixListsRequest, DescribePrefixListsResult, PrefixList } from '@aws-sdk/client-ec2'
import { createHash } from 'node:crypto'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { filtered } from './ec2-records.js'

const ATTRIBUTES: Record<string, string[]> = {
  'supported-platforms': ['VPC'],
  'default-vpc': ['none'],
  'max-instances': ['20'],
  'vpc-max-security-groups-per-interface': ['5'],
  'max-elastic-ips': ['5'],
  'vpc-max-elastic-ips': ['5'],
}

/** DescribeAccountAttributes: the attributes AWS lists for a VPC-only account without a default VPC. */
export function describeAccountAttributes(input: DescribeAccountAttributesRequest, _context: ApiRequestContext): DescribeAccountAttributesResult {
  const names = input.AttributeNames && input.AttributeNames.length > 0 ? input.AttributeNames : Object.keys(ATTRIBUTES)
  const AccountAttributes: AccountAttribute[] = names.filter((n) => n in ATTRIBUTES).map((n) => ({ AttributeName: n, AttributeValues: ATTRIBUTES[n]!.map((AttributeValue) => ({ AttributeValue })) }))
  return { AccountAttributes }
}

/** The region's AWS-managed prefix lists (ids derived from the region, stable across runs). */
function prefixLists(region: string): PrefixList[] {
  return ['s3', 'dynamodb'].map((svc) => ({ PrefixListId: `pl-${createHash('sha256').update(`${region}/${svc}`).digest('hex').slice(0, 8)}`, PrefixListName: `com.amazonaws.${region}.${svc}`, Cidrs: [] }))
}

const fields = { 'prefix-list-id': (p: PrefixList) => p.PrefixListId, 'prefix-list-name': (p: PrefixList) => p.PrefixListName }

/** DescribePrefixLists: the provider looks an endpoint's service name up here (none for interface services). */
export function describePrefixLists(input: DescribePrefixListsRequest, context: ApiRequestContext): DescribePrefixListsResult {
  let lists = prefixLists(context.region)
  if (input.PrefixListIds && input.PrefixListIds.length > 0) lists = lists.filter((p) => input.PrefixListIds!.includes(p.PrefixListId!))
  return { PrefixLists: filtered(lists, input.Filters, fields, () => ({})) }
}

/** DescribeManagedPrefixLists: the same AWS-managed lists, owned by AWS. */
export function describeManagedPrefixLists(input: DescribeManagedPrefixListsRequest, context: ApiRequestContext): DescribeManagedPrefixListsResult {
  const lists = prefixLists(context.region).map((p) => ({ PrefixListId: p.PrefixListId, PrefixListName: p.PrefixListName, AddressFamily: 'IPv4', State: 'create-complete' as const, OwnerId: 'AWS', PrefixListArn: `arn:aws:ec2:${context.region}:aws:prefix-list/${p.PrefixListId}`, Tags: [] }))
  const selected = input.PrefixListIds && input.PrefixListIds.length > 0 ? lists.filter((p) => input.PrefixListIds!.includes(p.PrefixListId!)) : lists
  return { PrefixLists: filtered(selected, input.Filters, { 'prefix-list-id': (p) => p.PrefixListId, 'prefix-list-name': (p) => p.PrefixListName, 'owner-id': (p) => p.OwnerId }, () => ({})) }
}
