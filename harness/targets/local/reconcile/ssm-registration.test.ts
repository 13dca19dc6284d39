import type { Instance } from '@aws-sdk/client-ec2'
import { describe, expect, it } from 'vitest'
import type { ResourceRecord } from '../api/store/aws-store.js'
import { ssmRegistration } from './ssm-registration.js'
import { sameRegionRecords } from './test-records.js'

const consumer = (records: ResourceRecord[]) => records.find((r) => r.id === 'i-c1') as ResourceRecord<Instance>

describe('ssmRegistration (AWS rules)', () => {
  it('registers with the core policy and the three endpoints admitting 443', () => {
    const records = sameRegionRecords()
    expect(ssmRegistration(records, consumer(records))).toEqual({ online: true })
  })

  it('never registers without the endpoints and no internet route, and says what is missing', () => {
    const records = sameRegionRecords({ withSsmEndpoints: false })
    expect(ssmRegistration(records, consumer(records))).toEqual({
      online: false,
      reason: 'i-c1 never registered with SSM: VPC vpc-c has no ssm endpoint, no ssmmessages endpoint, no ec2messages endpoint and no route to the internet',
    })
  })

  it('registers through a NAT or internet gateway route instead', () => {
    const records = sameRegionRecords({ withSsmEndpoints: false }).map((r) =>
      r.id === 'rtb-c' ? { ...r, data: { ...r.data, Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1' }] } } : r,
    )
    expect(ssmRegistration(records, consumer(records))).toEqual({ online: true })
  })

  it('never registers without the core policy or an instance profile', () => {
    const records = sameRegionRecords({ ssmPolicy: false })
    expect(ssmRegistration(records, consumer(records))).toMatchObject({ online: false, reason: expect.stringContaining('lacks the AmazonSSMManagedInstanceCore policy') })
    const bare = { ...consumer(records), data: { ...consumer(records).data, IamInstanceProfile: undefined } }
    expect(ssmRegistration(records, bare)).toMatchObject({ online: false, reason: expect.stringContaining('has no instance profile') })
  })

  it('refuses an endpoint whose security group does not admit 443 from the instance', () => {
    const records = sameRegionRecords().map((r) => (r.id === 'sgr-3' ? { ...r, data: { ...r.data, CidrIpv4: '192.168.0.0/16' } } : r))
    expect(ssmRegistration(records, consumer(records))).toMatchObject({ online: false, reason: expect.stringContaining("the ssm endpoint's security group does not admit 443 from 10.0.0.4") })
  })
})
