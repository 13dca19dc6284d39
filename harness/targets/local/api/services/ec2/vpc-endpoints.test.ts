import type { State } from '@aws-sdk/client-ec2'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AwsStore } from '../../store/aws-store.js'
import { findAvailabilityZone, listAvailabilityZones } from '../../store/availability-zones.js'
import { describeNetworkInterfaces } from './network-interfaces.js'
import { createSubnet } from './subnets.js'
import { CONSUMER, contextFor, PRODUCER, testStore } from './test-context.js'
import {
  acceptVpcEndpointConnections,
  createVpcEndpointServiceConfiguration,
  deleteVpcEndpointServiceConfigurations,
  describeVpcEndpointConnections,
  describeVpcEndpointServiceConfigurations,
  describeVpcEndpointServices,
  modifyVpcEndpointServicePermissions,
} from './vpc-endpoint-services.js'
import { createVpcEndpoint, deleteVpcEndpoints, describeVpcEndpoints, modifyVpcEndpoint } from './vpc-endpoints.js'
import { createSecurityGroup } from './security-groups.js'
import { createVpc, modifyVpcAttribute } from './vpcs.js'

afterEach(() => {
  vi.useRealTimers()
})

/** A producer NLB record in the two zones the consumer sees as us-east-1a and us-east-1b, as the ELBv2 service stores it. */
function producerService(store: AwsStore, options: { acceptance?: boolean; regions?: string[]; region?: string } = {}) {
  const region = options.region ?? 'us-east-1'
  const zoneIds = listAvailabilityZones(CONSUMER, 'us-east-1').slice(0, 2).map((z) => z.id)
  const producerZones = region === 'us-east-1' ? zoneIds.map((id) => findAvailabilityZone(PRODUCER, region, id)!.name) : listAvailabilityZones(PRODUCER, region).slice(0, 2).map((z) => z.name)
  const arn = `arn:aws:elasticloadbalancing:${region}:${PRODUCER}:loadbalancer/net/plh-nlb/0123456789abcdef`
  store.put({ type: 'load-balancer', id: arn, account: PRODUCER, region, data: { LoadBalancerArn: arn, Type: 'network', Scheme: 'internal', AvailabilityZones: producerZones.map((ZoneName) => ({ ZoneName })) } })
  const producer = contextFor(store, PRODUCER, region)
  const service = createVpcEndpointServiceConfiguration({ NetworkLoadBalancerArns: [arn], AcceptanceRequired: options.acceptance ?? false, SupportedRegions: options.regions }, producer).ServiceConfiguration!
  return { producer, service }
}

function consumerVpc(store: AwsStore, region = 'us-east-1') {
  const consumer = contextFor(store, CONSUMER, region)
  const vpcId = createVpc({ CidrBlock: '10.0.0.0/16' }, consumer).Vpc!.VpcId!
  const zones = listAvailabilityZones(CONSUMER, region).slice(0, 2)
  const subnetIds = zones.map((z, i) => createSubnet({ VpcId: vpcId, CidrBlock: `10.0.${i * 16}.0/20`, AvailabilityZone: z.name }, consumer).Subnet!.SubnetId!)
  return { consumer, vpcId, subnetIds, zones }
}

