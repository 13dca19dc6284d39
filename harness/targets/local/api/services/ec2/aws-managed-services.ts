// The AWS services an interface endpoint can reach locally (`com.amazonaws.<region>.<name>`): the
// three SSM needs (the reason the fixtures build endpoints), and a few that are common in user
// fixtures. Their ids and names are derived from the region, so they are stable across runs.
import type { ServiceDetail } from '@aws-sdk/client-ec2'
import { createHash } from 'node:crypto'
import { listAvailabilityZones } from '../../store/availability-zones.js'

const NAMES = ['ssm', 'ssmmessages', 'ec2messages', 'ec2', 'sts', 'logs', 'kms', 'secretsmanager', 'monitoring', 'ecr.api', 'ecr.dkr', 'elasticloadbalancing']

/** `com.amazonaws.<region>.<name>` → `<name>` when it is an AWS service offered in that region. */
export function awsServiceShortName(serviceName: string, region: string): string | undefined {
  const prefix = `com.amazonaws.${region}.`
  if (!serviceName.startsWith(prefix)) return undefined
  const name = serviceName.slice(prefix.length)
  return NAMES.includes(name) ? name : undefined
}

/** Stable id of an AWS service in a region (`vpce-svc-` and 17 hex digits). */
export function awsServiceId(name: string, region: string): string {
  return `vpce-svc-${createHash('sha256').update(`${region}/${name}`).digest('hex').slice(0, 17)}`
}

/** DescribeVpcEndpointServices' detail of every AWS service in `region`, as `account` sees the zones. */
export function awsServiceDetails(account: string, region: string): ServiceDetail[] {
  const zones = listAvailabilityZones(account, region).map((z) => z.name)
  return NAMES.map((name) => ({
    ServiceName: `com.amazonaws.${region}.${name}`,
    ServiceId: awsServiceId(name, region),
    ServiceType: [{ ServiceType: 'Interface' }],
    ServiceRegion: region,
    AvailabilityZones: zones,
    Owner: 'amazon',
    BaseEndpointDnsNames: [`${name}.${region}.vpce.amazonaws.com`],
    PrivateDnsName: `${name}.${region}.amazonaws.com`,
    PrivateDnsNames: [{ PrivateDnsName: `${name}.${region}.amazonaws.com` }],
    VpcEndpointPolicySupported: true,
    AcceptanceRequired: false,
    ManagesVpcEndpoints: false,
    PrivateDnsNameVerificationState: 'verified',
    SupportedIpAddressTypes: ['ipv4'],
    Tags: [],
  }))
}
