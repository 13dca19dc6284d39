// Readiness of the NLB's targets against stand-ins (aws-sdk-client-mock) for EC2 and ELBv2: target
// states over time (initial for the first health checks) are AWS behaviour nothing here produces
// for the AWS target's own code.
import { DescribeVpcEndpointServiceConfigurationsCommand } from '@aws-sdk/client-ec2'
import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import { describe, expect, it } from 'vitest'
import { InfrastructureError } from '../../core/errors.js'
import { AwsClients } from './aws-clients.js'
import { LB_ARN, standInConfig, TG_ARN, useEc2ElbStandIns } from './test-support/ec2-elb-stand-ins.js'
import { waitForNlbTargetsHealthy } from './nlb-readiness.js'
import type { NlbContext } from './nlb-targets.js'
import { SERVICE_ID, harnessOutput } from './test-support/describe-vpc-endpoints.js'

const { ec2Mock, elbMock } = useEc2ElbStandIns()
const config = standInConfig
const targetA = { Id: 'i-0bbbbbbbbbbbbbbb1', Port: 80 }
const targetB = { Id: 'i-0bbbbbbbbbbbbbbb2', Port: 80 }
const registering = { State: 'initial' as const, Reason: 'Elb.RegistrationInProgress' as const, Description: 'Target registration is in progress' }

function context(timeoutMs = 500): NlbContext {
  const ids: Record<string, string> = { '111111111111': 'producer', '222222222222': 'consumer' }
  return {
    clients: new AwsClients({ config, credentials: () => ({ accessKeyId: 'AKIDSTANDIN', secretAccessKey: 'stand-in' }), minDelayMs: 5 }),
    aliasOf: (id) => ids[id]!,
    outputsFile: 'terraform/same-region-cross-account/outputs.tf',
    pollIntervalMs: 10,
    timeoutMs,
  }
}

function mockNlb(): void {
  ec2Mock.on(DescribeVpcEndpointServiceConfigurationsCommand).resolves({ ServiceConfigurations: [{ ServiceId: SERVICE_ID, NetworkLoadBalancerArns: [LB_ARN] }] })
  elbMock.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ TargetGroupArn: TG_ARN, TargetType: 'instance', Port: 80 }] })
}

describe('waitForNlbTargetsHealthy (aws-sdk-client-mock stand-in)', () => {
  it('waits while targets are initial (registration and first health checks) and returns once every target is healthy', async () => {
    mockNlb()
    elbMock
      .on(DescribeTargetHealthCommand)
      .resolvesOnce({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: registering }, { Target: targetB, TargetHealth: registering }] })
      .resolvesOnce({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'healthy' } }, { Target: targetB, TargetHealth: registering }] })
      .resolves({ TargetHealthDescriptions: [{ Target: targetA, TargetHealth: { State: 'healthy' } }, { Target: targetB, TargetHealth: { State: 'healthy' } }] })
    await waitForNlbTargetsHealthy(harnessOutput(), context())
    expect(elbMock.commandCalls(DescribeTargetHealthCommand)).toHaveLength(3)
    expect(ec2Mock.commandCalls(DescribeVpcEndpointServiceConfigurationsCommand)).toHaveLength(1)
  })

  it('a target that never becomes healthy is NOT_READY after the deadline, naming it per AZ with its state and ELB\'s reason', async () => {
    mockNlb()
    elbMock.on(DescribeTargetHealthCommand).resolves({
      TargetHealthDescriptions: [
        { Target: targetA, TargetHealth: { State: 'healthy' } },
        { Target: targetB, TargetHealth: { State: 'unhealthy', Reason: 'Target.FailedHealthChecks', Description: 'Health checks failed' } },
      ],
    })
    const error = await waitForNlbTargetsHealthy(harnessOutput(), context(200)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InfrastructureError)
    expect((error as InfrastructureError).code).toBe('NOT_READY')
    expect((error as Error).message).toContain(`NLB targets of ${SERVICE_ID} in account "producer" (us-east-1) not healthy within 0.2 s`)
    expect((error as Error).message).toContain('us-east-1b: i-0bbbbbbbbbbbbbbb2:80 in us-east-1b unhealthy (Target.FailedHealthChecks: Health checks failed)')
    expect((error as Error).message).not.toContain('i-0bbbbbbbbbbbbbbb1')
    expect(elbMock.commandCalls(DescribeTargetHealthCommand).length).toBeGreaterThan(1)
  })

  it('target groups without any target are not ready either', async () => {
    mockNlb()
    elbMock.on(DescribeTargetHealthCommand).resolves({ TargetHealthDescriptions: [] })
    const error = await waitForNlbTargetsHealthy(harnessOutput(), context(100)).catch((e: unknown) => e)
    expect((error as Error).message).toContain('its target groups have no target registered')
  })
})
