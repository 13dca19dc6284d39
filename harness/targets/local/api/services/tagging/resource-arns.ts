// The ARN of a store record, as the Resource Groups Tagging API names resources: records keyed by
// ARN (ELBv2, ACM) are their own ARN; EC2 records become `arn:<p>:ec2:<region>:<account>:<type>/<id>`;
// Route 53 zones `arn:<p>:route53:::hostedzone/<id>`; IAM `arn:<p>:iam::<account>:<kind>/<name>`.
// Record types it cannot name (and so cannot list) give undefined.
import type { ResourceRecord } from '../../store/aws-store.js'
import { partitionOf } from '../aws-partition.js'

/** Store type → EC2 ARN resource type. */
const EC2_RESOURCE_TYPES: Record<string, string> = {
  vpc: 'vpc',
  subnet: 'subnet',
  'route-table': 'route-table',
  'security-group': 'security-group',
  'security-group-rule': 'security-group-rule',
  'internet-gateway': 'internet-gateway',
  'vpc-peering-connection': 'vpc-peering-connection',
  instance: 'instance',
  'network-interface': 'network-interface',
  'vpc-endpoint': 'vpc-endpoint',
  'vpc-endpoint-service': 'vpc-endpoint-service',
}


export function resourceArnOf(record: ResourceRecord): string | undefined {
  if (record.id.startsWith('arn:')) return record.id
  const partition = partitionOf(record.region)
  const ec2Type = EC2_RESOURCE_TYPES[record.type]
  if (ec2Type !== undefined) return `arn:${partition}:ec2:${record.region}:${record.account}:${ec2Type}/${record.id}`
  if (record.type === 'route53-hosted-zone' || record.type === 'hosted-zone') return `arn:aws:route53:::hostedzone/${record.id}`
  if (record.type === 'iam-role') return `arn:aws:iam::${record.account}:role/${record.id}`
  if (record.type === 'iam-instance-profile') return `arn:aws:iam::${record.account}:instance-profile/${record.id}`
  return undefined
}

/** `service:resourceType` of an ARN (`ec2:vpc`, `elasticloadbalancing:loadbalancer`, `route53:hostedzone`), as ResourceTypeFilters name them. */
export function resourceTypeOfArn(arn: string): { service: string; type: string } {
  const [, , service = '', , , ...rest] = arn.split(':')
  const resource = rest.join(':')
  const type = resource.split('/')[0] ?? ''
  return { service, type }
}
