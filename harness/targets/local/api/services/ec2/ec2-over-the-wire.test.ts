// The EC2 handlers behind the real server, driven by the real @aws-sdk/client-ec2: every field the
// SDK reads back comes through the EC2 query codec, and AWS's error codes arrive as the SDK's
// exception names (what the provider's waiters and the AWS target key on).
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteVpcCommand,
  DescribeAvailabilityZonesCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  AcceptVpcEndpointConnectionsCommand,
  CreateVpcEndpointCommand,
  CreateVpcEndpointServiceConfigurationCommand,
  DescribeVpcEndpointConnectionsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcEndpointServicePermissionsCommand,
  ModifyVpcEndpointServicePermissionsCommand,
  EC2Client,
  ModifyVpcAttributeCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAwsApi, type AwsApi } from '../../server/start-aws-api.js'
import { ec2Service } from './index.js'
import { listAvailabilityZones } from '../../store/availability-zones.js'
import { CONSUMER, PRODUCER, testStore } from './test-context.js'

let api: AwsApi
const client = (key: string, secret: string, region = 'us-east-1') => new EC2Client({ region, endpoint: api.url, credentials: { accessKeyId: key, secretAccessKey: secret }, maxAttempts: 1 })

beforeAll(async () => {
  api = await startAwsApi({ store: testStore(), services: [ec2Service] })
})
afterAll(async () => {
  await api?.close()
})

