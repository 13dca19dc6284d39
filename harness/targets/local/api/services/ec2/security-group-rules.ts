// Security group rules, one store record per rule (as DescribeSecurityGroupRules shows them, each
// with its sgr- id and tags). A group's IpPermissions are rendered from its rules, so the
// group-level calls (Authorize/Revoke with IpPermissions) and the rule-level ones
// (aws_vpc_security_group_ingress_rule: SecurityGroupRuleIds) act on one truth.
import type {
  AuthorizeSecurityGroupEgressRequest,
  AuthorizeSecurityGroupEgressResult,
  AuthorizeSecurityGroupIngressRequest,
  AuthorizeSecurityGroupIngressResult,
  DescribeSecurityGroupRulesRequest,
  DescribeSecurityGroupRulesResult,
  IpPermission,
  RevokeSecurityGroupEgressRequest,
  RevokeSecurityGroupEgressResult,
  RevokeSecurityGroupIngressRequest,
  RevokeSecurityGroupIngressResult,
  SecurityGroup,
  SecurityGroupRule,
  TagSpecification,
} from '@aws-sdk/client-ec2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import type { AwsStore } from '../../store/aws-store.js'
import { tagsFromSpecifications } from '../../store/describe-filters.js'
import { bool, describeRecords, EC2_TYPES, render, requireRecord } from './ec2-records.js'

/** One rule before it is stored: what makes two rules the same. */
type RuleShape = Omit<SecurityGroupRule, 'SecurityGroupRuleId' | 'Tags' | 'SecurityGroupRuleArn' | 'GroupOwnerId'>

const PROTOCOL_NAMES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', all: '-1' }

/** Splits IpPermissions into one rule per address range, group pair or prefix list, as EC2 does. */
export function rulesFromPermissions(groupId: string, isEgress: boolean, permissions: IpPermission[] | undefined): RuleShape[] {
  const rules: RuleShape[] = []
  for (const p of permissions ?? []) {
    const protocol = PROTOCOL_NAMES[String(p.IpProtocol).toLowerCase()] ?? String(p.IpProtocol ?? '-1').toLowerCase()
    const allPorts = protocol === '-1'
    if (!allPorts && (p.FromPort === undefined || p.ToPort === undefined) && (protocol === 'tcp' || protocol === 'udp')) {
      throw new AwsApiError('InvalidParameterValue', `Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange`)
    }
    const base = { GroupId: groupId, IsEgress: isEgress, IpProtocol: protocol, FromPort: allPorts ? -1 : p.FromPort, ToPort: allPorts ? -1 : p.ToPort }
    for (const r of p.IpRanges ?? []) rules.push({ ...base, CidrIpv4: r.CidrIp, Description: r.Description })
    for (const r of p.Ipv6Ranges ?? []) rules.push({ ...base, CidrIpv6: r.CidrIpv6, Description: r.Description })
    for (const r of p.PrefixListIds ?? []) rules.push({ ...base, PrefixListId: r.PrefixListId, Description: r.Description })
    for (const r of p.UserIdGroupPairs ?? []) rules.push({ ...base, ReferencedGroupInfo: { GroupId: r.GroupId, UserId: r.UserId }, Description: r.Description })
  }
  return rules
}

const sameRule = (a: RuleShape, b: RuleShape): boolean =>
  a.GroupId === b.GroupId &&
  a.IsEgress === b.IsEgress &&
  a.IpProtocol === b.IpProtocol &&
  (a.FromPort ?? -1) === (b.FromPort ?? -1) &&
  (a.ToPort ?? -1) === (b.ToPort ?? -1) &&
  a.CidrIpv4 === b.CidrIpv4 &&
  a.CidrIpv6 === b.CidrIpv6 &&
  a.PrefixListId === b.PrefixListId &&
  a.ReferencedGroupInfo?.GroupId === b.ReferencedGroupInfo?.GroupId

/** The stored rules of a group (one direction or both). */
export function groupRules(store: AwsStore, account: string, region: string, groupId: string, isEgress?: boolean): SecurityGroupRule[] {
  return store
    .list<SecurityGroupRule>({ type: EC2_TYPES.securityGroupRule.type, account, region })
    .filter((r) => r.data.GroupId === groupId && (isEgress === undefined || r.data.IsEgress === isEgress))
    .map((r) => render(r))
}

