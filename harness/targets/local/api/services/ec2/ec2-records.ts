// What every EC2 handler needs from the store: a record by id or AWS's NotFound error, describe
// calls (ids that must all exist, then the filter language), tags rendered into the SDK shape,
// and private DNS names in AWS's form. One place, so that every action answers the same way.
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import type { ResourceRecord } from '../../store/aws-store.js'
import { applyFilters, toTagList, UnknownFilterError, type DescribeFilter, type FilterFields } from '../../store/describe-filters.js'

/** The store types this service owns, with the NotFound code and noun AWS uses for each. */
export const EC2_TYPES = {
  vpc: { type: 'vpc', notFound: 'InvalidVpcID.NotFound', noun: 'vpc ID' },
  subnet: { type: 'subnet', notFound: 'InvalidSubnetID.NotFound', noun: 'subnet ID' },
  routeTable: { type: 'route-table', notFound: 'InvalidRouteTableID.NotFound', noun: 'routeTable ID' },
  securityGroup: { type: 'security-group', notFound: 'InvalidGroup.NotFound', noun: 'security group' },
  securityGroupRule: { type: 'security-group-rule', notFound: 'InvalidSecurityGroupRuleId.NotFound', noun: 'security group rule ID' },
  networkAcl: { type: 'network-acl', notFound: 'InvalidNetworkAclID.NotFound', noun: 'network ACL ID' },
  instance: { type: 'instance', notFound: 'InvalidInstanceID.NotFound', noun: 'instance ID' },
  networkInterface: { type: 'network-interface', notFound: 'InvalidNetworkInterfaceID.NotFound', noun: 'networkInterface ID' },
  vpcEndpoint: { type: 'vpc-endpoint', notFound: 'InvalidVpcEndpointId.NotFound', noun: 'Vpc Endpoint Id' },
  vpcEndpointService: { type: 'vpc-endpoint-service', notFound: 'InvalidVpcEndpointServiceId.NotFound', noun: 'Vpc Endpoint Service Id' },
  vpcPeeringConnection: { type: 'vpc-peering-connection', notFound: 'InvalidVpcPeeringConnectionID.NotFound', noun: 'vpcPeeringConnection ID' },
} as const

export type Ec2Kind = (typeof EC2_TYPES)[keyof typeof EC2_TYPES]

/** AWS's NotFound error for one id of a kind (`The vpc ID 'vpc-…' does not exist`). */
export function notFoundError(kind: Ec2Kind, id: string): AwsApiError {
  return new AwsApiError(kind.notFound, `The ${kind.noun} '${id}' does not exist`)
}

/** The record of `kind` with `id` in the caller's account and region, or AWS's NotFound error. */
export function requireRecord<T>(context: ApiRequestContext, kind: Ec2Kind, id: string | undefined): ResourceRecord<T> {
  if (id === undefined || id === '') throw new AwsApiError('MissingParameter', `The request must contain the parameter ${kind.noun}`)
  const record = context.store.get<T>(context.account, context.region, kind.type, id)
  if (record === undefined) throw notFoundError(kind, id)
  return record
}

/** The SDK shape of a record with its tags rendered in (`Tags`, or `TagSet` for network interfaces). */
export function render<T>(record: ResourceRecord<T>, tagField: 'Tags' | 'TagSet' = 'Tags'): T {
  return { ...record.data, [tagField]: toTagList(record.tags) } as T
}

/** Options of one Describe* call over a store type. */
export interface DescribeOptions<T> {
  kind: Ec2Kind
  ids?: string[]
  filters?: DescribeFilter[]
  fields: FilterFields<T>
  tagField?: 'Tags' | 'TagSet'
  /** keeps only the records this caller can see (default: the caller's account and region) */
  records?: ResourceRecord<T>[]
}

/**
 * A Describe* call as EC2 answers it: every id asked for must exist (else the kind's NotFound
 * error naming it), then the filters narrow the rendered resources; an unknown filter name is an
 * InvalidParameterValue, as on AWS.
 */
export function describeRecords<T>(context: ApiRequestContext, options: DescribeOptions<T>): T[] {
  let records = options.records ?? context.store.list<T>({ type: options.kind.type, account: context.account, region: context.region })
  if (options.ids && options.ids.length > 0) {
    const byId = new Map(records.map((r) => [r.id, r]))
    const missing = options.ids.filter((id) => !byId.has(id))
    if (missing.length > 0) throw notFoundError(options.kind, missing.join(', '))
    records = options.ids.map((id) => byId.get(id)!)
  }
  const rendered = records.map((r) => ({ record: r, shape: render(r, options.tagField) }))
  const fields: FilterFields<{ record: ResourceRecord<T>; shape: T }> = {}
  for (const [name, read] of Object.entries(options.fields)) fields[name] = (item) => read(item.shape)
  return filtered(rendered, options.filters, fields, (item) => item.record.tags).map((item) => item.shape)
}

/** applyFilters with AWS's error for an unknown filter name. */
export function filtered<T>(items: T[], filters: DescribeFilter[] | undefined, fields: FilterFields<T>, tagsOf: (item: T) => Record<string, string>): T[] {
  try {
    return applyFilters(items, filters, fields, tagsOf)
  } catch (error) {
    if (error instanceof UnknownFilterError) throw new AwsApiError('InvalidParameterValue', `The filter '${error.filterName}' is invalid`)
    throw error
  }
}

/** EC2's private DNS name of an address: `ip-10-0-0-4.ec2.internal` in us-east-1, `ip-….<region>.compute.internal` elsewhere. */
export function privateDnsName(ip: string, region: string): string {
  const host = `ip-${ip.replace(/\./g, '-')}`
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`
}

/** The `TagSpecifications` of a create call as a tag map for `resourceType`. */
export { tagsFromSpecifications } from '../../store/describe-filters.js'

/** `true`/`false` as EC2 filters compare booleans. */
export const bool = (value: boolean | undefined): string | undefined => (value === undefined ? undefined : String(value))