describe('endpoint services', () => {
  it('names the service com.amazonaws.vpce.<region>.vpce-svc-… and becomes Available', () => {
    vi.useFakeTimers()
    const store = testStore()
    const { producer, service } = producerService(store)
    expect(service.ServiceName).toBe(`com.amazonaws.vpce.us-east-1.${service.ServiceId}`)
    expect(service.ServiceId).toMatch(/^vpce-svc-[0-9a-f]{17}$/)
    expect(service.ServiceState).toBe('Pending')
    vi.advanceTimersByTime(1000)
    expect(describeVpcEndpointServiceConfigurations({ ServiceIds: [service.ServiceId!] }, producer).ServiceConfigurations![0]!.ServiceState).toBe('Available')
  })

  it('refuses a load balancer ARN the store does not hold', () => {
    const store = testStore()
    expect(() => createVpcEndpointServiceConfiguration({ NetworkLoadBalancerArns: ['arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/x/1'] }, contextFor(store))).toThrow(expect.objectContaining({ code: 'InvalidParameter' }))
  })

  it('shows the service to an allowed consumer only; others get InvalidServiceName, as on AWS', () => {
    const store = testStore()
    const { producer, service } = producerService(store)
    const { consumer, vpcId, subnetIds } = consumerVpc(store)
    expect(() => describeVpcEndpointServices({ ServiceNames: [service.ServiceName!] }, consumer)).toThrow(expect.objectContaining({ code: 'InvalidServiceName' }))
    expect(() => createVpcEndpoint({ VpcEndpointType: 'Interface', VpcId: vpcId, ServiceName: service.ServiceName, SubnetIds: subnetIds }, consumer)).toThrow(expect.objectContaining({ code: 'InvalidServiceName' }))
    modifyVpcEndpointServicePermissions({ ServiceId: service.ServiceId, AddAllowedPrincipals: [`arn:aws:iam::${CONSUMER}:root`] }, producer)
    expect(describeVpcEndpointServices({ ServiceNames: [service.ServiceName!] }, consumer).ServiceDetails![0]).toMatchObject({ Owner: PRODUCER, ServiceId: service.ServiceId })
  })
})

