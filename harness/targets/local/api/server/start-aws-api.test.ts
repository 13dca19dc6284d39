// The codecs against the SDK's own serializers and deserializers: the real v3 clients talk to the
// server over loopback; each handler records the input it got (the client's input must arrive
// whole) and answers an output the client must read back whole.
import * as ec2 from '@aws-sdk/client-ec2'
import { CreateVpcCommand, DescribeVpcEndpointConnectionsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2'
import * as elbv2 from '@aws-sdk/client-elastic-load-balancing-v2'
import { CreateLoadBalancerCommand, DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client, ModifyLoadBalancerAttributesCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { Sha256 } from '@aws-crypto/sha256-js'
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ec2Service } from '../services/ec2/index.js'
import { elbv2Service } from '../services/elbv2/index.js'
import { stsService } from '../services/sts/index.js'
import { taggingService } from '../services/tagging/index.js'
import { AwsStore } from '../store/aws-store.js'
import type { ServiceDefinition } from './action-handler.js'
import { AwsApiError } from './api-error.js'
import { startAwsApi, type AwsApi } from './start-aws-api.js'

const producer = { id: '111111111111', name: 'producer', accessKeyId: 'AKIDPRODUCER0000001', secretAccessKey: 'producer-secret' }
const consumer = { id: '222222222222', name: 'consumer', accessKeyId: 'AKIDCONSUMER0000001', secretAccessKey: 'consumer-secret' }
const received: Record<string, unknown> = {}
const record = (name: string, output: unknown) => (input: unknown) => {
  received[name] = input
  return output
}

const vpc: ec2.Vpc = {
  VpcId: 'vpc-0123456789abcdef0',
  CidrBlock: '10.0.0.0/16',
  State: 'available',
  OwnerId: producer.id,
  IsDefault: false,
  InstanceTenancy: 'default',
  DhcpOptionsId: 'dopt-0123456789abcdef0',
  CidrBlockAssociationSet: [{ AssociationId: 'vpc-cidr-assoc-0123456789abcdef0', CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } }],
  Tags: [{ Key: 'Name', Value: 'a & <b>' }, { Key: 'plh:run-id', Value: 'r1' }],
}
const connection: ec2.VpcEndpointConnection = {
  ServiceId: 'vpce-svc-0123456789abcdef0',
  VpcEndpointId: 'vpce-0123456789abcdef0',
  VpcEndpointOwner: consumer.id,
  VpcEndpointState: 'pendingAcceptance' as ec2.State, // the wire value; the SDK's enum spells it PendingAcceptance
  CreationTimestamp: new Date('2026-12-03T10:00:00.000Z'),
  DnsEntries: [{ DnsName: 'vpce-0123456789abcdef0-abcdefgh.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com', HostedZoneId: 'Z7HUB22UULQXV' }],
  NetworkLoadBalancerArns: ['arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/a/0123456789abcdef'],
}
const loadBalancer: elbv2.LoadBalancer = {
  LoadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/a/0123456789abcdef',
  LoadBalancerName: 'a',
  DNSName: 'a-0123456789abcdef.elb.us-east-1.amazonaws.com',
  Scheme: 'internal',
  Type: 'network',
  VpcId: vpc.VpcId,
  State: { Code: 'provisioning' },
  CreatedTime: new Date('2026-12-03T10:00:00.000Z'),
  AvailabilityZones: [{ ZoneName: 'us-east-1a', SubnetId: 'subnet-0123456789abcdef0', LoadBalancerAddresses: [{ PrivateIPv4Address: '10.0.0.10' }] }],
  IpAddressType: 'ipv4',
}

const testServices: ServiceDefinition[] = [
  stsService,
  // the real services' wire settings (protocol, namespace, target prefix, model), with handlers that record
  {
    ...ec2Service,
    handlers: {
      CreateVpc: record('CreateVpc', { Vpc: vpc }),
      DescribeVpcs: record('DescribeVpcs', { Vpcs: [vpc, { ...vpc, VpcId: 'vpc-1', Tags: [] }] }),
      DescribeVpcEndpointConnections: record('DescribeVpcEndpointConnections', { VpcEndpointConnections: [connection] }),
      DeleteVpc: () => {
        throw new AwsApiError('DependencyViolation', "The vpc 'vpc-0123456789abcdef0' has dependencies and cannot be deleted.")
      },
    },
  },
  {
    ...elbv2Service,
    handlers: {
      CreateLoadBalancer: record('CreateLoadBalancer', { LoadBalancers: [loadBalancer] }),
      DescribeLoadBalancers: record('DescribeLoadBalancers', { LoadBalancers: [loadBalancer] }),
      ModifyLoadBalancerAttributes: record('ModifyLoadBalancerAttributes', { Attributes: [{ Key: 'load_balancing.cross_zone.enabled', Value: 'true' }] }),
    },
  },
  {
    ...taggingService,
    handlers: {
      GetResources: record('GetResources', { ResourceTagMappingList: [{ ResourceARN: 'arn:aws:ec2:us-east-1:111111111111:vpc/vpc-1', Tags: [{ Key: 'plh:run-id', Value: 'r1' }] }] }),
    },
  },
]

let api: AwsApi
const clientConfig = (account: typeof producer, region = 'us-east-1') => ({
  region,
  endpoint: api.url,
  credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
  maxAttempts: 1,
})

beforeAll(async () => {
  api = await startAwsApi({ store: new AwsStore([producer, consumer]), services: testServices })
})
afterAll(async () => {
  await api.close()
})

