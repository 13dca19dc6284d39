// The scenario actions against stand-ins (aws-sdk-client-mock) for EC2 and ELBv2: accepting a
// connection, taking one AZ's targets out of service and back, reading endpoint states.
import {
  AcceptVpcEndpointConnectionsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointsCommand,
  EC2Client,
  EC2ServiceException,
} from '@aws-sdk/client-ec2'
import {
  DeregisterTargetsCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { InfrastructureError } from '../../core/errors.js'
import { runConfigSchema } from '../../core/run-config.js'
import { runAwsAction, serviceIdOf, type AwsActionContext } from './aws-actions.js'
import { AwsClients } from './aws-clients.js'
import { ENDPOINT_ID, SERVICE_ID, describedEndpoint, endpointOutput, harnessOutput } from './test-support/describe-vpc-endpoints.js'

const ec2Mock = mockClient(EC2Client)
const elbMock = mockClient(ElasticLoadBalancingV2Client)
afterEach(() => {
  ec2Mock.reset()
  elbMock.reset()
})
afterAll(() => {
  ec2Mock.restore()
  elbMock.restore()
})

const config = runConfigSchema.parse({ accounts: { producer: { account_id: '111111111111' }, consumer: { account_id: '222222222222' } } })
const LB_ARN = 'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/plh-3f9a2c-ab12-svc/50dc6c495c0c9188'
const TG_ARN = 'arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/plh-3f9a2c-ab12-80/73e2d6bc24d8a067'

function context(): AwsActionContext {
  const ids: Record<string, string> = { '111111111111': 'producer', '222222222222': 'consumer' }
  return {
    clients: new AwsClients({ config, credentials: () => ({ accessKeyId: 'AKIDSTANDIN', secretAccessKey: 'stand-in' }), minDelayMs: 5 }),
    aliasOf: (id) => ids[id]!,
    outputsFile: 'terraform/same-region-cross-account/outputs.tf',
    pollIntervalMs: 10,
    timeoutMs: 500,
    removed: new Map(),
  }
}

function mockServiceConfiguration(): void {
  ec2Mock.on(DescribeVpcEndpointServiceConfigurationsCommand).resolves({
    ServiceConfigurations: [{ ServiceId: SERVICE_ID, ServiceName: `com.amazonaws.vpce.us-east-1.${SERVICE_ID}`, AcceptanceRequired: true, NetworkLoadBalancerArns: [LB_ARN] }],
  })
}

describe('serviceIdOf', () => {
  it('reads the service id out of the service name', () => {
    expect(serviceIdOf(`com.amazonaws.vpce.us-east-1.${SERVICE_ID}`)).toBe(SERVICE_ID)
    expect(serviceIdOf('com.amazonaws.us-east-1.s3')).toBeUndefined()
  })
})

describe('accept-endpoint (aws-sdk-client-mock stand-in)', () => {
  it('accepts on the service owner\'s account, waits until available, and fills the ENI addresses', async () => {
    mockServiceConfiguration()
    ec2Mock
      .on(DescribeVpcEndpointsCommand)
      .resolvesOnce({ VpcEndpoints: [describedEndpoint('pendingAcceptance')] })
      .resolvesOnce({ VpcEndpoints: [describedEndpoint('pending')] })
      .resolves({ VpcEndpoints: [describedEndpoint('available')] })
    ec2Mock.on(AcceptVpcEndpointConnectionsCommand).resolves({ Unsuccessful: [] })
    ec2Mock.on(DescribeNetworkInterfacesCommand).resolves({
      NetworkInterfaces: [
        { NetworkInterfaceId: 'eni-0ee55ff66aa77bb88', AvailabilityZone: 'us-east-1b', PrivateIpAddress: '10.0.16.87' },
        { NetworkInterfaceId: 'eni-0aa11bb22cc33dd44', AvailabilityZone: 'us-east-1a', PrivateIpAddress: '10.0.0.52' },
      ],
    })
    const before = harnessOutput(endpointOutput({ state: 'pendingAcceptance', eni_ips: [] }))
    const after = await runAwsAction({ kind: 'accept-endpoint' }, before, context())
    const accept = ec2Mock.commandCalls(AcceptVpcEndpointConnectionsCommand)
    expect(accept).toHaveLength(1)
    expect(accept[0]!.args[0].input).toEqual({ ServiceId: SERVICE_ID, VpcEndpointIds: [ENDPOINT_ID] })
    expect(after.endpoints[0]!.state).toBe('available')
    expect(after.endpoints[0]!.eni_ips).toEqual([
      { az: 'us-east-1a', ip: '10.0.0.52' },
      { az: 'us-east-1b', ip: '10.0.16.87' },
    ])
  })

  it('a connection AWS refuses to accept is an error with AWS\'s reason', async () => {
    mockServiceConfiguration()
    ec2Mock.on(DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [describedEndpoint('pendingAcceptance')] })
    ec2Mock.on(AcceptVpcEndpointConnectionsCommand).resolves({ Unsuccessful: [{ ResourceId: ENDPOINT_ID, Error: { Code: 'InvalidState', Message: 'Endpoint is not in pendingAcceptance' } }] })
    const error = await runAwsAction({ kind: 'accept-endpoint' }, harnessOutput(endpointOutput({ state: 'pendingAcceptance', eni_ips: [] })), context()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InfrastructureError)
    expect((error as Error).message).toContain(`${ENDPOINT_ID}: InvalidState Endpoint is not in pendingAcceptance`)
  })

  it('AccessDenied on the owner\'s account names the alias', async () => {
    ec2Mock.on(DescribeVpcEndpointServiceConfigurationsCommand).rejects(new EC2ServiceException({ name: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.', $fault: 'client', $metadata: {} }))
    const error = await runAwsAction({ kind: 'accept-endpoint' }, harnessOutput(), context()).catch((e: unknown) => e)
    expect((error as Error).message).toContain('ec2:DescribeVpcEndpointServiceConfigurations in account "producer" (us-east-1) failed with UnauthorizedOperation')
  })
})

describe('set-target-health (aws-sdk-client-mock stand-in)', () => {
  const targetA = { Id: 'i-0bbbbbbbbbbbbbbb1', Port: 80 }
  const targetB = { Id: 'i-0bbbbbbbbbbbbbbb2', Port: 80 }

  it('takes the AZ\'s targets out (deregister, wait until gone) and brings exactly them back (register, wait healthy)', async () => {
    mockServiceConfiguration()
    elbMock.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ TargetGroupArn: TG_ARN, TargetType: 'instance', Port: 80 }] })
    // the listing of every target (no Targets in the request), then the polls for the targets in us-east-1a
    elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: TG_ARN }).resolves({
      TargetHealthDescriptions: [
        { Target: targetA, TargetHealth: { State: 'healthy' } },
        { Target: targetB, TargetHealth: { State: 'healthy' } },
      ],
    })
    elbMock
      .on(DescribeTargetHealthCommand, { TargetGroupArn: TG_ARN, Targets: [targetA] })
      .resolvesOnce({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'draining' } }] })
      .resolvesOnce({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'unused', Reason: 'Target.NotRegistered' } }] })
      .resolvesOnce({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'initial' } }] })
      .resolves({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'healthy' } }] })
    elbMock.on(DeregisterTargetsCommand).resolves({})
    elbMock.on(RegisterTargetsCommand).resolves({})
    const ctx = context()
    await runAwsAction({ kind: 'set-target-health', az: 'us-east-1a', healthy: false }, harnessOutput(), ctx)
    expect(elbMock.commandCalls(DeregisterTargetsCommand).map((c) => c.args[0].input)).toEqual([{ TargetGroupArn: TG_ARN, Targets: [targetA] }])
    expect(ctx.removed.get('us-east-1a')).toHaveLength(1)
    await runAwsAction({ kind: 'set-target-health', az: 'us-east-1a', healthy: true }, harnessOutput(), ctx)
    expect(elbMock.commandCalls(RegisterTargetsCommand).map((c) => c.args[0].input)).toEqual([{ TargetGroupArn: TG_ARN, Targets: [targetA] }])
    expect(ctx.removed.has('us-east-1a')).toBe(false)
  })

  it('an AZ with no target is an error listing the AZs that have some', async () => {
    mockServiceConfiguration()
    elbMock.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ TargetGroupArn: TG_ARN }] })
    elbMock.on(DescribeTargetHealthCommand).resolves({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'healthy' } }] })
    const error = await runAwsAction({ kind: 'set-target-health', az: 'us-east-1c', healthy: false }, harnessOutput(), context()).catch((e: unknown) => e)
    expect((error as Error).message).toContain('has no target in us-east-1c (targets are in: us-east-1a)')
    expect(elbMock.commandCalls(DeregisterTargetsCommand)).toHaveLength(0)
  })

  it('targets that never drain are NOT_READY after the deadline, with their states', async () => {
    mockServiceConfiguration()
    elbMock.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ TargetGroupArn: TG_ARN }] })
    elbMock.on(DescribeTargetHealthCommand).resolves({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'draining' } }] })
    elbMock.on(DeregisterTargetsCommand).resolves({})
    const error = await runAwsAction({ kind: 'set-target-health', az: 'us-east-1a', healthy: false }, harnessOutput(), context()).catch((e: unknown) => e)
    expect((error as InfrastructureError).code).toBe('NOT_READY')
    expect((error as Error).message).toContain('i-0bbbbbbbbbbbbbbb1:80 draining')
  })
})

describe('expect-endpoint-state (aws-sdk-client-mock stand-in)', () => {
  it('returns the outputs with the state EC2 reports', async () => {
    ec2Mock.on(DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [describedEndpoint('rejected')] })
    const after = await runAwsAction({ kind: 'expect-endpoint-state', state: 'rejected' }, harnessOutput(), context())
    expect(after.endpoints[0]!.state).toBe('rejected')
  })

  it.each([
    ['expired', 'expired'],
    ['Partial', 'partial'],
  ])('an endpoint EC2 reports as %s is read as %s, not an unknown state', async (state, contract) => {
    ec2Mock.on(DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [describedEndpoint(state)] })
    const after = await runAwsAction({ kind: 'expect-endpoint-state', state: 'available' }, harnessOutput(), context())
    expect(after.endpoints[0]!.state).toBe(contract)
  })
})