describe('interface endpoints', () => {
  it('creates one ENI per subnet and the regional and zonal names AWS gives', () => {
    vi.useFakeTimers()
    const store = testStore()
    const { producer, service } = producerService(store)
    modifyVpcEndpointServicePermissions({ ServiceId: service.ServiceId, AddAllowedPrincipals: [`arn:aws:iam::${CONSUMER}:root`] }, producer)
    const { consumer, vpcId, subnetIds, zones } = consumerVpc(store)
    const endpoint = createVpcEndpoint({ VpcEndpointType: 'Interface', VpcId: vpcId, ServiceName: service.ServiceName, SubnetIds: subnetIds, PrivateDnsEnabled: false }, consumer).VpcEndpoint!
    expect(endpoint.State).toBe('pending')
    expect(endpoint.NetworkInterfaceIds).toHaveLength(2)
    const enis = describeNetworkInterfaces({ NetworkInterfaceIds: endpoint.NetworkInterfaceIds }, consumer).NetworkInterfaces!
    expect(enis.map((e) => e.AvailabilityZone).sort()).toEqual(zones.map((z) => z.name).sort())
    expect(enis.every((e) => e.InterfaceType === 'vpc_endpoint' && e.Description === `VPC Endpoint Interface ${endpoint.VpcEndpointId}`)).toBe(true)
    const names = endpoint.DnsEntries!.map((d) => d.DnsName)
    const suffix = `.${service.ServiceId}.us-east-1.vpce.amazonaws.com`
    expect(names[0]!.startsWith(`${endpoint.VpcEndpointId}-`) && names[0]!.endsWith(suffix)).toBe(true)
    expect(names[0]!.slice(endpoint.VpcEndpointId!.length + 1, -suffix.length)).toMatch(/^[a-z0-9]{8}$/)
    for (const z of zones) expect(names.some((n) => n === names[0]!.replace(suffix, `-${z.name}${suffix}`))).toBe(true)
    vi.advanceTimersByTime(1500)
    expect(describeVpcEndpoints({ VpcEndpointIds: [endpoint.VpcEndpointId!] }, consumer).VpcEndpoints![0]!.State).toBe('available')
  })

  it('waits in pendingAcceptance until the producer accepts, then becomes available', () => {
    vi.useFakeTimers()
    const store = testStore()
    const { producer, service } = producerService(store, { acceptance: true })
    modifyVpcEndpointServicePermissions({ ServiceId: service.ServiceId, AddAllowedPrincipals: ['*'] }, producer)
    const { consumer, vpcId, subnetIds } = consumerVpc(store)
    const id = createVpcEndpoint({ VpcEndpointType: 'Interface', VpcId: vpcId, ServiceName: service.ServiceName, SubnetIds: subnetIds }, consumer).VpcEndpoint!.VpcEndpointId!
    vi.advanceTimersByTime(5000)
    expect(describeVpcEndpoints({ VpcEndpointIds: [id] }, consumer).VpcEndpoints![0]!.State).toBe('pendingAcceptance' as State)
    expect(describeVpcEndpointConnections({}, producer).VpcEndpointConnections).toEqual([expect.objectContaining({ VpcEndpointId: id, VpcEndpointOwner: CONSUMER, VpcEndpointState: 'pendingAcceptance' })])
    expect(acceptVpcEndpointConnections({ ServiceId: service.ServiceId, VpcEndpointIds: [id] }, producer).Unsuccessful).toEqual([])
    vi.advanceTimersByTime(1500)
    expect(describeVpcEndpoints({ VpcEndpointIds: [id] }, consumer).VpcEndpoints![0]!.State).toBe('available')
  })

  it('keeps the service from being deleted while an endpoint is connected, and frees the ENIs on delete', () => {
    const store = testStore()
    const { producer, service } = producerService(store)
    modifyVpcEndpointServicePermissions({ ServiceId: service.ServiceId, AddAllowedPrincipals: ['*'] }, producer)
    const { consumer, vpcId, subnetIds } = consumerVpc(store)
    const id = createVpcEndpoint({ VpcEndpointType: 'Interface', VpcId: vpcId, ServiceName: service.ServiceName, SubnetIds: subnetIds }, consumer).VpcEndpoint!.VpcEndpointId!
    expect(deleteVpcEndpointServiceConfigurations({ ServiceIds: [service.ServiceId!] }, producer).Unsuccessful).toEqual([expect.objectContaining({ Error: expect.objectContaining({ Code: 'ExistingVpcEndpointConnections' }) })])
    expect(deleteVpcEndpoints({ VpcEndpointIds: [id] }, consumer).Unsuccessful).toEqual([])
    expect(describeNetworkInterfaces({}, consumer).NetworkInterfaces).toEqual([])
    expect(() => describeVpcEndpoints({ VpcEndpointIds: [id] }, consumer)).toThrow(expect.objectContaining({ code: 'InvalidVpcEndpointId.NotFound' }))
    expect(deleteVpcEndpointServiceConfigurations({ ServiceIds: [service.ServiceId!] }, producer).Unsuccessful).toEqual([])
  })

  it('reaches a service in another region only when it lists the consumer region in SupportedRegions, once that region is Available', () => {
    vi.useFakeTimers()
    const store = testStore()
    const listed = producerService(store, { regions: ['eu-west-2'] })
    modifyVpcEndpointServicePermissions({ ServiceId: listed.service.ServiceId, AddAllowedPrincipals: ['*'] }, listed.producer)
    const { consumer, vpcId, subnetIds } = consumerVpc(store, 'eu-west-2')
    // the consumer's region starts Pending, with a state of its own: the endpoint is refused until it is Available
    expect(describeVpcEndpointServiceConfigurations({}, listed.producer).ServiceConfigurations![0]!.SupportedRegions).toEqual([{ Region: 'us-east-1', ServiceState: 'Available' }, { Region: 'eu-west-2', ServiceState: 'Pending' }])
    expect(() => createVpcEndpoint({ VpcEndpointType: 'Interface', VpcId: vpcId, ServiceName: listed.service.ServiceName, ServiceRegion: 'us-east-1', SubnetIds: subnetIds }, consumer)).toThrow(expect.objectContaining({ code: 'InvalidServiceName' }))
    vi.advanceTimersByTime(5000)
    const endpoint = createVpcEndpoint({ VpcEndpointType: 'Interface', VpcId: vpcId, ServiceName: listed.service.ServiceName, ServiceRegion: 'us-east-1', SubnetIds: subnetIds }, consumer).VpcEndpoint!
    expect(endpoint.ServiceRegion).toBe('us-east-1')
    expect(endpoint.DnsEntries![0]!.DnsName).toMatch(/\.eu-west-2\.vpce\.amazonaws\.com$/)
    expect(describeVpcEndpointServiceConfigurations({}, listed.producer).ServiceConfigurations![0]!.SupportedRegions).toEqual([{ Region: 'us-east-1', ServiceState: 'Available' }, { Region: 'eu-west-2', ServiceState: 'Available' }])
    // The same service name asked for without ServiceRegion is looked up in the consumer's region: not there.
    expect(() => createVpcEndpoint({ VpcEndpointType: 'Interface', VpcId: vpcId, ServiceName: listed.service.ServiceName, SubnetIds: subnetIds }, consumer)).toThrow(expect.objectContaining({ code: 'InvalidServiceName' }))
  })

  it('refuses a cross-region endpoint to a service that does not list the consumer region', () => {
    const store = testStore()
    const unlisted = producerService(store)
    modifyVpcEndpointServicePermissions({ ServiceId: unlisted.service.ServiceId, AddAllowedPrincipals: ['*'] }, unlisted.producer)
    const { consumer, vpcId, subnetIds } = consumerVpc(store, 'eu-west-2')
    expect(() => createVpcEndpoint({ VpcEndpointType: 'Interface', VpcId: vpcId, ServiceName: unlisted.service.ServiceName, ServiceRegion: 'us-east-1', SubnetIds: subnetIds }, consumer)).toThrow(expect.objectContaining({ code: 'InvalidServiceName' }))
  })

  it('gives AWS services their private DNS name, only with DNS support and hostnames on', () => {
    const store = testStore()
    const { consumer, vpcId, subnetIds } = consumerVpc(store)
    const request = { VpcEndpointType: 'Interface' as const, VpcId: vpcId, ServiceName: 'com.amazonaws.us-east-1.ssm', SubnetIds: subnetIds, PrivateDnsEnabled: true }
    expect(() => createVpcEndpoint(request, consumer)).toThrow(expect.objectContaining({ code: 'InvalidParameter' }))
    modifyVpcAttribute({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }, consumer)
    const endpoint = createVpcEndpoint(request, consumer).VpcEndpoint!
    expect(endpoint.DnsEntries!.map((d) => d.DnsName)).toContain('ssm.us-east-1.amazonaws.com')
    expect(endpoint.DnsEntries![0]!.DnsName).toMatch(/^vpce-[0-9a-f]{17}-[a-z0-9]{8}\.ssm\.us-east-1\.vpce\.amazonaws\.com$/)
    expect(() => createVpcEndpoint(request, consumer)).toThrow(expect.objectContaining({ code: 'InvalidParameter' }))
  })

  it('does not emulate gateway endpoints and says so', () => {
    const store = testStore()
    const { consumer, vpcId } = consumerVpc(store)
    expect(() => createVpcEndpoint({ VpcEndpointType: 'Gateway', VpcId: vpcId, ServiceName: 'com.amazonaws.us-east-1.s3' }, consumer)).toThrow(expect.objectContaining({ code: 'NotEmulatedByLocalTarget' }))
  })

  it('follows ModifyVpcEndpoint: a removed subnet takes its ENI and zonal name with it, new groups reach every ENI', () => {
    const store = testStore()
    const { producer, service } = producerService(store)
    modifyVpcEndpointServicePermissions({ ServiceId: service.ServiceId, AddAllowedPrincipals: ['*'] }, producer)
    const { consumer, vpcId, subnetIds, zones } = consumerVpc(store)
    const endpoint = createVpcEndpoint({ VpcEndpointType: 'Interface', VpcId: vpcId, ServiceName: service.ServiceName, SubnetIds: subnetIds }, consumer).VpcEndpoint!
    const groupId = createSecurityGroup({ GroupName: 'extra', Description: 'd', VpcId: vpcId }, consumer).GroupId!
    modifyVpcEndpoint({ VpcEndpointId: endpoint.VpcEndpointId, RemoveSubnetIds: [subnetIds[1]!], AddSecurityGroupIds: [groupId] }, consumer)
    const after = describeVpcEndpoints({ VpcEndpointIds: [endpoint.VpcEndpointId!] }, consumer).VpcEndpoints![0]!
    expect(after.SubnetIds).toEqual([subnetIds[0]])
    expect(after.DnsEntries!.map((d) => d.DnsName)).toEqual([endpoint.DnsEntries![0]!.DnsName, expect.stringContaining(`-${zones[0]!.name}.`)])
    const enis = describeNetworkInterfaces({ Filters: [{ Name: 'description', Values: [`VPC Endpoint Interface ${endpoint.VpcEndpointId}`] }] }, consumer).NetworkInterfaces!
    expect(enis.map((e) => e.SubnetId)).toEqual([subnetIds[0]])
    expect(enis[0]!.Groups!.map((g) => g.GroupId)).toContain(groupId)
  })
})
