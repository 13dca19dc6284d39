import { describe, expect, it } from 'vitest'
import { describePrefixLists } from './account-attributes.js'
import { describeAvailabilityZones } from './availability-zones.js'
import { describeInstanceTypeOfferings } from './instance-types.js'
import { createTags, deleteTags, describeTags } from './tags.js'
import { CONSUMER, contextFor, PRODUCER, testStore } from './test-context.js'
import { createVpc, describeVpcs } from './vpcs.js'

describe('tags', () => {
  it('set, describe and delete tags on any EC2 record; a tag given with another value stays', () => {
    const context = contextFor(testStore())
    const id = createVpc({ CidrBlock: '10.0.0.0/16' }, context).Vpc!.VpcId!
    createTags({ Resources: [id], Tags: [{ Key: 'Name', Value: 'a' }, { Key: 'plh:run-id', Value: 'r1' }] }, context)
    expect(describeTags({ Filters: [{ Name: 'resource-id', Values: [id] }, { Name: 'key', Values: ['plh:*'] }] }, context).Tags).toEqual([{ ResourceId: id, ResourceType: 'vpc', Key: 'plh:run-id', Value: 'r1' }])
    deleteTags({ Resources: [id], Tags: [{ Key: 'Name', Value: 'other' }, { Key: 'plh:run-id' }] }, context)
    expect(describeVpcs({ VpcIds: [id] }, context).Vpcs![0]!.Tags).toEqual([{ Key: 'Name', Value: 'a' }])
  })

  it('answer the kind NotFound for an unknown id and InvalidID for an id of no known kind', () => {
    const context = contextFor(testStore())
    expect(() => createTags({ Resources: ['vpc-0123456789abcdef0'], Tags: [{ Key: 'a', Value: 'b' }] }, context)).toThrow(expect.objectContaining({ code: 'InvalidVpcID.NotFound' }))
    expect(() => createTags({ Resources: ['nothing'], Tags: [{ Key: 'a', Value: 'b' }] }, context)).toThrow(expect.objectContaining({ code: 'InvalidID' }))
  })
})

describe('what the zones module reads', () => {
  it('lists available zones needing no opt-in, named per account over the same ids, all offering t3.micro', () => {
    const store = testStore()
    const zonesOf = (account: string) => describeAvailabilityZones({ Filters: [{ Name: 'opt-in-status', Values: ['opt-in-not-required'] }, { Name: 'state', Values: ['available'] }] }, contextFor(store, account)).AvailabilityZones!
    const producer = zonesOf(PRODUCER)
    const consumer = zonesOf(CONSUMER)
    expect(producer.map((z) => z.ZoneName)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f'])
    expect(new Set(producer.map((z) => z.ZoneId))).toEqual(new Set(consumer.map((z) => z.ZoneId)))
    const offered = describeInstanceTypeOfferings({ LocationType: 'availability-zone-id', Filters: [{ Name: 'instance-type', Values: ['t3.micro'] }] }, contextFor(store)).InstanceTypeOfferings!
    expect(offered.map((o) => o.Location).sort()).toEqual(producer.map((z) => z.ZoneId).sort())
    expect(describeInstanceTypeOfferings({ LocationType: 'region', Filters: [{ Name: 'instance-type', Values: ['p5.48xlarge'] }] }, contextFor(store)).InstanceTypeOfferings).toEqual([])
  })

  it('has no prefix list for an interface service name (the provider reads that as none)', () => {
    const context = contextFor(testStore())
    expect(describePrefixLists({ Filters: [{ Name: 'prefix-list-name', Values: ['com.amazonaws.us-east-1.ssm'] }] }, context).PrefixLists).toEqual([])
    expect(describePrefixLists({ Filters: [{ Name: 'prefix-list-name', Values: ['com.amazonaws.us-east-1.s3'] }] }, context).PrefixLists).toHaveLength(1)
  })
})
