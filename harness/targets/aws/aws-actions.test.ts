// The scenario actions against stand-ins (aws-sdk-client-mock) for EC2 and ELBv2: accepting a
// connection, taking one AZ's targets out of service and back, reading endpoint states.
import {
  AcceptVpcEndpointConnectionsCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeVpcEndpointServiceConfigurationsCommand,
  DescribeVpcEndpointsCommand,
  EC2ServiceException,
} from '@aws-sdk/client-ec2'
import {
  DeregisterTargetsCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { afterEach, describe, expect, it } from 'vitest'
import { InfrastructureError } from '../../core/errors.js'
import type { CommandResult } from '../../core/target.js'
import { runAwsAction, type AwsActionContext } from './aws-actions.js'
import { serviceIdOf } from './nlb-targets.js'
import { AwsClients } from './aws-clients.js'
import { LB_ARN, standInConfig, TG_ARN, useEc2ElbStandIns } from './test-support/ec2-elb-stand-ins.js'
import { ENDPOINT_ID, SERVICE_ID, describedEndpoint, endpointOutput, harnessOutput } from './test-support/describe-vpc-endpoints.js'

const { ec2Mock, elbMock } = useEc2ElbStandIns()
const config = standInConfig

/** Scripts the actions ran, per instance (a stand-in for the SSM transport, which has its own tests). */
let commands: Array<{ instance: string; script: string }> = []
afterEach(() => {
  commands = []
})

function context(): AwsActionContext {
  const ids: Record<string, string> = { '111111111111': 'producer', '222222222222': 'consumer' }
  return {
    runCommand: async (instance, script): Promise<CommandResult> => {
      commands.push({ instance: instance.instance_id, script })
      return { commandId: 'c0ffee00-0000-4000-8000-000000000001', instanceId: instance.instance_id, status: 'Success', responseCode: 0, stdout: '', stderr: '', stdoutTruncated: false, apiCalls: 2 }
    },
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

describe('set-target-health and set-target-registration (aws-sdk-client-mock stand-in)', () => {
  const targetA = { Id: 'i-0bbbbbbbbbbbbbbb1', Port: 80 }
  const targetB = { Id: 'i-0bbbbbbbbbbbbbbb2', Port: 80 }

  function mockTwoHealthyTargets(): void {
    mockServiceConfiguration()
    elbMock.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ TargetGroupArn: TG_ARN, TargetType: 'instance', Port: 80 }] })
    // the listing of every target (no Targets in the request); the polls name their targets
    elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: TG_ARN }).resolves({
      TargetHealthDescriptions: [
        { Target: targetA, TargetHealth: { State: 'healthy' } },
        { Target: targetB, TargetHealth: { State: 'healthy' } },
      ],
    })
  }

  it('set-target-health stops the producer service in the AZ through SSM, waits until ELB reports it unhealthy, and never deregisters; then starts it and waits healthy', async () => {
    mockTwoHealthyTargets()
    elbMock
      .on(DescribeTargetHealthCommand, { TargetGroupArn: TG_ARN, Targets: [targetA] })
      .resolvesOnce({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'healthy' } }] })
      .resolvesOnce({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'unhealthy', Reason: 'Target.FailedHealthChecks' } }] })
      .resolvesOnce({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'unhealthy', Reason: 'Target.FailedHealthChecks' } }] })
      .resolves({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'healthy' } }] })
    const ctx = context()
    await runAwsAction({ kind: 'set-target-health', az: 'us-east-1a', healthy: false }, harnessOutput(), ctx)
    expect(commands).toEqual([{ instance: 'i-0bbbbbbbbbbbbbbb1', script: 'systemctl stop plh-producer.service' }])
    expect(elbMock.commandCalls(DeregisterTargetsCommand)).toHaveLength(0)
    expect(elbMock.commandCalls(DescribeTargetHealthCommand, { TargetGroupArn: TG_ARN, Targets: [targetA] })).toHaveLength(2)
    await runAwsAction({ kind: 'set-target-health', az: 'us-east-1a', healthy: true }, harnessOutput(), ctx)
    expect(commands.at(-1)).toEqual({ instance: 'i-0bbbbbbbbbbbbbbb1', script: 'systemctl start plh-producer.service' })
    expect(elbMock.commandCalls(RegisterTargetsCommand)).toHaveLength(0)
  })

  it('set-target-health on a target that is not an SSM-managed producer says so and points at producer_ssm and set-target-registration', async () => {
    mockTwoHealthyTargets()
    // without producers in the outputs, the AZ of an instance target comes from EC2
    ec2Mock.on(DescribeInstancesCommand).resolves({
      Reservations: [{ Instances: [{ InstanceId: targetA.Id, Placement: { AvailabilityZone: 'us-east-1a' } }, { InstanceId: targetB.Id, Placement: { AvailabilityZone: 'us-east-1b' } }] }],
    })
    const outputs = { ...harnessOutput(), producers: [] }
    const error = await runAwsAction({ kind: 'set-target-health', az: 'us-east-1a', healthy: false }, outputs, context()).catch((e: unknown) => e)
    expect((error as Error).message).toContain('target i-0bbbbbbbbbbbbbbb1 in us-east-1a is not one of the fixture\'s SSM-managed producers')
    expect((error as Error).message).toContain('producer_ssm = true')
    expect(commands).toEqual([])
  })

  it('set-target-registration takes the AZ\'s targets out (deregister, wait until gone) and brings exactly them back (register, wait healthy)', async () => {
    mockTwoHealthyTargets()
    elbMock
      .on(DescribeTargetHealthCommand, { TargetGroupArn: TG_ARN, Targets: [targetA] })
      .resolvesOnce({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'draining' } }] })
      .resolvesOnce({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'unused', Reason: 'Target.NotRegistered' } }] })
      .resolvesOnce({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'initial' } }] })
      .resolves({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'healthy' } }] })
    elbMock.on(DeregisterTargetsCommand).resolves({})
    elbMock.on(RegisterTargetsCommand).resolves({})
    const ctx = context()
    await runAwsAction({ kind: 'set-target-registration', az: 'us-east-1a', registered: false }, harnessOutput(), ctx)
    expect(elbMock.commandCalls(DeregisterTargetsCommand).map((c) => c.args[0].input)).toEqual([{ TargetGroupArn: TG_ARN, Targets: [targetA] }])
    expect(ctx.removed.get('us-east-1a')).toHaveLength(1)
    await runAwsAction({ kind: 'set-target-registration', az: 'us-east-1a', registered: true }, harnessOutput(), ctx)
    expect(elbMock.commandCalls(RegisterTargetsCommand).map((c) => c.args[0].input)).toEqual([{ TargetGroupArn: TG_ARN, Targets: [targetA] }])
    expect(ctx.removed.has('us-east-1a')).toBe(false)
    expect(commands).toEqual([])
  })

  it.each([
    { kind: 'set-target-health' as const, az: 'us-east-1a', healthy: false },
    { kind: 'set-target-registration' as const, az: 'us-east-1a', registered: false },
  ])('$kind refuses one AZ when ELB reports the targets in AZ "all" (IP targets across a peering), and touches nothing', async (action) => {
    mockServiceConfiguration()
    elbMock.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ TargetGroupArn: TG_ARN, TargetType: 'ip' }] })
    // the relay registers the provider instances' IPs with availability_zone = "all"; one of them has the private IP of a producer in us-east-1a
    elbMock.on(DescribeTargetHealthCommand).resolves({
      TargetHealthDescriptions: [
        { Target: { Id: '10.0.1.10', Port: 80, AvailabilityZone: 'all' }, TargetHealth: { State: 'healthy' } },
        { Target: { Id: '10.0.17.10', Port: 80, AvailabilityZone: 'all' }, TargetHealth: { State: 'healthy' } },
      ],
    })
    const error = await runAwsAction(action, harnessOutput(), context()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InfrastructureError)
    expect((error as Error).message).toContain('targets registered in AZ "all" (10.0.1.10:80, 10.0.17.10:80)')
    expect((error as Error).message).toContain('us-east-1a alone cannot be taken out of service')
    expect(elbMock.commandCalls(DeregisterTargetsCommand)).toHaveLength(0)
    expect(commands).toEqual([])
  })

  it('an AZ with no target is an error listing the AZs that have some', async () => {
    mockServiceConfiguration()
    elbMock.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ TargetGroupArn: TG_ARN }] })
    elbMock.on(DescribeTargetHealthCommand).resolves({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'healthy' } }] })
    const error = await runAwsAction({ kind: 'set-target-registration', az: 'us-east-1c', registered: false }, harnessOutput(), context()).catch((e: unknown) => e)
    expect((error as Error).message).toContain('has no target in us-east-1c (targets are in: us-east-1a)')
    expect(elbMock.commandCalls(DeregisterTargetsCommand)).toHaveLength(0)
  })

  it('targets that never drain are NOT_READY after the deadline, with their states', async () => {
    mockServiceConfiguration()
    elbMock.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ TargetGroupArn: TG_ARN }] })
    elbMock.on(DescribeTargetHealthCommand).resolves({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'draining', Reason: 'Target.DeregistrationInProgress' } }] })
    elbMock.on(DeregisterTargetsCommand).resolves({})
    const error = await runAwsAction({ kind: 'set-target-registration', az: 'us-east-1a', registered: false }, harnessOutput(), context()).catch((e: unknown) => e)
    expect((error as InfrastructureError).code).toBe('NOT_READY')
    expect((error as Error).message).toContain('i-0bbbbbbbbbbbbbbb1:80 draining (Target.DeregistrationInProgress)')
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