/** Stores rules (refusing duplicates, as AWS does) and returns them as DescribeSecurityGroupRules shows them. */
export function addRules(store: AwsStore, account: string, region: string, rules: RuleShape[], tags: Record<string, string>): SecurityGroupRule[] {
  const groupId = rules[0]?.GroupId
  if (groupId === undefined) return []
  const existing = groupRules(store, account, region, groupId)
  for (const [i, rule] of rules.entries()) {
    if (existing.some((e) => sameRule(e, rule)) || rules.slice(0, i).some((e) => sameRule(e, rule))) {
      const peer = rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.PrefixListId ?? rule.ReferencedGroupInfo?.GroupId
      throw new AwsApiError('InvalidPermission.Duplicate', `the specified rule "peer: ${peer}, ${rule.IpProtocol === '-1' ? 'ALL' : rule.IpProtocol?.toUpperCase()}, from port: ${rule.FromPort}, to port: ${rule.ToPort}, ALLOW" already exists`)
    }
  }
  return rules.map((rule) => {
    const id = store.newId('sgr')
    const data: SecurityGroupRule = { ...rule, SecurityGroupRuleId: id, GroupOwnerId: account, SecurityGroupRuleArn: `arn:aws:ec2:${region}:${account}:security-group-rule/${id}` }
    return render(store.put({ type: EC2_TYPES.securityGroupRule.type, id, account, region, tags: { ...tags }, data }))
  })
}

/** A group's rules of one direction rendered as IpPermissions (rules of one protocol and port range share one). */
export function permissionsOf(rules: SecurityGroupRule[]): IpPermission[] {
  const out: IpPermission[] = []
  for (const rule of rules) {
    const allPorts = rule.IpProtocol === '-1'
    let p = out.find((x) => x.IpProtocol === rule.IpProtocol && (allPorts || (x.FromPort === rule.FromPort && x.ToPort === rule.ToPort)))
    if (p === undefined) {
      p = { IpProtocol: rule.IpProtocol, ...(allPorts ? {} : { FromPort: rule.FromPort, ToPort: rule.ToPort }), IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }
      out.push(p)
    }
    if (rule.CidrIpv4) p.IpRanges!.push({ CidrIp: rule.CidrIpv4, Description: rule.Description })
    if (rule.CidrIpv6) p.Ipv6Ranges!.push({ CidrIpv6: rule.CidrIpv6, Description: rule.Description })
    if (rule.PrefixListId) p.PrefixListIds!.push({ PrefixListId: rule.PrefixListId, Description: rule.Description })
    if (rule.ReferencedGroupInfo) p.UserIdGroupPairs!.push({ GroupId: rule.ReferencedGroupInfo.GroupId, UserId: rule.ReferencedGroupInfo.UserId ?? rule.GroupOwnerId, Description: rule.Description })
  }
  return out
}

function authorize(context: ApiRequestContext, groupId: string | undefined, isEgress: boolean, permissions: IpPermission[] | undefined, specs: TagSpecification[] | undefined): SecurityGroupRule[] {
  const group = requireRecord<SecurityGroup>(context, EC2_TYPES.securityGroup, groupId)
  const rules = rulesFromPermissions(group.id, isEgress, permissions).map((rule) => {
    const ref = rule.ReferencedGroupInfo
    if (ref?.GroupId !== undefined && context.store.get(ref.UserId ?? context.account, context.region, EC2_TYPES.securityGroup.type, ref.GroupId) === undefined) {
      throw new AwsApiError('InvalidGroup.NotFound', `The security group '${ref.GroupId}' does not exist`)
    }
    return ref ? { ...rule, ReferencedGroupInfo: { GroupId: ref.GroupId, UserId: ref.UserId ?? context.account } } : rule
  })
  if (rules.length === 0) throw new AwsApiError('MissingParameter', 'No permissions were specified (IpPermissions or a source)')
  return addRules(context.store, context.account, context.region, rules, tagsFromSpecifications(specs, 'security-group-rule'))
}

