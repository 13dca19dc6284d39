import { EC2Client, GetAwsNetworkPerformanceDataCommand } from '@aws-sdk/client-ec2'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { ProbeTarget } from '../../core/results.js'
import { awsInterRegionP50, crossRegionEndpoints, expectedCrossRegionLatency, networkPerformanceQuery, readP50 } from './inter-region-latency.js'
import { endpointOutput } from './test-support/describe-vpc-endpoints.js'

const ec2Mock = mockClient(EC2Client)
afterEach(() => ec2Mock.reset())
afterAll(() => ec2Mock.restore())

const now = new Date('2026-11-25T13:00:00.000Z')
const crossRegion = endpointOutput({ region: 'eu-west-2', service_region: 'us-east-1' })
const regionalTarget: ProbeTarget = { key: 'r', url: `http://${crossRegion.regional_dns}/`, host: crossRegion.regional_dns, port: 80, name_kind: 'regional' }

/** Shaped like AWS's documented example answer (CloudWatch Infrastructure Performance, CLI). */
function answer(values: number[]) {
  return {
    DataResponses: [
      {
        Id: 'plh',
        Source: 'eu-west-2',
        Destination: 'us-east-1',
        Metric: 'aggregate-latency' as const,
        Statistic: 'p50' as const,
        Period: 'five-minutes' as const,
        MetricPoints: values.map((Value, i) => ({ StartDate: new Date(now.getTime() - (values.length - i) * 300_000), EndDate: new Date(now.getTime() - (values.length - i - 1) * 300_000), Value, Status: 'OK' })),
      },
    ],
  }
}

describe('networkPerformanceQuery', () => {
  it('asks for aggregate-latency p50 in five-minute points over the last hour', () => {
    expect(networkPerformanceQuery('eu-west-2', 'us-east-1', now)).toEqual({
      StartTime: new Date('2026-11-25T12:00:00.000Z'),
      EndTime: now,
      DataQueries: [{ Id: 'plh', Source: 'eu-west-2', Destination: 'us-east-1', Metric: 'aggregate-latency', Statistic: 'p50', Period: 'five-minutes' }],
    })
  })
})

describe('awsInterRegionP50 (aws-sdk-client-mock stand-in)', () => {
  it('returns the median of the hour\'s points and sends the documented request', async () => {
    ec2Mock.on(GetAwsNetworkPerformanceDataCommand).resolves(answer([75.9, 76.4, 76.1, 90.2, 75.8]))
    const ec2 = new EC2Client({ region: 'eu-west-2', credentials: { accessKeyId: 'AKIDSTANDIN', secretAccessKey: 'stand-in' } })
    expect(await awsInterRegionP50(ec2, 'eu-west-2', 'us-east-1', { now })).toBe(76.1)
    const input = ec2Mock.commandCalls(GetAwsNetworkPerformanceDataCommand)[0]!.args[0].input
    expect(input.DataQueries).toEqual([{ Id: 'plh', Source: 'eu-west-2', Destination: 'us-east-1', Metric: 'aggregate-latency', Statistic: 'p50', Period: 'five-minutes' }])
  })

  it('is undefined when AWS has no point for the pair', async () => {
    ec2Mock.on(GetAwsNetworkPerformanceDataCommand).resolves(answer([]))
    const ec2 = new EC2Client({ region: 'eu-west-2', credentials: { accessKeyId: 'AKIDSTANDIN', secretAccessKey: 'stand-in' } })
    expect(await awsInterRegionP50(ec2, 'eu-west-2', 'us-east-1', { now })).toBeUndefined()
    expect(readP50({ $metadata: {} })).toBeUndefined()
  })
})

describe('expectedCrossRegionLatency', () => {
  const p50 = new Map([[crossRegion.id, 76.1]])

  it('is two round trips to first byte for HTTP through a cross-region endpoint, regional or zonal', () => {
    expect(expectedCrossRegionLatency([crossRegion], p50, regionalTarget, { scheme: 'http' })).toEqual({ timing: 'time_starttransfer', expected_ms: 152.2 })
    const zonal = { ...regionalTarget, host: crossRegion.zonal[0]!.dns.toLowerCase(), name_kind: 'zonal' as const }
    expect(expectedCrossRegionLatency([crossRegion], p50, zonal, { scheme: 'http' })?.expected_ms).toBe(152.2)
  })

  it('gives no figure for HTTPS, for names that are not the endpoint\'s, or without AWS\'s p50', () => {
    expect(expectedCrossRegionLatency([crossRegion], p50, regionalTarget, { scheme: 'https' })).toBeUndefined()
    expect(expectedCrossRegionLatency([crossRegion], p50, { ...regionalTarget, host: '10.0.0.5', name_kind: 'ip' }, { scheme: 'http' })).toBeUndefined()
    expect(expectedCrossRegionLatency([crossRegion], new Map(), regionalTarget, { scheme: 'http' })).toBeUndefined()
  })

  it('only endpoints whose service is in another region count as cross-region', () => {
    expect(crossRegionEndpoints([crossRegion, endpointOutput()])).toEqual([crossRegion])
  })
})
