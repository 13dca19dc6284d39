import { describe, expect, it } from 'vitest'
import { createNetworkInterface } from './network-interfaces.js'
import { authorizeSecurityGroupEgress, authorizeSecurityGroupIngress, describeSecurityGroupRules, revokeSecurityGroupEgress, revokeSecurityGroupIngress } from './security-group-rules.js'
import { createSecurityGroup, deleteSecurityGroup, describeSecurityGroups } from './security-groups.js'
import { createSubnet } from './subnets.js'
import { contextFor, PRODUCER, testStore } from './test-context.js'
import { createVpc } from './vpcs.js'

function group() {
  const context = contextFor(testStore())
  const vpcId = createVpc({ CidrBlock: '10.0.0.0/16' }, context).Vpc!.VpcId!
  const groupId = createSecurityGroup({ GroupName: 'svc', Description: 'd', VpcId: vpcId }, context).GroupId!
  return { context, vpcId, groupId }
}

describe('security groups', () => {
  it('start with AWS allow-all egress rule, which the provider revokes by its IpPermissions', () => {
    const { context, groupId } = group()
    expect(describeSecurityGroupRules({ Filters: [{ Name: 'group-id', Values: [groupId] }] }, context).SecurityGroupRules).toEqual([expect.objectContaining({ IsEgress: true, IpProtocol: '-1', CidrIpv4: '0.0.0.0/0' })])
    revokeSecurityGroupEgress({ GroupId: groupId, IpPermissions: [{ IpProtocol: '-1', FromPort: 0, ToPort: 0, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }, context)
    expect(describeSecurityGroups({ GroupIds: [groupId] }, context).SecurityGroups![0]!.IpPermissionsEgress).toEqual([])
    // No IPv6 default rule without an IPv6 block: AWS answers the provider's second revoke with NotFound.
    expect(() => revokeSecurityGroupEgress({ GroupId: groupId, IpPermissions: [{ IpProtocol: '-1', Ipv6Ranges: [{ CidrIpv6: '::/0' }] }] }, context)).toThrow(expect.objectContaining({ code: 'InvalidPermission.NotFound' }))
  })

  it('are unique by name in a VPC', () => {
    const { context, vpcId } = group()
    expect(() => createSecurityGroup({ GroupName: 'svc', Description: 'd', VpcId: vpcId }, context)).toThrow(expect.objectContaining({ code: 'InvalidGroup.Duplicate' }))
  })

  it('keep one rule per range with its own id and tags, refuse duplicates, and revoke by rule id', () => {
    const { context, groupId } = group()
    const rules = authorizeSecurityGroupIngress(
      { GroupId: groupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '10.0.0.0/16' }, { CidrIp: '10.1.0.0/16' }] }], TagSpecifications: [{ ResourceType: 'security-group-rule', Tags: [{ Key: 'Name', Value: 'web' }] }] },
      context,
    ).SecurityGroupRules!
    expect(rules).toHaveLength(2)
    expect(rules[0]).toMatchObject({ SecurityGroupRuleId: expect.stringMatching(/^sgr-[0-9a-f]{17}$/), Tags: [{ Key: 'Name', Value: 'web' }] })
    expect(() => authorizeSecurityGroupIngress({ GroupId: groupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '10.0.0.0/16' }] }] }, context)).toThrow(expect.objectContaining({ code: 'InvalidPermission.Duplicate' }))
    expect(describeSecurityGroups({ GroupIds: [groupId] }, context).SecurityGroups![0]!.IpPermissions).toEqual([expect.objectContaining({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '10.0.0.0/16' }, { CidrIp: '10.1.0.0/16' }] })])
    revokeSecurityGroupIngress({ GroupId: groupId, SecurityGroupRuleIds: [rules[0]!.SecurityGroupRuleId!] }, context)
    expect(() => describeSecurityGroupRules({ SecurityGroupRuleIds: [rules[0]!.SecurityGroupRuleId!] }, context)).toThrow(expect.objectContaining({ code: 'InvalidSecurityGroupRuleId.NotFound' }))
    expect(authorizeSecurityGroupEgress({ GroupId: groupId, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }, context).SecurityGroupRules![0]).toMatchObject({ IsEgress: true, FromPort: -1, ToPort: -1 })
  })

  it('cannot be deleted while an ENI or another group refers to them', () => {
    const { context, vpcId, groupId } = group()
    const other = createSecurityGroup({ GroupName: 'other', Description: 'd', VpcId: vpcId }, context).GroupId!
    authorizeSecurityGroupIngress({ GroupId: other, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, UserIdGroupPairs: [{ GroupId: groupId }] }] }, context)
    expect(() => deleteSecurityGroup({ GroupId: groupId }, context)).toThrow(expect.objectContaining({ code: 'DependencyViolation' }))
    deleteSecurityGroup({ GroupId: other }, context)
    const subnetId = createSubnet({ VpcId: vpcId, CidrBlock: '10.0.0.0/24' }, context).Subnet!.SubnetId!
    createNetworkInterface({ store: context.store, account: PRODUCER, region: 'us-east-1', subnetId, securityGroupIds: [groupId] })
    expect(() => deleteSecurityGroup({ GroupId: groupId }, context)).toThrow(expect.objectContaining({ code: 'DependencyViolation' }))
    expect(() => describeSecurityGroups({ GroupIds: [other] }, context)).toThrow(expect.objectContaining({ code: 'InvalidGroup.NotFound' }))
  })
})
