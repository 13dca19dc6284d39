// A store snapshot of the same-region shape (producer VPC with an NLB and two targets, consumer VPC
// with an interface endpoint and SSM endpoints), as the EC2, ELBv2 and IAM handlers record it:
// test data for the reconciler's pure parts.
import type { ResourceRecord } from '../api/store/aws-store.js'
import { findAvailabilityZone } from '../api/store/availability-zones.js'

const P = '111111111111'
const C = '222222222222'
const R = 'us-east-1'
let n = 0
/** `account`'s name of a zone id (each account has its own shuffle). */
export const azName = (account: string, id: string): string => findAvailabilityZone(account, R, id)!.name
const rec = (type: string, id: string, account: string, data: object, region = R): ResourceRecord => ({ type, id, account, region, tags: {}, createdAt: n++, data })
const lbArn = `arn:aws:elasticloadbalancing:${R}:${P}:loadbalancer/net/plh-a/0123456789abcdef`
const tgArn = `arn:aws:elasticloadbalancing:${R}:${P}:targetgroup/plh-a-p80/0123456789abcdef`

/** Builds the snapshot; `overrides` replace records' data by id. */
export function sameRegionRecords(options: { endpointState?: string; withSsmEndpoints?: boolean; ssmPolicy?: boolean } = {}): ResourceRecord[] {
  const records: ResourceRecord[] = [
    rec('vpc', 'vpc-p', P, { VpcId: 'vpc-p', CidrBlock: '10.0.0.0/16', State: 'available' }),
    rec('vpc', 'vpc-c', C, { VpcId: 'vpc-c', CidrBlock: '10.0.0.0/16', State: 'available' }),
    rec('subnet', 'subnet-p1', P, { SubnetId: 'subnet-p1', VpcId: 'vpc-p', CidrBlock: '10.0.0.0/20', AvailabilityZone: azName(P, 'use1-az1'), AvailabilityZoneId: 'use1-az1' }),
    rec('subnet', 'subnet-p2', P, { SubnetId: 'subnet-p2', VpcId: 'vpc-p', CidrBlock: '10.0.16.0/20', AvailabilityZone: azName(P, 'use1-az2'), AvailabilityZoneId: 'use1-az2' }),
    rec('subnet', 'subnet-c1', C, { SubnetId: 'subnet-c1', VpcId: 'vpc-c', CidrBlock: '10.0.0.0/20', AvailabilityZone: azName(C, 'use1-az2'), AvailabilityZoneId: 'use1-az2' }),
    rec('security-group', 'sg-svc', P, { GroupId: 'sg-svc', VpcId: 'vpc-p' }),
    rec('security-group-rule', 'sgr-1', P, { SecurityGroupRuleId: 'sgr-1', GroupId: 'sg-svc', IsEgress: false, IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIpv4: '10.0.0.0/16' }),
    rec('security-group', 'sg-eni', C, { GroupId: 'sg-eni', VpcId: 'vpc-c' }),
    rec('security-group-rule', 'sgr-2', C, { SecurityGroupRuleId: 'sgr-2', GroupId: 'sg-eni', IsEgress: false, IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIpv4: '10.0.0.0/16' }),
    rec('security-group', 'sg-ssm', C, { GroupId: 'sg-ssm', VpcId: 'vpc-c' }),
    rec('security-group-rule', 'sgr-3', C, { SecurityGroupRuleId: 'sgr-3', GroupId: 'sg-ssm', IsEgress: false, IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIpv4: '10.0.0.0/16' }),
    rec('instance', 'i-p1', P, { InstanceId: 'i-p1', State: { Name: 'running' }, VpcId: 'vpc-p', SubnetId: 'subnet-p1', PrivateIpAddress: '10.0.0.4', Placement: { AvailabilityZone: azName(P, 'use1-az1') }, SecurityGroups: [{ GroupId: 'sg-svc' }] }),
    rec('instance', 'i-p2', P, { InstanceId: 'i-p2', State: { Name: 'running' }, VpcId: 'vpc-p', SubnetId: 'subnet-p2', PrivateIpAddress: '10.0.16.4', Placement: { AvailabilityZone: azName(P, 'use1-az2') }, SecurityGroups: [{ GroupId: 'sg-svc' }] }),
    rec('instance', 'i-c1', C, {
      InstanceId: 'i-c1',
      State: { Name: 'running' },
      VpcId: 'vpc-c',
      SubnetId: 'subnet-c1',
      PrivateIpAddress: '10.0.0.4',
      Placement: { AvailabilityZone: azName(C, 'use1-az2') },
      SecurityGroups: [],
      IamInstanceProfile: { Arn: `arn:aws:iam::${C}:instance-profile/plh-ssm` },
    }),
    rec('iam-instance-profile', 'plh-ssm', C, { InstanceProfileName: 'plh-ssm', local: { roleNames: ['plh-ssm-role'] } }, 'global'),
    rec('iam-role', 'plh-ssm-role', C, { RoleName: 'plh-ssm-role', local: { attachedPolicyArns: options.ssmPolicy === false ? [] : ['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'] } }, 'global'),
    rec('route-table', 'rtb-c', C, { RouteTableId: 'rtb-c', VpcId: 'vpc-c', Associations: [{ Main: true }], Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }] }),
    rec('network-interface', 'eni-n1', P, { NetworkInterfaceId: 'eni-n1', PrivateIpAddress: '10.0.0.5', AvailabilityZone: azName(P, 'use1-az1') }),
    rec('network-interface', 'eni-n2', P, { NetworkInterfaceId: 'eni-n2', PrivateIpAddress: '10.0.16.5', AvailabilityZone: azName(P, 'use1-az2') }),
    rec('load-balancer', lbArn, P, {
      LoadBalancerArn: lbArn,
      LoadBalancerName: 'plh-a',
      Type: 'network',
      VpcId: 'vpc-p',
      State: { Code: 'active' },
      AvailabilityZones: [
        { ZoneName: azName(P, 'use1-az1'), LoadBalancerAddresses: [{ PrivateIPv4Address: '10.0.0.5' }] },
        { ZoneName: azName(P, 'use1-az2'), LoadBalancerAddresses: [{ PrivateIPv4Address: '10.0.16.5' }] },
      ],
      local: { attributes: { 'load_balancing.cross_zone.enabled': 'false' } },
    }),
    rec('target-group', tgArn, P, { TargetGroupArn: tgArn, Port: 80, Protocol: 'TCP', local: { targets: [{ Id: 'i-p1', Port: 80 }, { Id: 'i-p2', Port: 80 }] } }),
    rec('listener', 'arn:listener', P, { ListenerArn: 'arn:listener', LoadBalancerArn: lbArn, Port: 80, Protocol: 'TCP', DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }] }),
    rec('vpc-endpoint-service', 'vpce-svc-1', P, { ServiceId: 'vpce-svc-1', ServiceName: `com.amazonaws.vpce.${R}.vpce-svc-1`, NetworkLoadBalancerArns: [lbArn], AcceptanceRequired: false }),
    rec('network-interface', 'eni-e1', C, { NetworkInterfaceId: 'eni-e1', PrivateIpAddress: '10.0.0.5', AvailabilityZone: azName(C, 'use1-az2') }),
    rec('vpc-endpoint', 'vpce-1', C, {
      VpcEndpointId: 'vpce-1',
      VpcEndpointType: 'Interface',
      VpcId: 'vpc-c',
      ServiceName: `com.amazonaws.vpce.${R}.vpce-svc-1`,
      State: options.endpointState ?? 'available',
      NetworkInterfaceIds: ['eni-e1'],
      Groups: [{ GroupId: 'sg-eni' }],
      DnsEntries: [{ DnsName: `vpce-1-abcdefgh.vpce-svc-1.${R}.vpce.amazonaws.com` }, { DnsName: `vpce-1-abcdefgh-${azName(C, 'use1-az2')}.vpce-svc-1.${R}.vpce.amazonaws.com` }],
    }),
  ]
  if (options.withSsmEndpoints !== false) {
    for (const service of ['ssm', 'ssmmessages', 'ec2messages']) {
      records.push(rec('vpc-endpoint', `vpce-${service}`, C, { VpcEndpointId: `vpce-${service}`, VpcEndpointType: 'Interface', VpcId: 'vpc-c', ServiceName: `com.amazonaws.${R}.${service}`, State: 'available', Groups: [{ GroupId: 'sg-ssm' }] }))
    }
  }
  return records
}