describe('EC2 over the wire', () => {
  it('creates a VPC with its attributes, a subnet and a group whose default egress rule the SDK reads back', async () => {
    const ec2 = client('AKIAPRODUCER', 'p')
    const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'a & <b>' }] }] }))).Vpc!
    expect(vpc).toMatchObject({ CidrBlock: '10.0.0.0/16', State: 'available', OwnerId: PRODUCER, Tags: [{ Key: 'Name', Value: 'a & <b>' }] })
    await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpc.VpcId, EnableDnsHostnames: { Value: true } }))
    const attr = await ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpc.VpcId, Attribute: 'enableDnsHostnames' }))
    expect(attr.EnableDnsHostnames?.Value).toBe(true)
    const subnet = (await ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId, CidrBlock: '10.0.0.0/20', AvailabilityZone: 'us-east-1a' }))).Subnet!
    expect(subnet).toMatchObject({ AvailabilityZone: 'us-east-1a', AvailableIpAddressCount: 4091, State: 'available' })
    const groupId = (await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'svc', Description: 'd', VpcId: vpc.VpcId }))).GroupId!
    const rule = (await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '10.0.0.0/16', Description: 'web' }] }], TagSpecifications: [{ ResourceType: 'security-group-rule', Tags: [{ Key: 'k', Value: 'v' }] }] }))).SecurityGroupRules![0]!
    expect(rule).toMatchObject({ IsEgress: false, IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIpv4: '10.0.0.0/16', Tags: [{ Key: 'k', Value: 'v' }] })
    const group = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }))).SecurityGroups![0]!
    expect(group.IpPermissionsEgress).toEqual([expect.objectContaining({ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] })])
    expect(group.IpPermissions).toEqual([expect.objectContaining({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '10.0.0.0/16', Description: 'web' }] })])
    const rules = (await ec2.send(new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: [rule.SecurityGroupRuleId!] }))).SecurityGroupRules!
    expect(rules.map((r) => r.SecurityGroupRuleId)).toEqual([rule.SecurityGroupRuleId])
  })

  it('answers DependencyViolation and InvalidVpcID.NotFound under the SDK exception names', async () => {
    const ec2 = client('AKIAPRODUCER', 'p')
    const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.1.0.0/16' }))).Vpc!
    await ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId, CidrBlock: '10.1.0.0/24', AvailabilityZone: 'us-east-1b' }))
    await expect(ec2.send(new DeleteVpcCommand({ VpcId: vpc.VpcId }))).rejects.toMatchObject({ name: 'DependencyViolation' })
    await expect(ec2.send(new DescribeVpcsCommand({ VpcIds: ['vpc-0123456789abcdef0'] }))).rejects.toMatchObject({ name: 'InvalidVpcID.NotFound', $metadata: { httpStatusCode: 400 } })
  })

  it('launches an instance with its primary ENI and shows it pending, then running', async () => {
    const ec2 = client('AKIAPRODUCER', 'p')
    const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.2.0.0/16' }))).Vpc!
    const subnet = (await ec2.send(new CreateSubnetCommand({ VpcId: vpc.VpcId, CidrBlock: '10.2.0.0/24', AvailabilityZone: 'us-east-1c' }))).Subnet!
    const run = await ec2.send(new RunInstancesCommand({ ImageId: 'ami-0123456789abcdef0', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: subnet.SubnetId, MetadataOptions: { HttpTokens: 'required' } }))
    const instance = run.Instances![0]!
    expect(instance).toMatchObject({ State: { Name: 'pending', Code: 0 }, PrivateIpAddress: '10.2.0.4', MetadataOptions: { HttpTokens: 'required' } })
    expect(instance.NetworkInterfaces![0]!.Attachment?.DeviceIndex).toBe(0)
    await new Promise((r) => setTimeout(r, 1300))
    const described = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [instance.InstanceId!] }))
    expect(described.Reservations![0]!.Instances![0]!.State?.Name).toBe('running')
    expect(described.Reservations![0]!.Instances![0]!.LaunchTime).toBeInstanceOf(Date)
  })

  it('shows each account its own zone names over the same zone ids', async () => {
    const a = (await client('AKIAPRODUCER', 'p').send(new DescribeAvailabilityZonesCommand({}))).AvailabilityZones!
    const b = (await client('AKIACONSUMER', 'c').send(new DescribeAvailabilityZonesCommand({}))).AvailabilityZones!
    expect(a.map((z) => z.ZoneId).sort()).toEqual(b.map((z) => z.ZoneId).sort())
    expect(a.map((z) => `${z.ZoneName}=${z.ZoneId}`)).not.toEqual(b.map((z) => `${z.ZoneName}=${z.ZoneId}`))
    expect(CONSUMER).not.toBe(PRODUCER)
  })

  it('carries a PrivateLink connection from create to accept: permissions, pendingAcceptance, DnsEntries, connections', async () => {
    const producer = client('AKIAPRODUCER', 'p')
    const consumer = client('AKIACONSUMER', 'c')
    const arn = `arn:aws:elasticloadbalancing:us-east-1:${PRODUCER}:loadbalancer/net/wire/0123456789abcdef`
    // The ELBv2 service's record, as it stores an NLB in every zone of the producer.
    api.store.put({ type: 'load-balancer', id: arn, account: PRODUCER, region: 'us-east-1', data: { LoadBalancerArn: arn, Type: 'network', AvailabilityZones: listAvailabilityZones(PRODUCER, 'us-east-1').map((z) => ({ ZoneName: z.name })) } })
    const service = (await producer.send(new CreateVpcEndpointServiceConfigurationCommand({ NetworkLoadBalancerArns: [arn], AcceptanceRequired: true, SupportedRegions: ['eu-west-2'] }))).ServiceConfiguration!
    expect(service).toMatchObject({ ServiceState: 'Pending', AcceptanceRequired: true, SupportedRegions: [{ Region: 'us-east-1', ServiceState: 'Available' }, { Region: 'eu-west-2', ServiceState: 'Pending' }] }) // a remote supported region starts Pending, as on AWS
    await producer.send(new ModifyVpcEndpointServicePermissionsCommand({ ServiceId: service.ServiceId, AddAllowedPrincipals: [`arn:aws:iam::${CONSUMER}:root`] }))
    const principals = (await producer.send(new DescribeVpcEndpointServicePermissionsCommand({ ServiceId: service.ServiceId }))).AllowedPrincipals!
    expect(principals).toEqual([expect.objectContaining({ Principal: `arn:aws:iam::${CONSUMER}:root`, PrincipalType: 'Account' })])
    const vpc = (await consumer.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }))).Vpc!
    const subnet = (await consumer.send(new CreateSubnetCommand({ VpcId: vpc.VpcId, CidrBlock: '10.0.0.0/24', AvailabilityZone: 'us-east-1a' }))).Subnet!
    const created = (await consumer.send(new CreateVpcEndpointCommand({ VpcEndpointType: 'Interface', VpcId: vpc.VpcId, ServiceName: service.ServiceName, SubnetIds: [subnet.SubnetId!] }))).VpcEndpoint!
    expect(String(created.State)).toBe('pendingAcceptance')
    const described = (await consumer.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [created.VpcEndpointId!] }))).VpcEndpoints![0]!
    expect(described.DnsEntries!.map((d) => d.DnsName)).toEqual([expect.stringMatching(new RegExp(`^${created.VpcEndpointId}-[a-z0-9]{8}\\.${service.ServiceId}\\.us-east-1\\.vpce\\.amazonaws\\.com$`)), expect.stringContaining('-us-east-1a.')])
    expect(described.NetworkInterfaceIds).toHaveLength(1)
    const connections = (await producer.send(new DescribeVpcEndpointConnectionsCommand({ Filters: [{ Name: 'service-id', Values: [service.ServiceId!] }] }))).VpcEndpointConnections!
    expect(connections).toEqual([expect.objectContaining({ VpcEndpointId: created.VpcEndpointId, VpcEndpointOwner: CONSUMER, VpcEndpointState: 'pendingAcceptance' })])
    expect((await producer.send(new AcceptVpcEndpointConnectionsCommand({ ServiceId: service.ServiceId, VpcEndpointIds: [created.VpcEndpointId!] }))).Unsuccessful).toEqual([])
    await new Promise((r) => setTimeout(r, 1300))
    expect((await consumer.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [created.VpcEndpointId!] }))).VpcEndpoints![0]!.State).toBe('available')
  })
})