function revoke(context: ApiRequestContext, groupId: string | undefined, isEgress: boolean, permissions: IpPermission[] | undefined, ruleIds: string[] | undefined): SecurityGroupRule[] {
  const group = requireRecord<SecurityGroup>(context, EC2_TYPES.securityGroup, groupId)
  const existing = groupRules(context.store, context.account, context.region, group.id, isEgress)
  const revoked: SecurityGroupRule[] = []
  for (const id of ruleIds ?? []) {
    const rule = existing.find((r) => r.SecurityGroupRuleId === id)
    if (rule === undefined) throw new AwsApiError('InvalidSecurityGroupRuleId.NotFound', `The security group rule ID '${id}' does not exist`)
    revoked.push(rule)
  }
  for (const wanted of rulesFromPermissions(group.id, isEgress, permissions)) {
    const rule = existing.find((r) => sameRule(r, { ...wanted, ReferencedGroupInfo: wanted.ReferencedGroupInfo && { ...wanted.ReferencedGroupInfo } }))
    if (rule === undefined) {
      throw new AwsApiError('InvalidPermission.NotFound', `The specified rule does not exist in this security group.`)
    }
    revoked.push(rule)
  }
  for (const rule of revoked) context.store.delete(context.account, context.region, EC2_TYPES.securityGroupRule.type, rule.SecurityGroupRuleId!)
  return revoked
}

/** AuthorizeSecurityGroupIngress: one rule per range; TagSpecifications tag the new rules. */
export function authorizeSecurityGroupIngress(input: AuthorizeSecurityGroupIngressRequest, context: ApiRequestContext): AuthorizeSecurityGroupIngressResult {
  const permissions: IpPermission[] = input.IpPermissions ?? (input.CidrIp ? [{ IpProtocol: input.IpProtocol, FromPort: input.FromPort, ToPort: input.ToPort, IpRanges: [{ CidrIp: input.CidrIp }] }] : [])
  return { Return: true, SecurityGroupRules: authorize(context, input.GroupId, false, permissions, input.TagSpecifications) }
}

/** AuthorizeSecurityGroupEgress: as ingress, outbound. */
export function authorizeSecurityGroupEgress(input: AuthorizeSecurityGroupEgressRequest, context: ApiRequestContext): AuthorizeSecurityGroupEgressResult {
  return { Return: true, SecurityGroupRules: authorize(context, input.GroupId, true, input.IpPermissions, input.TagSpecifications) }
}

/** RevokeSecurityGroupIngress by IpPermissions or SecurityGroupRuleIds. */
export function revokeSecurityGroupIngress(input: RevokeSecurityGroupIngressRequest, context: ApiRequestContext): RevokeSecurityGroupIngressResult {
  const revoked = revoke(context, input.GroupId, false, input.IpPermissions, input.SecurityGroupRuleIds)
  return { Return: true, RevokedSecurityGroupRules: revoked.map((r) => ({ SecurityGroupRuleId: r.SecurityGroupRuleId, GroupId: r.GroupId, IsEgress: false, IpProtocol: r.IpProtocol, FromPort: r.FromPort, ToPort: r.ToPort, CidrIpv4: r.CidrIpv4 })) }
}

/** RevokeSecurityGroupEgress (the provider revokes AWS's default allow-all egress rule this way). */
export function revokeSecurityGroupEgress(input: RevokeSecurityGroupEgressRequest, context: ApiRequestContext): RevokeSecurityGroupEgressResult {
  const revoked = revoke(context, input.GroupId, true, input.IpPermissions, input.SecurityGroupRuleIds)
  return { Return: true, RevokedSecurityGroupRules: revoked.map((r) => ({ SecurityGroupRuleId: r.SecurityGroupRuleId, GroupId: r.GroupId, IsEgress: true, IpProtocol: r.IpProtocol, FromPort: r.FromPort, ToPort: r.ToPort, CidrIpv4: r.CidrIpv4 })) }
}

const ruleFields = {
  'group-id': (r: SecurityGroupRule) => r.GroupId,
  'security-group-rule-id': (r: SecurityGroupRule) => r.SecurityGroupRuleId,
  'is-egress': (r: SecurityGroupRule) => bool(r.IsEgress),
}

/** DescribeSecurityGroupRules by id or filter; an unknown rule id is InvalidSecurityGroupRuleId.NotFound. */
export function describeSecurityGroupRules(input: DescribeSecurityGroupRulesRequest, context: ApiRequestContext): DescribeSecurityGroupRulesResult {
  return { SecurityGroupRules: describeRecords<SecurityGroupRule>(context, { kind: EC2_TYPES.securityGroupRule, ids: input.SecurityGroupRuleIds, filters: input.Filters, fields: ruleFields }) }
}
