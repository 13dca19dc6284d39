// aws_lb_target_group: CreateTargetGroup, DescribeTargetGroups, ModifyTargetGroup, DeleteTargetGroup
// and the target group's attributes, for the NLB's protocols (TCP, TLS, UDP, TCP_UDP). Health
// check defaults are AWS's for a network target group.
import type {
  CreateTargetGroupInput,
  CreateTargetGroupOutput,
  DeleteTargetGroupInput,
  DeleteTargetGroupOutput,
  DescribeTargetGroupAttributesInput,
  DescribeTargetGroupAttributesOutput,
  DescribeTargetGroupsInput,
  DescribeTargetGroupsOutput,
  ModifyTargetGroupAttributesInput,
  ModifyTargetGroupAttributesOutput,
  ModifyTargetGroupInput,
  ModifyTargetGroupOutput,
  TargetGroup,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import type { ResourceRecord } from '../../store/aws-store.js'
import { newArnHash, targetGroupArn, validateElbName } from './arns.js'
import {
  TARGET_GROUP,
  applyAttributes,
  listListeners,
  listTargetGroups,
  forwardedTargetGroups,
  loadBalancersOfTargetGroup,
  requireTargetGroup,
  tagsOf,
  toAttributeList,
  withoutLocal,
  type TargetGroupData,
} from './records.js'

const NETWORK_PROTOCOLS = ['TCP', 'TLS', 'UDP', 'TCP_UDP']
const HEALTH_CHECK_PROTOCOLS = ['TCP', 'HTTP', 'HTTPS']

/** A new network target group's attributes (AWS's defaults; preserve_client_ip depends on the target type). */
export function defaultTargetGroupAttributes(targetType: string, protocol: string): Record<string, string> {
  return {
    'deregistration_delay.timeout_seconds': '300',
    'deregistration_delay.connection_termination.enabled': 'false',
    'load_balancing.cross_zone.enabled': 'use_load_balancer_configuration',
    'preserve_client_ip.enabled': targetType === 'instance' || protocol === 'UDP' || protocol === 'TCP_UDP' ? 'true' : 'false',
    'proxy_protocol_v2.enabled': 'false',
    'stickiness.enabled': 'false',
    'stickiness.type': 'source_ip',
    'target_group_health.dns_failover.minimum_healthy_targets.count': '1',
    'target_group_health.dns_failover.minimum_healthy_targets.percentage': 'off',
    'target_group_health.unhealthy_state_routing.minimum_healthy_targets.count': '1',
    'target_group_health.unhealthy_state_routing.minimum_healthy_targets.percentage': 'off',
    'target_health_state.unhealthy.connection_termination.enabled': 'true',
    'target_health_state.unhealthy.draining_interval_seconds': '0',
  }
}

function checkPort(port: number | undefined, what: string): number {
  if (port === undefined || !Number.isInteger(port) || port < 1 || port > 65535) throw new AwsApiError('ValidationError', `${what} must be between 1 and 65535`)
  return port
}

/** Health check settings with AWS's network defaults filled in. */
function healthCheckOf(input: CreateTargetGroupInput): Partial<TargetGroup> {
  const protocol = input.HealthCheckProtocol ?? 'TCP'
  if (!HEALTH_CHECK_PROTOCOLS.includes(protocol)) throw new AwsApiError('ValidationError', `Health check protocol '${protocol}' is not supported for target groups with the '${input.Protocol ?? ''}' protocol`)
  const http = protocol !== 'TCP'
  if (!http && input.HealthCheckPath !== undefined) throw new AwsApiError('ValidationError', 'Health check path is only supported for HTTP and HTTPS health checks')
  const port = input.HealthCheckPort ?? 'traffic-port'
  if (port !== 'traffic-port') checkPort(Number(port), 'Health check port')
  return {
    HealthCheckProtocol: protocol,
    HealthCheckPort: port,
    HealthCheckEnabled: input.HealthCheckEnabled ?? true,
    HealthCheckIntervalSeconds: input.HealthCheckIntervalSeconds ?? 30,
    HealthCheckTimeoutSeconds: input.HealthCheckTimeoutSeconds ?? (http ? 6 : 10),
    HealthyThresholdCount: input.HealthyThresholdCount ?? 5,
    UnhealthyThresholdCount: input.UnhealthyThresholdCount ?? 2,
    ...(http ? { HealthCheckPath: input.HealthCheckPath ?? '/', Matcher: { HttpCode: input.Matcher?.HttpCode ?? '200-399' } } : {}),
  }
}

/** The SDK shape as Describe answers it: LoadBalancerArns follow the listeners. */
function present(context: ApiRequestContext, record: ResourceRecord<TargetGroupData>): TargetGroup {
  return { ...(withoutLocal(record.data) as TargetGroup), LoadBalancerArns: loadBalancersOfTargetGroup(context, record.id) }
}

export function createTargetGroup(input: CreateTargetGroupInput, context: ApiRequestContext): CreateTargetGroupOutput {
  const name = validateElbName(input.Name, 'target group')
  const targetType = input.TargetType ?? 'instance'
  if (targetType !== 'instance' && targetType !== 'ip') throw new AwsApiError('ValidationError', `Target type '${targetType}' is not emulated by the local target; 'instance' and 'ip' are`)
  const protocol = input.Protocol ?? ''
  if (!NETWORK_PROTOCOLS.includes(protocol)) throw new AwsApiError('ValidationError', `Protocol '${protocol}' is not emulated by the local target; network protocols (${NETWORK_PROTOCOLS.join(', ')}) are`)
  const port = checkPort(input.Port, 'Port')
  if (input.VpcId === undefined || context.store.get(context.account, context.region, 'vpc', input.VpcId) === undefined) {
    throw new AwsApiError('ValidationError', `The VPC ID '${input.VpcId ?? ''}' is not found`)
  }
  const existing = listTargetGroups(context).find((r) => r.data.TargetGroupName === name)
  if (existing !== undefined) throw new AwsApiError('DuplicateTargetGroupName', `A target group with the same name '${name}' exists, but with different settings`)
  const arn = targetGroupArn(context.region, context.account, name, newArnHash())
  const data: TargetGroupData = {
    TargetGroupArn: arn,
    TargetGroupName: name,
    Protocol: protocol as TargetGroup['Protocol'],
    Port: port,
    VpcId: input.VpcId,
    ...healthCheckOf(input),
    LoadBalancerArns: [],
    TargetType: targetType,
    IpAddressType: input.IpAddressType ?? 'ipv4',
    local: { attributes: defaultTargetGroupAttributes(targetType, protocol), targets: [] },
  }
  const record = context.store.put({ type: TARGET_GROUP, id: arn, account: context.account, region: context.region, tags: tagsOf(input.Tags), data })
  return { TargetGroups: [present(context, record)] }
}

export function describeTargetGroups(input: DescribeTargetGroupsInput, context: ApiRequestContext): DescribeTargetGroupsOutput {
  let records = listTargetGroups(context)
  if (input.TargetGroupArns?.length) {
    const missing = input.TargetGroupArns.filter((arn) => !records.some((r) => r.id === arn))
    if (missing.length > 0) throw new AwsApiError('TargetGroupNotFound', `Target groups '[${missing.join(', ')}]' not found`)
    records = records.filter((r) => input.TargetGroupArns!.includes(r.id))
  }
  if (input.Names?.length) {
    const missing = input.Names.filter((name) => !records.some((r) => r.data.TargetGroupName === name))
    if (missing.length > 0) throw new AwsApiError('TargetGroupNotFound', `One or more target groups not found`)
    records = records.filter((r) => input.Names!.includes(r.data.TargetGroupName ?? ''))
  }
  if (input.LoadBalancerArn !== undefined) {
    if (context.store.get(context.account, context.region, 'load-balancer', input.LoadBalancerArn) === undefined) {
      throw new AwsApiError('LoadBalancerNotFound', `Load balancer '${input.LoadBalancerArn}' not found`)
    }
    records = records.filter((r) => loadBalancersOfTargetGroup(context, r.id).includes(input.LoadBalancerArn!))
  }
  return { TargetGroups: records.map((r) => present(context, r)) }
}

export function modifyTargetGroup(input: ModifyTargetGroupInput, context: ApiRequestContext): ModifyTargetGroupOutput {
  const record = requireTargetGroup(context, input.TargetGroupArn)
  const current = record.data
  const health = healthCheckOf({
    Name: current.TargetGroupName,
    Protocol: current.Protocol,
    HealthCheckProtocol: input.HealthCheckProtocol ?? current.HealthCheckProtocol,
    HealthCheckPort: input.HealthCheckPort ?? current.HealthCheckPort,
    HealthCheckEnabled: input.HealthCheckEnabled ?? current.HealthCheckEnabled,
    HealthCheckIntervalSeconds: input.HealthCheckIntervalSeconds ?? current.HealthCheckIntervalSeconds,
    HealthCheckTimeoutSeconds: input.HealthCheckTimeoutSeconds ?? current.HealthCheckTimeoutSeconds,
    HealthyThresholdCount: input.HealthyThresholdCount ?? current.HealthyThresholdCount,
    UnhealthyThresholdCount: input.UnhealthyThresholdCount ?? current.UnhealthyThresholdCount,
    HealthCheckPath: (input.HealthCheckProtocol ?? current.HealthCheckProtocol) === 'TCP' ? undefined : (input.HealthCheckPath ?? current.HealthCheckPath),
    Matcher: input.Matcher ?? current.Matcher,
  })
  const updated = context.store.update<TargetGroupData>(record.account, record.region, TARGET_GROUP, record.id, (r) => {
    delete r.data.HealthCheckPath
    delete r.data.Matcher
    Object.assign(r.data, health)
  })!
  return { TargetGroups: [present(context, updated)] }
}

export function deleteTargetGroup(input: DeleteTargetGroupInput, context: ApiRequestContext): DeleteTargetGroupOutput {
  const record = listTargetGroups(context).find((r) => r.id === input.TargetGroupArn)
  if (record === undefined) return {}
  if (listListeners(context).some((l) => forwardedTargetGroups(l.data).includes(record.id))) {
    // The provider retries on exactly this message while the listener is being deleted.
    throw new AwsApiError('ResourceInUse', `Target group '${record.id}' is currently in use by a listener or a rule`)
  }
  context.store.delete(record.account, record.region, TARGET_GROUP, record.id)
  return {}
}

export function describeTargetGroupAttributes(input: DescribeTargetGroupAttributesInput, context: ApiRequestContext): DescribeTargetGroupAttributesOutput {
  const record = requireTargetGroup(context, input.TargetGroupArn)
  return { Attributes: toAttributeList(record.data.local.attributes) }
}

export function modifyTargetGroupAttributes(input: ModifyTargetGroupAttributesInput, context: ApiRequestContext): ModifyTargetGroupAttributesOutput {
  const record = requireTargetGroup(context, input.TargetGroupArn)
  const attributes = applyAttributes(record.data.local.attributes, input.Attributes, (key) => `Target group attribute key '${key}' is not recognized`)
  const delay = Number(attributes['deregistration_delay.timeout_seconds'])
  if (!Number.isInteger(delay) || delay < 0 || delay > 3600) {
    throw new AwsApiError('ValidationError', `Target group attribute value '${attributes['deregistration_delay.timeout_seconds'] ?? ''}' of key 'deregistration_delay.timeout_seconds' must be between 0 and 3600`)
  }
  context.store.update<TargetGroupData>(record.account, record.region, TARGET_GROUP, record.id, (r) => {
    r.data.local.attributes = attributes
  })
  return { Attributes: toAttributeList(attributes) }
}
