// Security groups: CreateSecurityGroup (with the allow-all egress rule AWS adds to every new group,
// which the provider then revokes), DescribeSecurityGroups (IpPermissions rendered from the
// stored rules), DeleteSecurityGroup (refused while an ENI or another group's rule uses it), and
// each VPC's `default` group.
import type {
  CreateSecurityGroupRequest,
  CreateSecurityGroupResult,
  DeleteSecurityGroupRequest,
  DeleteSecurityGroupResult,
  DescribeSecurityGroupsRequest,
  DescribeSecurityGroupsResult,
  NetworkInterface,
  SecurityGroup,
  SecurityGroupRule,
  Vpc,
} from '@aws-sdk/client-ec2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError, missingParameter } from '../../server/api-error.js'
import type { AwsStore } from '../../store/aws-store.js'
import { tagsFromSpecifications, toTagList } from '../../store/describe-filters.js'
import { describeRecords, EC2_TYPES, notFoundError, requireRecord } from './ec2-records.js'
import { addRules, groupRules, permissionsOf } from './security-group-rules.js'

/** Creates a group record with AWS's default egress rule (allow all to 0.0.0.0/0). */
export function createGroupRecord(store: AwsStore, account: string, region: string, input: { name: string; description: string; vpcId: string; tags?: Record<string, string> }): string {
  const id = store.newId('sg')
  const data: SecurityGroup = { GroupId: id, GroupName: input.name, Description: input.description, VpcId: input.vpcId, OwnerId: account, SecurityGroupArn: `arn:aws:ec2:${region}:${account}:security-group/${id}` }
  store.put({ type: EC2_TYPES.securityGroup.type, id, account, region, tags: input.tags ?? {}, data })
  addRules(store, account, region, [{ GroupId: id, IsEgress: true, IpProtocol: '-1', FromPort: -1, ToPort: -1, CidrIpv4: '0.0.0.0/0' }], {})
  return id
}

/** A VPC's `default` group: AWS adds ingress from the group itself besides the egress rule. */
export function createDefaultSecurityGroup(store: AwsStore, account: string, region: string, vpcId: string): string {
  const id = createGroupRecord(store, account, region, { name: 'default', description: 'default VPC security group', vpcId })
  addRules(store, account, region, [{ GroupId: id, IsEgress: false, IpProtocol: '-1', FromPort: -1, ToPort: -1, ReferencedGroupInfo: { GroupId: id, UserId: account } }], {})
  return id
}

/** Removes a group and its rules (no dependency checks: callers check). */
export function removeGroupRecord(store: AwsStore, account: string, region: string, groupId: string): void {
  for (const rule of groupRules(store, account, region, groupId)) store.delete(account, region, EC2_TYPES.securityGroupRule.type, rule.SecurityGroupRuleId!)
  store.delete(account, region, EC2_TYPES.securityGroup.type, groupId)
}

/** CreateSecurityGroup: a VPC is required (no EC2-Classic); names are unique per VPC. */
export function createSecurityGroup(input: CreateSecurityGroupRequest, context: ApiRequestContext): CreateSecurityGroupResult {
  if (!input.GroupName) throw missingParameter('GroupName')
  if (!input.Description) throw missingParameter('GroupDescription')
  if (!input.VpcId) throw new AwsApiError('VPCIdNotSpecified', 'No default VPC for this user (the local target has no default VPC)')
  requireRecord<Vpc>(context, EC2_TYPES.vpc, input.VpcId)
  if (input.GroupName === 'default' || input.GroupName.startsWith('sg-')) throw new AwsApiError('InvalidParameterValue', `Invalid value '${input.GroupName}' for groupName.`)
  const clash = context.store.list<SecurityGroup>({ type: EC2_TYPES.securityGroup.type, account: context.account, region: context.region }).some((g) => g.data.VpcId === input.VpcId && g.data.GroupName === input.GroupName)
  if (clash) throw new AwsApiError('InvalidGroup.Duplicate', `The security group '${input.GroupName}' already exists for VPC '${input.VpcId}'`)
  const tags = tagsFromSpecifications(input.TagSpecifications, 'security-group')
  const id = createGroupRecord(context.store, context.account, context.region, { name: input.GroupName, description: input.Description, vpcId: input.VpcId, tags })
  return { GroupId: id, Tags: toTagList(tags), SecurityGroupArn: `arn:aws:ec2:${context.region}:${context.account}:security-group/${id}` }
}

const fields = {
  'group-id': (g: SecurityGroup) => g.GroupId,
  'group-name': (g: SecurityGroup) => g.GroupName,
  'vpc-id': (g: SecurityGroup) => g.VpcId,
  'owner-id': (g: SecurityGroup) => g.OwnerId,
  description: (g: SecurityGroup) => g.Description,
}

/** DescribeSecurityGroups by id, name or filter, with the rules rendered as IpPermissions. */
export function describeSecurityGroups(input: DescribeSecurityGroupsRequest, context: ApiRequestContext): DescribeSecurityGroupsResult {
  let groups = describeRecords<SecurityGroup>(context, { kind: EC2_TYPES.securityGroup, ids: input.GroupIds, filters: input.Filters, fields })
  if (input.GroupNames && input.GroupNames.length > 0) {
    const missing = input.GroupNames.filter((n) => !groups.some((g) => g.GroupName === n))
    if (missing.length > 0) throw new AwsApiError('InvalidGroup.NotFound', `The security group '${missing[0]}' does not exist in default VPC 'none'`)
    groups = groups.filter((g) => input.GroupNames!.includes(g.GroupName!))
  }
  return {
    SecurityGroups: groups.map((g) => ({
      ...g,
      IpPermissions: permissionsOf(groupRules(context.store, context.account, context.region, g.GroupId!, false)),
      IpPermissionsEgress: permissionsOf(groupRules(context.store, context.account, context.region, g.GroupId!, true)),
    })),
  }
}

/** DeleteSecurityGroup: DependencyViolation while an ENI or another group's rule refers to it, as on AWS. */
export function deleteSecurityGroup(input: DeleteSecurityGroupRequest, context: ApiRequestContext): DeleteSecurityGroupResult {
  const { store, account, region } = context
  const id = input.GroupId ?? store.list<SecurityGroup>({ type: EC2_TYPES.securityGroup.type, account, region }).find((g) => g.data.GroupName === input.GroupName)?.id
  if (id === undefined) throw notFoundError(EC2_TYPES.securityGroup, input.GroupName ?? '')
  const group = requireRecord<SecurityGroup>(context, EC2_TYPES.securityGroup, id)
  if (group.data.GroupName === 'default') throw new AwsApiError('CannotDelete', `the specified group: "${id}" name: "default" cannot be deleted by a user`)
  const usedByEni = store.list<NetworkInterface>({ type: EC2_TYPES.networkInterface.type, account, region }).some((n) => (n.data.Groups ?? []).some((g) => g.GroupId === id))
  const usedByRule = store
    .list<SecurityGroupRule>({ type: EC2_TYPES.securityGroupRule.type, account, region })
    .some((r) => r.data.GroupId !== id && r.data.ReferencedGroupInfo?.GroupId === id)
  if (usedByEni || usedByRule) throw new AwsApiError('DependencyViolation', `resource ${id} has a dependent object`)
  removeGroupRecord(store, account, region, id)
  return { Return: true, GroupId: id }
}
