import { describe, expect, it } from 'vitest'
import { applyFilters, tagsFromSpecifications, UnknownFilterError } from './describe-filters.js'

interface Vpc { id: string; cidr: string; tags: Record<string, string> }
const vpcs: Vpc[] = [
  { id: 'vpc-1', cidr: '10.0.0.0/16', tags: { Name: 'a', env: 'x' } },
  { id: 'vpc-2', cidr: '10.1.0.0/16', tags: { Name: 'b' } },
]
const fields = { 'vpc-id': (v: Vpc) => v.id, 'cidr-block': (v: Vpc) => v.cidr }

describe('applyFilters', () => {
  it('ANDs filters, ORs values, supports wildcards and tags', () => {
    expect(applyFilters(vpcs, [{ Name: 'vpc-id', Values: ['vpc-2', 'vpc-9'] }], fields, (v) => v.tags).map((v) => v.id)).toEqual(['vpc-2'])
    expect(applyFilters(vpcs, [{ Name: 'cidr-block', Values: ['10.*'] }, { Name: 'tag:Name', Values: ['a'] }], fields, (v) => v.tags).map((v) => v.id)).toEqual(['vpc-1'])
    expect(applyFilters(vpcs, [{ Name: 'tag-key', Values: ['env'] }], fields, (v) => v.tags).map((v) => v.id)).toEqual(['vpc-1'])
    expect(applyFilters(vpcs, undefined, fields, (v) => v.tags)).toHaveLength(2)
  })

  it('refuses an unknown filter name', () => {
    expect(() => applyFilters(vpcs, [{ Name: 'colour', Values: ['red'] }], fields, (v) => v.tags)).toThrow(UnknownFilterError)
  })

  it('takes the tags meant for a resource type', () => {
    expect(tagsFromSpecifications([{ ResourceType: 'vpc', Tags: [{ Key: 'a', Value: '1' }] }, { ResourceType: 'subnet', Tags: [{ Key: 'b', Value: '2' }] }], 'vpc')).toEqual({ a: '1' })
  })
})
