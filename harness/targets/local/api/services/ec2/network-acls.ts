// Network ACLs: only each VPC's default ACL (allow all in and out), which the provider reads for
// aws_vpc's default_network_acl_id. The local target does not filter traffic by ACL.
import type { DescribeNetworkAclsRequest, DescribeNetworkAclsResult, NetworkAcl, NetworkAclEntry } from '@aws-sdk/client-ec2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import type { AwsStore } from '../../store/aws-store.js'
import { bool, describeRecords, EC2_TYPES } from './ec2-records.js'

const allowAll = (egress: boolean): NetworkAclEntry[] => [
  { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: egress, CidrBlock: '0.0.0.0/0' },
  { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: egress, CidrBlock: '0.0.0.0/0' },
]

/** The default ACL AWS creates with a VPC. */
export function createDefaultNetworkAcl(store: AwsStore, account: string, region: string, vpcId: string): string {
  const id = store.newId('acl')
  const data: NetworkAcl = { NetworkAclId: id, VpcId: vpcId, IsDefault: true, OwnerId: account, Entries: [...allowAll(false), ...allowAll(true)], Associations: [] }
  store.put({ type: EC2_TYPES.networkAcl.type, id, account, region, data })
  return id
}

const fields = {
  'network-acl-id': (a: NetworkAcl) => a.NetworkAclId,
  'vpc-id': (a: NetworkAcl) => a.VpcId,
  default: (a: NetworkAcl) => bool(a.IsDefault),
  'owner-id': (a: NetworkAcl) => a.OwnerId,
  'association.subnet-id': (a: NetworkAcl) => (a.Associations ?? []).map((x) => x.SubnetId),
}

/** DescribeNetworkAcls by id and filter. */
export function describeNetworkAcls(input: DescribeNetworkAclsRequest, context: ApiRequestContext): DescribeNetworkAclsResult {
  return { NetworkAcls: describeRecords<NetworkAcl>(context, { kind: EC2_TYPES.networkAcl, ids: input.NetworkAclIds, filters: input.Filters, fields }) }
}
