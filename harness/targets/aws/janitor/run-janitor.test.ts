// The janitor against stand-ins (aws-sdk-client-mock) for the Resource Groups Tagging API, EC2 and
// ELBv2: nothing here can hold tagged AWS resources, page through them, or refuse a delete.
import {
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DeleteVpcEndpointServiceConfigurationsCommand,
  DeleteVpcEndpointsCommand,
  EC2Client,
  EC2ServiceException,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2'
import { DeleteLoadBalancerCommand, DeleteTargetGroupCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { runConfigSchema } from '../../../core/run-config.js'
import { AwsClients } from '../aws-clients.js'
import { formatJanitorReport } from './format-janitor-report.js'
import { runJanitor } from './run-janitor.js'

const ec2Mock = mockClient(EC2Client)
const elbMock = mockClient(ElasticLoadBalancingV2Client)
const tagMock = mockClient(ResourceGroupsTaggingAPIClient)
afterEach(() => {
  ec2Mock.reset()
  elbMock.reset()
  tagMock.reset()
})
afterAll(() => {
  ec2Mock.restore()
  elbMock.restore()
  tagMock.restore()
})

const config = runConfigSchema.parse({ accounts: { consumer: { account_id: '222222222222', regions: ['us-east-1'] } } })
const runId = '20261124T010000-aaaaaa'
const ec2 = (resource: string) => `arn:aws:ec2:us-east-1:222222222222:${resource}`
const mapping = (arn: string) => ({ ResourceARN: arn, Tags: [{ Key: 'plh:run-id', Value: runId }, { Key: 'plh:fixture', Value: 'same-region-cross-account' }] })
const LB = 'arn:aws:elasticloadbalancing:us-east-1:222222222222:loadbalancer/net/plh-aaaaaa-svc/50dc6c495c0c9188'
const TG = 'arn:aws:elasticloadbalancing:us-east-1:222222222222:targetgroup/plh-aaaaaa-80/73e2d6bc24d8a067'

function options(extra: { delete: boolean }) {
  return {
    clients: new AwsClients({ config, credentials: () => ({ accessKeyId: 'AKIDSTANDIN', secretAccessKey: 'stand-in' }), minDelayMs: 5 }),
    configFile: 'plh.config.json',
    aliveTags: new Set<string>(),
    now: new Date('2026-11-25T14:00:00Z'),
    minDelayMs: 5,
    retries: 3,
    ...extra,
  }
}

/** Three pages, the last ending with an empty token as the API does. */
function mockPages(): void {
  tagMock
    .on(GetResourcesCommand)
    .resolvesOnce({ PaginationToken: 'page-2', ResourceTagMappingList: [mapping(ec2('vpc/vpc-0c8b3f1e2d4a5b6c7')), mapping(ec2('subnet/subnet-0a1b2c3d4e5f60718'))] })
    .resolvesOnce({ PaginationToken: 'page-3', ResourceTagMappingList: [mapping(ec2('security-group/sg-0123456789abcdef0')), mapping(ec2('instance/i-0aaaaaaaaaaaaaaa1')), mapping(TG)] })
    .resolvesOnce({ PaginationToken: '', ResourceTagMappingList: [mapping(LB), mapping(ec2('vpc-endpoint-service/vpce-svc-0e123abc123198abc')), mapping(ec2('vpc-endpoint/vpce-0f89a33420c1931d7'))] })
}

describe('runJanitor (aws-sdk-client-mock stand-in)', () => {
  it('reads every page of GetResources with the plh:run-id tag filter, and only lists without --delete', async () => {
    mockPages()
    const report = await runJanitor(options({ delete: false }))
    const calls = tagMock.commandCalls(GetResourcesCommand).map((c) => c.args[0].input)
    expect(calls.map((c) => c.PaginationToken)).toEqual([undefined, 'page-2', 'page-3'])
    expect(calls[0]!.TagFilters).toEqual([{ Key: 'plh:run-id' }])
    expect(report.plan.remove).toHaveLength(8)
    expect(ec2Mock.calls()).toHaveLength(0)
    expect(elbMock.calls()).toHaveLength(0)
    const text = formatJanitorReport(report, { delete: false })
    expect(text.exitCode).toBe(0)
    expect(text.stdout).toContain('8 resource(s) of finished runs would be deleted')
  })

  it('deletes in dependency order, retrying DependencyViolation until the dependants are gone', async () => {
    mockPages()
    const order: string[] = []
    const record = (name: string) => () => {
      order.push(name)
      return {}
    }
    ec2Mock.on(DeleteVpcEndpointsCommand).callsFake(record('endpoint'))
    ec2Mock.on(DeleteVpcEndpointServiceConfigurationsCommand).callsFake(record('endpoint-service'))
    elbMock.on(DeleteLoadBalancerCommand).callsFake(record('nlb'))
    elbMock.on(DeleteTargetGroupCommand).callsFake(record('target-group'))
    ec2Mock.on(TerminateInstancesCommand).callsFake(record('instance'))
    ec2Mock
      .on(DeleteSubnetCommand)
      .rejectsOnce(new EC2ServiceException({ name: 'DependencyViolation', message: "The subnet 'subnet-0a1b2c3d4e5f60718' has dependencies and cannot be deleted.", $fault: 'client', $metadata: {} }))
      .callsFake(record('subnet'))
    ec2Mock.on(DeleteSecurityGroupCommand).callsFake(record('security-group'))
    ec2Mock.on(DeleteVpcCommand).callsFake(record('vpc'))
    const report = await runJanitor(options({ delete: true }))
    expect(order).toEqual(['endpoint', 'endpoint-service', 'nlb', 'target-group', 'instance', 'subnet', 'security-group', 'vpc'])
    expect(ec2Mock.commandCalls(DeleteSubnetCommand)).toHaveLength(2)
    expect(report.failed).toEqual([])
    expect(formatJanitorReport(report, { delete: true }).exitCode).toBe(0)
  })

  it('a delete that keeps failing does not stop the others: exit code 4, and the message lists what is left', async () => {
    mockPages()
    ec2Mock.on(DeleteVpcEndpointsCommand).resolves({ Unsuccessful: [] })
    ec2Mock.on(DeleteVpcEndpointServiceConfigurationsCommand).resolves({ Unsuccessful: [] })
    elbMock.on(DeleteLoadBalancerCommand).resolves({})
    elbMock.on(DeleteTargetGroupCommand).resolves({})
    ec2Mock.on(TerminateInstancesCommand).resolves({})
    ec2Mock.on(DeleteSubnetCommand).resolves({})
    ec2Mock.on(DeleteSecurityGroupCommand).rejects(new EC2ServiceException({ name: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.', $fault: 'client', $metadata: {} }))
    ec2Mock.on(DeleteVpcCommand).resolves({})
    const report = await runJanitor(options({ delete: true }))
    expect(report.deleted).toHaveLength(7)
    expect(report.failed.map((f) => f.resource.id)).toEqual(['sg-0123456789abcdef0'])
    expect(ec2Mock.commandCalls(DeleteVpcCommand)).toHaveLength(1)
    const text = formatJanitorReport(report, { delete: true })
    expect(text.exitCode).toBe(4)
    expect(text.stderr).toContain('1 resource(s) left: arn:aws:ec2:us-east-1:222222222222:security-group/sg-0123456789abcdef0')
    expect(text.stderr).toContain('ec2:DeleteSecurityGroup in account "consumer" (us-east-1) failed with UnauthorizedOperation')
  })

  it('a resource already gone (NotFound) counts as gone, not as a failure', async () => {
    tagMock.on(GetResourcesCommand).resolves({ PaginationToken: '', ResourceTagMappingList: [mapping(ec2('vpc-endpoint/vpce-0f89a33420c1931d7'))] })
    ec2Mock.on(DeleteVpcEndpointsCommand).resolves({ Unsuccessful: [{ ResourceId: 'vpce-0f89a33420c1931d7', Error: { Code: 'InvalidVpcEndpoint.NotFound', Message: 'The VpcEndpoint Id does not exist' } }] })
    const report = await runJanitor(options({ delete: true }))
    expect(report.gone.map((r) => r.id)).toEqual(['vpce-0f89a33420c1931d7'])
    expect(formatJanitorReport(report, { delete: true }).exitCode).toBe(0)
  })
})
