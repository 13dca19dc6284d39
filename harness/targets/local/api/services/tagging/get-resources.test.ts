import { describe, expect, it } from 'vitest'
import { GLOBAL_REGION } from '../../store/aws-store.js'
import { createTestContext, createTestStore } from '../test-request-context.js'
import { getResources } from './get-resources.js'

const LB = 'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/plh/0123456789abcdef'

function setup() {
  const store = createTestStore()
  const put = (type: string, id: string, tags: Record<string, string>, account = '111111111111', region = 'us-east-1') => store.put({ type, id, account, region, tags, data: {} })
  put('vpc', 'vpc-0123456789abcdef0', { 'plh:run-id': 'r1', Name: 'a' })
  put('security-group', 'sg-0123456789abcdef0', { 'plh:run-id': 'r2' })
  put('load-balancer', LB, { 'plh:run-id': 'r1' })
  put('subnet', 'subnet-0123456789abcdef0', {})
  put('iam-role', 'plh-ssm', { 'plh:run-id': 'r1' }, '111111111111', GLOBAL_REGION)
  put('vpc', 'vpc-0000000000000000e', { 'plh:run-id': 'r1' }, '222222222222')
  put('vpc', 'vpc-0000000000000000f', { 'plh:run-id': 'r1' }, '111111111111', 'eu-west-2')
  put('some-future-type', 'x-1', { 'plh:run-id': 'r1' })
  return { store, context: createTestContext(store) }
}

describe('GetResources', () => {
  it("lists the caller's tagged resources of the region (and global ones from us-east-1) with their ARNs, filtered by tag key and value", () => {
    const { context } = setup()
    expect(getResources({ TagFilters: [{ Key: 'plh:run-id' }] }, context).ResourceTagMappingList!.map((m) => m.ResourceARN)).toEqual([
      'arn:aws:ec2:us-east-1:111111111111:vpc/vpc-0123456789abcdef0',
      'arn:aws:ec2:us-east-1:111111111111:security-group/sg-0123456789abcdef0',
      LB,
      'arn:aws:iam::111111111111:role/plh-ssm',
    ])
    const r1 = getResources({ TagFilters: [{ Key: 'plh:run-id', Values: ['r1'] }] }, context).ResourceTagMappingList!
    expect(r1.map((m) => m.ResourceARN)).toHaveLength(3)
    expect(r1[0]!.Tags).toEqual([{ Key: 'plh:run-id', Value: 'r1' }, { Key: 'Name', Value: 'a' }])
    expect(getResources({ TagFilters: [{ Key: 'plh:run-id' }] }, createTestContext(context.store, { region: 'eu-west-2' })).ResourceTagMappingList!.map((m) => m.ResourceARN)).toEqual([
      'arn:aws:ec2:eu-west-2:111111111111:vpc/vpc-0000000000000000f',
    ])
  })

  it('filters by resource type and ARN, and pages', () => {
    const { context } = setup()
    expect(getResources({ ResourceTypeFilters: ['elasticloadbalancing:loadbalancer'] }, context).ResourceTagMappingList!.map((m) => m.ResourceARN)).toEqual([LB])
    expect(getResources({ ResourceTypeFilters: ['ec2'] }, context).ResourceTagMappingList).toHaveLength(2)
    expect(getResources({ ResourceARNList: [LB] }, context).ResourceTagMappingList!.map((m) => m.ResourceARN)).toEqual([LB])
    const first = getResources({ ResourcesPerPage: 3 }, context)
    expect(first.ResourceTagMappingList).toHaveLength(3)
    const second = getResources({ ResourcesPerPage: 3, PaginationToken: first.PaginationToken }, context)
    expect(second.ResourceTagMappingList).toHaveLength(1)
    expect(second.PaginationToken).toBe('')
  })
})
