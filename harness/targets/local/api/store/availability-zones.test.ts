import { describe, expect, it } from 'vitest'
import { findAvailabilityZone, listAvailabilityZones, zoneIdPrefix } from './availability-zones.js'

describe('availability zones', () => {
  it('uses AWS zone-id prefixes', () => {
    expect(zoneIdPrefix('us-east-1')).toBe('use1')
    expect(zoneIdPrefix('eu-west-2')).toBe('euw2')
    expect(zoneIdPrefix('ap-southeast-1')).toBe('apse1')
    expect(zoneIdPrefix('ca-central-1')).toBe('cac1')
  })

  it('gives every account the same ids under its own names', () => {
    const a = listAvailabilityZones('111111111111', 'us-east-1')
    const b = listAvailabilityZones('222222222222', 'us-east-1')
    expect(a.map((z) => z.name)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f'])
    expect([...a.map((z) => z.id)].sort()).toEqual([...b.map((z) => z.id)].sort())
    expect(a.map((z) => z.id)).not.toEqual(b.map((z) => z.id))
  })

  it('is deterministic and finds zones by name or id', () => {
    expect(listAvailabilityZones('111111111111', 'eu-west-2')).toEqual(listAvailabilityZones('111111111111', 'eu-west-2'))
    const zone = listAvailabilityZones('111111111111', 'eu-west-2')[1]!
    expect(findAvailabilityZone('111111111111', 'eu-west-2', zone.id)).toEqual(zone)
    expect(findAvailabilityZone('111111111111', 'eu-west-2', zone.name)).toEqual(zone)
    expect(findAvailabilityZone('111111111111', 'eu-west-2', 'eu-west-2z')).toBeUndefined()
  })
})
