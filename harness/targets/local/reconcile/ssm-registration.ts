// Whether an instance can register with SSM, by AWS's rules (the reason the cross-account tutorial
// builds ssm, ssmmessages and ec2messages endpoints): its instance profile's role carries the SSM
// core policy, and its subnet reaches SSM, through interface endpoints for the three services
// whose security groups admit 443 from it, or through a route to an internet or NAT gateway.
// Pure: a store snapshot in, a verdict with the reason out.
import type { Instance, RouteTable, SecurityGroupRule, VpcEndpoint } from '@aws-sdk/client-ec2'
import type { ResourceRecord } from '../api/store/aws-store.js'
import { cidrContains, parseCidr } from '../topology/cidr.js'

/** The AWS managed policies that let the agent register (the current one and its deprecated predecessor). */
export const SSM_CORE_POLICIES = ['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore', 'arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM']

/** The endpoints an agent needs in a VPC without an internet path. */
export const SSM_ENDPOINT_SERVICES = ['ssm', 'ssmmessages', 'ec2messages']

export type SsmRegistration = { online: true } | { online: false; reason: string }

const of = <T>(records: ResourceRecord[], type: string) => records.filter((r) => r.type === type) as ResourceRecord<T>[]

/** Whether `instance` would register, and if not, the sentence `waitReady` reports. */
export function ssmRegistration(records: ResourceRecord[], instance: ResourceRecord<Instance>): SsmRegistration {
  const id = instance.id
  const profileArn = instance.data.IamInstanceProfile?.Arn
  if (profileArn === undefined) return { online: false, reason: `${id} never registered with SSM: it has no instance profile (the role needs AmazonSSMManagedInstanceCore)` }
  const profileName = profileArn.slice(profileArn.lastIndexOf('/') + 1)
  const profile = of<{ local?: { roleNames?: string[] } }>(records, 'iam-instance-profile').find((p) => p.account === instance.account && p.id === profileName)
  if (profile === undefined) return { online: false, reason: `${id} never registered with SSM: its instance profile ${profileName} does not exist` }
  const roles = of<{ local?: { attachedPolicyArns?: string[] } }>(records, 'iam-role').filter((r) => r.account === instance.account && (profile.data.local?.roleNames ?? []).includes(r.id))
  if (roles.length === 0) return { online: false, reason: `${id} never registered with SSM: instance profile ${profileName} has no role` }
  if (!roles.some((r) => (r.data.local?.attachedPolicyArns ?? []).some((arn) => SSM_CORE_POLICIES.includes(arn)))) {
    return { online: false, reason: `${id} never registered with SSM: role ${roles[0]!.id} of instance profile ${profileName} lacks the AmazonSSMManagedInstanceCore policy` }
  }
  const path = ssmNetworkPath(records, instance)
  return path === true ? { online: true } : { online: false, reason: `${id} never registered with SSM: ${path}` }
}

/** true when the instance's subnet reaches SSM; else what is missing. */
export function ssmNetworkPath(records: ResourceRecord[], instance: ResourceRecord<Instance>): true | string {
  const vpcId = instance.data.VpcId ?? ''
  const subnetId = instance.data.SubnetId ?? ''
  const tables = of<RouteTable>(records, 'route-table').filter((t) => t.account === instance.account && t.region === instance.region && t.data.VpcId === vpcId)
  const table = tables.find((t) => (t.data.Associations ?? []).some((a) => a.SubnetId === subnetId)) ?? tables.find((t) => (t.data.Associations ?? []).some((a) => a.Main))
  const internet = (table?.data.Routes ?? []).some((r) => r.DestinationCidrBlock === '0.0.0.0/0' && ((r.GatewayId ?? '').startsWith('igw-') || (r.NatGatewayId ?? '') !== ''))
  if (internet) return true
  const ip = instance.data.PrivateIpAddress ?? ''
  const groupsOfInstance = (instance.data.SecurityGroups ?? []).map((g) => g.GroupId ?? '')
  const endpoints = of<VpcEndpoint>(records, 'vpc-endpoint').filter((e) => e.account === instance.account && e.region === instance.region && e.data.VpcId === vpcId)
  const missing: string[] = []
  for (const service of SSM_ENDPOINT_SERVICES) {
    const name = `com.amazonaws.${instance.region}.${service}`
    const endpoint = endpoints.find((e) => e.data.ServiceName === name && (e.data.State ?? '').toLowerCase() === 'available')
    if (endpoint === undefined) {
      missing.push(`no ${service} endpoint`)
      continue
    }
    const groups = (endpoint.data.Groups ?? []).map((g) => g.GroupId ?? '')
    if (!admits443(records, groups, ip, groupsOfInstance)) missing.push(`the ${service} endpoint's security group does not admit 443 from ${ip}`)
  }
  if (missing.length === 0) return true
  return `VPC ${vpcId} has ${missing.join(', ')} and no route to the internet`
}

function admits443(records: ResourceRecord[], groupIds: string[], ip: string, sourceGroups: string[]): boolean {
  return of<SecurityGroupRule>(records, 'security-group-rule').some((r) => {
    const rule = r.data
    if (rule.IsEgress || !groupIds.includes(rule.GroupId ?? '')) return false
    const all = rule.IpProtocol === '-1'
    if (!all && !(rule.IpProtocol === 'tcp' && (rule.FromPort ?? 0) <= 443 && (rule.ToPort ?? 0) >= 443)) return false
    if (rule.ReferencedGroupInfo?.GroupId) return sourceGroups.includes(rule.ReferencedGroupInfo.GroupId)
    const cidr = parseCidr(rule.CidrIpv4 ?? '')
    return !('error' in cidr) && cidrContains(cidr, ip)
  })
}

