// aws_lb_listener: CreateListener, DescribeListeners, ModifyListener, DeleteListener and the
// listener's attributes, for TCP/UDP/TCP_UDP and TLS (with a certificate ARN) on network load
// balancers, forwarding to one target group.
import type {
  Action,
  CreateListenerInput,
  CreateListenerOutput,
  DeleteListenerInput,
  DeleteListenerOutput,
  DescribeListenerAttributesInput,
  DescribeListenerAttributesOutput,
  DescribeListenersInput,
  DescribeListenersOutput,
  Listener,
  ModifyListenerAttributesInput,
  ModifyListenerAttributesOutput,
  ModifyListenerInput,
  ModifyListenerOutput,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import { listenerArn, newArnHash } from './arns.js'
import {
  LISTENER,
  applyAttributes,
  forwardedTargetGroups,
  listListeners,
  loadBalancersOfTargetGroup,
  requireListener,
  requireLoadBalancer,
  requireTargetGroup,
  tagsOf,
  toAttributeList,
  withoutLocal,
  type ListenerData,
} from './records.js'

const LISTENER_PROTOCOLS = ['TCP', 'TLS', 'UDP', 'TCP_UDP']

/** NLB TLS listeners' default security policy. */
export const DEFAULT_TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06'

/** Default actions, checked: forwards to target groups of the right protocol family, not used by another load balancer. */
function checkedActions(context: ApiRequestContext, lbArn: string, actions: Action[] | undefined): Action[] {
  if (!actions?.length) throw new AwsApiError('ValidationError', 'A default action must be specified')
  return actions.map((action, index) => {
    if (action.Type !== 'forward') throw new AwsApiError('InvalidLoadBalancerAction', `Action type '${action.Type ?? ''}' is not supported on network load balancers`)
    const arns = forwardedTargetGroups({ DefaultActions: [action] })
    if (arns.length !== 1) throw new AwsApiError('ValidationError', 'A forward action of a network load balancer takes exactly one target group')
    const tgArn = arns[0]!
    requireTargetGroup(context, tgArn)
    const others = loadBalancersOfTargetGroup(context, tgArn).filter((arn) => arn !== lbArn)
    if (others.length > 0) throw new AwsApiError('TargetGroupAssociationLimit', `The following target groups cannot be associated with more than one load balancer: ${tgArn}`)
    return {
      Type: 'forward',
      TargetGroupArn: tgArn,
      Order: action.Order ?? index + 1,
      ForwardConfig: { TargetGroups: [{ TargetGroupArn: tgArn, Weight: 1 }], TargetGroupStickinessConfig: { Enabled: false } },
    }
  })
}

/** AWS's predefined policies are all named `ELBSecurityPolicy-…`; anything else is not one. */
function checkedSslPolicy(policy: string | undefined): string {
  const name = policy ?? DEFAULT_TLS_POLICY
  if (!/^ELBSecurityPolicy-[A-Za-z0-9-]+$/.test(name)) throw new AwsApiError('SSLPolicyNotFound', `SSL policy '${name}' not found`)
  return name
}

function checkedCertificates(protocol: string, certificates: CreateListenerInput['Certificates']): CreateListenerInput['Certificates'] {
  if (protocol !== 'TLS') return undefined
  const arn = certificates?.[0]?.CertificateArn
  if (arn === undefined || arn === '') throw new AwsApiError('ValidationError', 'A certificate must be specified for TLS listeners')
  if (!/^arn:[^:]+:(acm|iam):/.test(arn)) throw new AwsApiError('CertificateNotFound', `Certificate '${arn}' not found`)
  return [{ CertificateArn: arn }]
}

function checkedProtocolAndPort(protocol: string | undefined, port: number | undefined): { protocol: string; port: number } {
  if (protocol === undefined || !LISTENER_PROTOCOLS.includes(protocol)) {
    throw new AwsApiError('UnsupportedProtocol', `Protocol '${protocol ?? ''}' is not supported on network load balancers by the local target (${LISTENER_PROTOCOLS.join(', ')})`)
  }
  if (port === undefined || !Number.isInteger(port) || port < 1 || port > 65535) throw new AwsApiError('ValidationError', 'Port must be between 1 and 65535')
  return { protocol, port }
}

export function createListener(input: CreateListenerInput, context: ApiRequestContext): CreateListenerOutput {
  const lb = requireLoadBalancer(context, input.LoadBalancerArn)
  const { protocol, port } = checkedProtocolAndPort(input.Protocol, input.Port)
  if (listListeners(context).some((l) => l.data.LoadBalancerArn === lb.id && l.data.Port === port)) {
    throw new AwsApiError('DuplicateListener', `A listener already exists on this port for this load balancer '${lb.id}'`)
  }
  const certificates = checkedCertificates(protocol, input.Certificates)
  const defaultActions = checkedActions(context, lb.id, input.DefaultActions)
  const arn = listenerArn(lb.id, newArnHash())
  const data: ListenerData = {
    ListenerArn: arn,
    LoadBalancerArn: lb.id,
    Port: port,
    Protocol: protocol as Listener['Protocol'],
    ...(certificates ? { Certificates: certificates, SslPolicy: checkedSslPolicy(input.SslPolicy) } : {}),
    ...(input.AlpnPolicy?.length ? { AlpnPolicy: input.AlpnPolicy } : {}),
    DefaultActions: defaultActions,
    local: { attributes: protocol === 'TCP' ? { 'tcp.idle_timeout.seconds': '350' } : {} },
  }
  context.store.put({ type: LISTENER, id: arn, account: context.account, region: context.region, tags: tagsOf(input.Tags), data })
  return { Listeners: [withoutLocal(data) as Listener] }
}

export function describeListeners(input: DescribeListenersInput, context: ApiRequestContext): DescribeListenersOutput {
  let records = listListeners(context)
  if (input.LoadBalancerArn !== undefined) {
    requireLoadBalancer(context, input.LoadBalancerArn)
    records = records.filter((r) => r.data.LoadBalancerArn === input.LoadBalancerArn)
  }
  if (input.ListenerArns?.length) {
    const missing = input.ListenerArns.filter((arn) => !records.some((r) => r.id === arn))
    if (missing.length > 0) throw new AwsApiError('ListenerNotFound', `One or more listeners not found`)
    records = records.filter((r) => input.ListenerArns!.includes(r.id))
  }
  return { Listeners: records.map((r) => withoutLocal(r.data) as Listener) }
}

export function modifyListener(input: ModifyListenerInput, context: ApiRequestContext): ModifyListenerOutput {
  const record = requireListener(context, input.ListenerArn)
  const { protocol, port } = checkedProtocolAndPort(input.Protocol ?? record.data.Protocol, input.Port ?? record.data.Port)
  if (port !== record.data.Port && listListeners(context).some((l) => l.data.LoadBalancerArn === record.data.LoadBalancerArn && l.data.Port === port)) {
    throw new AwsApiError('DuplicateListener', `A listener already exists on this port for this load balancer '${record.data.LoadBalancerArn ?? ''}'`)
  }
  const certificates = checkedCertificates(protocol, input.Certificates ?? record.data.Certificates)
  const defaultActions = input.DefaultActions ? checkedActions(context, record.data.LoadBalancerArn!, input.DefaultActions) : record.data.DefaultActions
  const updated = context.store.update<ListenerData>(record.account, record.region, LISTENER, record.id, (r) => {
    r.data.Port = port
    r.data.Protocol = protocol as Listener['Protocol']
    r.data.DefaultActions = defaultActions
    if (certificates) {
      r.data.Certificates = certificates
      r.data.SslPolicy = checkedSslPolicy(input.SslPolicy ?? r.data.SslPolicy)
    } else {
      delete r.data.Certificates
      delete r.data.SslPolicy
    }
    if (input.AlpnPolicy) r.data.AlpnPolicy = input.AlpnPolicy
    r.data.local.attributes = protocol === 'TCP' ? { 'tcp.idle_timeout.seconds': r.data.local.attributes['tcp.idle_timeout.seconds'] ?? '350' } : {}
  })!
  return { Listeners: [withoutLocal(updated.data) as Listener] }
}

export function deleteListener(input: DeleteListenerInput, context: ApiRequestContext): DeleteListenerOutput {
  const record = requireListener(context, input.ListenerArn)
  context.store.delete(record.account, record.region, LISTENER, record.id)
  return {}
}

export function describeListenerAttributes(input: DescribeListenerAttributesInput, context: ApiRequestContext): DescribeListenerAttributesOutput {
  const record = requireListener(context, input.ListenerArn)
  return { Attributes: toAttributeList(record.data.local.attributes) }
}

export function modifyListenerAttributes(input: ModifyListenerAttributesInput, context: ApiRequestContext): ModifyListenerAttributesOutput {
  const record = requireListener(context, input.ListenerArn)
  const attributes = applyAttributes(record.data.local.attributes, input.Attributes, (key) => `Listener attribute key '${key}' is not supported on ${record.data.Protocol ?? ''} listeners`)
  const idle = attributes['tcp.idle_timeout.seconds']
  if (idle !== undefined && !(Number(idle) >= 60 && Number(idle) <= 6000)) throw new AwsApiError('ValidationError', `Listener attribute value '${idle}' of key 'tcp.idle_timeout.seconds' must be between 60 and 6000`)
  context.store.update<ListenerData>(record.account, record.region, LISTENER, record.id, (r) => {
    r.data.local.attributes = attributes
  })
  return { Attributes: toAttributeList(attributes) }
}