describe('local AWS API over the real SDK clients', () => {
  it('STS (query): each access key is its own account', async () => {
    const a = await new STSClient(clientConfig(producer)).send(new GetCallerIdentityCommand({}))
    const b = await new STSClient(clientConfig(consumer)).send(new GetCallerIdentityCommand({}))
    expect(a).toMatchObject({ Account: producer.id, Arn: `arn:aws:iam::${producer.id}:root` })
    expect(b.Account).toBe(consumer.id)
  })

  it('EC2: input arrives whole and output reads back whole, lists, nested tags and escaping included', async () => {
    const client = new EC2Client(clientConfig(producer))
    const input: ec2.CreateVpcRequest = {
      CidrBlock: '10.0.0.0/16',
      TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'a & <b>' }, { Key: 'x', Value: '' }] }],
      InstanceTenancy: 'default',
    }
    const created = await client.send(new CreateVpcCommand(input))
    expect(received.CreateVpc).toEqual(input)
    expect(created.Vpc).toEqual(vpc)
    const described = await client.send(new DescribeVpcsCommand({ VpcIds: ['vpc-1', 'vpc-2'], Filters: [{ Name: 'tag:Name', Values: ['a*'] }] }))
    expect(received.DescribeVpcs).toEqual({ VpcIds: ['vpc-1', 'vpc-2'], Filters: [{ Name: 'tag:Name', Values: ['a*'] }] })
    expect(described.Vpcs).toEqual([vpc, { ...vpc, VpcId: 'vpc-1', Tags: [] }])
    const connections = await client.send(new DescribeVpcEndpointConnectionsCommand({}))
    expect(connections.VpcEndpointConnections).toEqual([connection])
  })

  it('EC2: errors carry AWS code and message, and an unemulated action names itself', async () => {
    const client = new EC2Client(clientConfig(producer))
    await expect(client.send(new ec2.DeleteVpcCommand({ VpcId: 'vpc-0123456789abcdef0' }))).rejects.toMatchObject({ name: 'DependencyViolation', $metadata: { httpStatusCode: 400 } })
    await expect(client.send(new ec2.CreateNatGatewayCommand({ SubnetId: 'subnet-1' }))).rejects.toMatchObject({
      name: 'NotEmulatedByLocalTarget',
      message: expect.stringContaining('not emulated: EC2:CreateNatGateway'),
    })
  })

  it('ELBv2 (query): member lists and attributes both ways', async () => {
    const client = new ElasticLoadBalancingV2Client(clientConfig(producer))
    const input: elbv2.CreateLoadBalancerInput = { Name: 'a', Type: 'network', Scheme: 'internal', Subnets: ['subnet-1', 'subnet-2'], Tags: [{ Key: 'k', Value: 'v' }] }
    const created = await client.send(new CreateLoadBalancerCommand(input))
    expect(received.CreateLoadBalancer).toEqual(input)
    expect(created.LoadBalancers).toEqual([loadBalancer])
    expect((await client.send(new DescribeLoadBalancersCommand({ Names: ['a'] }))).LoadBalancers).toEqual([loadBalancer])
    const modified = await client.send(new ModifyLoadBalancerAttributesCommand({ LoadBalancerArn: 'arn:x', Attributes: [{ Key: 'load_balancing.cross_zone.enabled', Value: 'true' }] }))
    expect(received.ModifyLoadBalancerAttributes).toEqual({ LoadBalancerArn: 'arn:x', Attributes: [{ Key: 'load_balancing.cross_zone.enabled', Value: 'true' }] })
    expect(modified.Attributes).toEqual([{ Key: 'load_balancing.cross_zone.enabled', Value: 'true' }])
  })

  it('JSON 1.1: tagging GetResources both ways', async () => {
    const client = new ResourceGroupsTaggingAPIClient(clientConfig(consumer))
    const out = await client.send(new GetResourcesCommand({ TagFilters: [{ Key: 'plh:run-id', Values: ['r1'] }] }))
    expect(received.GetResources).toEqual({ TagFilters: [{ Key: 'plh:run-id', Values: ['r1'] }] })
    expect(out.ResourceTagMappingList).toEqual([{ ResourceARN: 'arn:aws:ec2:us-east-1:111111111111:vpc/vpc-1', Tags: [{ Key: 'plh:run-id', Value: 'r1' }] }])
  })

  it('refuses a wrong secret, an unknown key and an unsigned request, per protocol', async () => {
    const wrong = { ...producer, secretAccessKey: 'not-the-secret' }
    await expect(new EC2Client(clientConfig(wrong)).send(new DescribeVpcsCommand({}))).rejects.toMatchObject({ name: 'AuthFailure' })
    await expect(new STSClient(clientConfig(wrong)).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' })
    await expect(new STSClient(clientConfig({ ...producer, accessKeyId: 'AKIDUNKNOWN00000000' })).send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
    })
    const unsigned = await fetch(`${api.url}/`, { method: 'POST', body: 'Action=DescribeVpcs&Version=2016-11-15', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(unsigned.status).toBe(403)
    expect(await unsigned.text()).toContain('MissingAuthenticationToken')
  })

  it('answers not emulated, naming service and action, for a service it does not serve', async () => {
    const url = new URL(api.url)
    const body = '{}'
    const signer = new SignatureV4({ service: 'kms', region: 'us-east-1', credentials: producer, sha256: Sha256 })
    const signed = await signer.sign(
      new HttpRequest({
        method: 'POST',
        protocol: 'http:',
        hostname: url.hostname,
        port: Number(url.port),
        path: '/',
        headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.ListKeys' },
        body,
      }),
    )
    const response = await fetch(`${api.url}/`, { method: 'POST', headers: signed.headers, body })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ __type: 'NotEmulatedByLocalTarget', message: expect.stringContaining('not emulated: kms:ListKeys') })
    const counts = api.requestCounts()
    expect(counts['ec2:CreateNatGateway']).toBe(1)
    expect(counts['sts:GetCallerIdentity']).toBeGreaterThanOrEqual(2)
  })
})
