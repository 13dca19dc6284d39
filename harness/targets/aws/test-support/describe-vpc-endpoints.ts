// Real-shaped EC2 answers for the AWS target's tests: a DescribeVpcEndpoints item as the EC2 API
// returns it (field names and order of DnsEntries as AWS documents them: the regional name first,
// then one zonal name per AZ, then the private DNS name when the service has one), and the
// matching `harness` endpoint output.
import type { VpcEndpoint } from '@aws-sdk/client-ec2'
import type { EndpointOutput, HarnessOutput } from '../../../core/contract.js'

export const ENDPOINT_ID = 'vpce-0f89a33420c1931d7'
export const SERVICE_ID = 'vpce-svc-0e123abc123198abc'
const base = `${SERVICE_ID}.us-east-1.vpce.amazonaws.com`

/** One interface endpoint as DescribeVpcEndpoints lists it (EC2 answers in camelCase states, e.g. pendingAcceptance). */
export function describedEndpoint(state: string, overrides: Partial<VpcEndpoint> = {}): VpcEndpoint {
  return {
    VpcEndpointId: ENDPOINT_ID,
    VpcEndpointType: 'Interface',
    VpcId: 'vpc-0c8b3f1e2d4a5b6c7',
    ServiceName: `com.amazonaws.vpce.us-east-1.${SERVICE_ID}`,
    State: state as VpcEndpoint['State'],
    RouteTableIds: [],
    SubnetIds: ['subnet-0a1b2c3d4e5f60718', 'subnet-0b2c3d4e5f6071829'],
    Groups: [{ GroupId: 'sg-0123456789abcdef0', GroupName: 'plh-3f9a2c-endpoint' }],
    IpAddressType: 'ipv4',
    DnsOptions: { DnsRecordIpType: 'ipv4' },
    PrivateDnsEnabled: false,
    RequesterManaged: false,
    NetworkInterfaceIds: ['eni-0aa11bb22cc33dd44', 'eni-0ee55ff66aa77bb88'],
    DnsEntries: [
      { DnsName: `${ENDPOINT_ID}-bluzidnv.${base}`, HostedZoneId: 'Z7HUB22UULQXV' },
      { DnsName: `${ENDPOINT_ID}-bluzidnv-us-east-1b.${base}`, HostedZoneId: 'Z7HUB22UULQXV' },
      { DnsName: `${ENDPOINT_ID}-bluzidnv-us-east-1a.${base}`, HostedZoneId: 'Z7HUB22UULQXV' },
      { DnsName: 'service.internal.example.com', HostedZoneId: 'Z0123456789ABCDEFGHIJ' },
    ],
    CreationTimestamp: new Date('2026-11-25T12:34:56.000Z'),
    Tags: [{ Key: 'plh:run-id', Value: '20261125T123300-3f9a2c' }],
    OwnerId: '222222222222',
    ...overrides,
  }
}

/** The fixture's output for the same endpoint (upper case on purpose in one name: DNS is case-insensitive). */
export function endpointOutput(overrides: Partial<EndpointOutput> = {}): EndpointOutput {
  return {
    id: ENDPOINT_ID,
    region: 'us-east-1',
    service_region: 'us-east-1',
    regional_dns: `${ENDPOINT_ID}-bluzidnv.${base}`,
    zonal: [
      { az: 'us-east-1a', dns: `${ENDPOINT_ID}-bluzidnv-us-east-1a.${base}`.toUpperCase() },
      { az: 'us-east-1b', dns: `${ENDPOINT_ID}-bluzidnv-us-east-1b.${base}` },
    ],
    eni_ips: [
      { az: 'us-east-1a', ip: '10.0.0.52' },
      { az: 'us-east-1b', ip: '10.0.16.87' },
    ],
    state: 'available',
    ...overrides,
  }
}

/** A `harness` output around `endpoint`, consumers in account 222222222222, producers in 111111111111. */
export function harnessOutput(endpoint: EndpointOutput = endpointOutput()): HarnessOutput {
  return {
    service: { name: `com.amazonaws.vpce.us-east-1.${SERVICE_ID}`, region: endpoint.service_region, ports: [80], expected: { status: 200, body_pattern: '^Hello' } },
    endpoints: [endpoint],
    consumers: [
      { instance_id: 'i-0aaaaaaaaaaaaaaa1', region: endpoint.region, az: `${endpoint.region}a`, account: '222222222222' },
      { instance_id: 'i-0aaaaaaaaaaaaaaa2', region: endpoint.region, az: `${endpoint.region}b`, account: '222222222222' },
    ],
    producers: [
      { instance_id: 'i-0bbbbbbbbbbbbbbb1', region: endpoint.service_region, az: `${endpoint.service_region}a`, account: '111111111111', private_ip: '10.0.1.10' },
      { instance_id: 'i-0bbbbbbbbbbbbbbb2', region: endpoint.service_region, az: `${endpoint.service_region}b`, account: '111111111111', private_ip: '10.0.17.10' },
    ],
    hostnames: {},
  }
}
