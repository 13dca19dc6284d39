// The supported-regions wait against a stand-in (aws-sdk-client-mock) for EC2: a region's
// ServiceState going Pending → Available after the service exists is AWS behaviour nothing here
// produces for the AWS target's code yet.
import { DescribeVpcEndpointServiceConfigurationsCommand, EC2Client } from '@aws-sdk/client-ec2'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { InfrastructureError } from '../../core/errors.js'
import { endpointServicesInState, waitForSupportedRegionsAvailable, type SupportedRegionsWaitOptions } from './supported-regions-readiness.js'

const ec2Mock = mockClient(EC2Client)
afterEach(() => ec2Mock.reset())
afterAll(() => ec2Mock.restore())

const SERVICE_ID = 'vpce-svc-0e123abc123198abc'
const client = new EC2Client({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDSTANDIN', secretAccessKey: 'stand-in' } })

function options(overrides: Partial<SupportedRegionsWaitOptions> = {}): SupportedRegionsWaitOptions {
  return { client, target: { alias: 'producer', region: 'us-east-1' }, serviceId: SERVICE_ID, regions: ['us-east-1', 'eu-west-2'], timeoutMs: 400, pollIntervalMs: 10, ...overrides }
}

function configuration(euWest2: string) {
  return { ServiceConfigurations: [{ ServiceId: SERVICE_ID, ServiceState: 'Available' as const, SupportedRegions: [{ Region: 'us-east-1', ServiceState: 'Available' }, { Region: 'eu-west-2', ServiceState: euWest2 }] }] }
}

describe('waitForSupportedRegionsAvailable (aws-sdk-client-mock stand-in)', () => {
  it('waits while the consumer\'s region is Pending, though the service itself is Available, and returns once it is Available', async () => {
    ec2Mock.on(DescribeVpcEndpointServiceConfigurationsCommand).resolvesOnce(configuration('Pending')).resolvesOnce(configuration('Pending')).resolves(configuration('Available'))
    await waitForSupportedRegionsAvailable(options())
    expect(ec2Mock.commandCalls(DescribeVpcEndpointServiceConfigurationsCommand)).toHaveLength(3)
    expect(ec2Mock.commandCalls(DescribeVpcEndpointServiceConfigurationsCommand)[0]!.args[0].input).toEqual({ ServiceIds: [SERVICE_ID] })
  })

  it('a region still Pending at the deadline is NOT_READY naming it and its state', async () => {
    ec2Mock.on(DescribeVpcEndpointServiceConfigurationsCommand).resolves(configuration('Pending'))
    const error = await waitForSupportedRegionsAvailable(options({ timeoutMs: 100 })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InfrastructureError)
    expect((error as Error).message).toContain(`endpoint service ${SERVICE_ID} in account "producer" (us-east-1) not available in its supported regions within 0.1 s: eu-west-2 Pending`)
  })

  it.each(['Failed', 'Closed'])('a region that is %s fails at once', async (state) => {
    ec2Mock.on(DescribeVpcEndpointServiceConfigurationsCommand).resolves(configuration(state))
    const error = await waitForSupportedRegionsAvailable(options({ timeoutMs: 60_000 })).catch((e: unknown) => e)
    expect((error as Error).message).toContain(`supported region eu-west-2 is ${state}`)
    expect(ec2Mock.commandCalls(DescribeVpcEndpointServiceConfigurationsCommand)).toHaveLength(1)
  })
})

describe('endpointServicesInState', () => {
  it('reads each endpoint service\'s id, account, region and supported regions from terraform\'s state', () => {
    const resources = [
      { address: 'aws_vpc.producer', type: 'aws_vpc', values: { id: 'vpc-0c8b3f1e2d4a5b6c7' } },
      {
        address: 'aws_vpc_endpoint_service.service',
        type: 'aws_vpc_endpoint_service',
        values: { id: SERVICE_ID, arn: `arn:aws:ec2:us-east-1:111111111111:vpc-endpoint-service/${SERVICE_ID}`, supported_regions: ['us-east-1', 'eu-west-2'] },
      },
    ]
    expect(endpointServicesInState(resources)).toEqual([{ serviceId: SERVICE_ID, accountId: '111111111111', region: 'us-east-1', supportedRegions: ['us-east-1', 'eu-west-2'] }])
  })
})
