// Typed access to the ELBv2 records in the store, with the not-found errors the provider's finders
// recognise (LoadBalancerNotFound, TargetGroupNotFound, ListenerNotFound).
import type { Listener, LoadBalancer, TargetGroup } from '@aws-sdk/client-elastic-load-balancing-v2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import type { ResourceRecord } from '../../store/aws-store.js'

/** What the load balancer keeps beside its SDK shape. */
export interface LoadBalancerLocal {
  /** `LoadBalancerAttribute` key → value, as DescribeLoadBalancerAttributes lists them */
  attributes: Record<string, string>
  /** one ENI per AZ node, in the order of AvailabilityZones */
  networkInterfaceIds: string[]
  /** epoch ms when provisioning ends */
  activeAt: number
}

/** One registration of a target group. */
export interface RegisteredTarget {
  Id: string
  Port: number
  AvailabilityZone?: string
  registeredAt: number
  /** set by DeregisterTargets; the target drains until deregisteredAt + deregistration delay */
  deregisteredAt?: number
}

/** What the target group keeps beside its SDK shape. */
export interface TargetGroupLocal {
  attributes: Record<string, string>
  targets: RegisteredTarget[]
  /**
   * Health the data plane observed, by target key (`id:port`); when present it replaces the
   * time-based default once the initial checks are over.
   */
  observedHealth?: Record<string, { State: string; Reason?: string; Description?: string }>
}

export interface ListenerLocal {
  attributes: Record<string, string>
}

export type LoadBalancerData = LoadBalancer & { local: LoadBalancerLocal }
export type TargetGroupData = TargetGroup & { local: TargetGroupLocal }
export type ListenerData = Listener & { local: ListenerLocal }

export const LOAD_BALANCER = 'load-balancer'
export const TARGET_GROUP = 'target-group'
export const LISTENER = 'listener'

export function findLoadBalancer(context: ApiRequestContext, arn: string | undefined): ResourceRecord<LoadBalancerData> | undefined {
  return arn === undefined ? undefined : context.store.get<LoadBalancerData>(context.account, context.region, LOAD_BALANCER, arn)
}

export function requireLoadBalancer(context: ApiRequestContext, arn: string | undefined): ResourceRecord<LoadBalancerData> {
  const record = findLoadBalancer(context, arn)
  if (record === undefined) throw new AwsApiError('LoadBalancerNotFound', `Load balancer '${arn ?? ''}' not found`)
  return record
}

export function requireTargetGroup(context: ApiRequestContext, arn: string | undefined): ResourceRecord<TargetGroupData> {
  const record = arn === undefined ? undefined : context.store.get<TargetGroupData>(context.account, context.region, TARGET_GROUP, arn)
  if (record === undefined) throw new AwsApiError('TargetGroupNotFound', `Target groups '${arn ?? ''}' not found`)
  return record
}

export function requireListener(context: ApiRequestContext, arn: string | undefined): ResourceRecord<ListenerData> {
  const record = arn === undefined ? undefined : context.store.get<ListenerData>(context.account, context.region, LISTENER, arn)
  if (record === undefined) throw new AwsApiError('ListenerNotFound', `Listener '${arn ?? ''}' not found`)
  return record
}

export function listLoadBalancers(context: ApiRequestContext): ResourceRecord<LoadBalancerData>[] {
  return context.store.list<LoadBalancerData>({ type: LOAD_BALANCER, account: context.account, region: context.region })
}

export function listTargetGroups(context: ApiRequestContext): ResourceRecord<TargetGroupData>[] {
  return context.store.list<TargetGroupData>({ type: TARGET_GROUP, account: context.account, region: context.region })
}

export function listListeners(context: ApiRequestContext): ResourceRecord<ListenerData>[] {
  return context.store.list<ListenerData>({ type: LISTENER, account: context.account, region: context.region })
}

/** Target group ARNs a listener forwards to (default actions, simple and weighted forwards). */
export function forwardedTargetGroups(listener: Listener): string[] {
  const arns = new Set<string>()
  for (const action of listener.DefaultActions ?? []) {
    if (action.TargetGroupArn) arns.add(action.TargetGroupArn)
    for (const tg of action.ForwardConfig?.TargetGroups ?? []) if (tg.TargetGroupArn) arns.add(tg.TargetGroupArn)
  }
  return [...arns]
}

/** Load balancers whose listeners forward to this target group (TargetGroup.LoadBalancerArns). */
export function loadBalancersOfTargetGroup(context: ApiRequestContext, tgArn: string): string[] {
  const arns = new Set<string>()
  for (const listener of listListeners(context)) {
    if (forwardedTargetGroups(listener.data).includes(tgArn) && listener.data.LoadBalancerArn) arns.add(listener.data.LoadBalancerArn)
  }
  return [...arns]
}

/** The SDK shape without the local part (what Describe* answers). */
export function withoutLocal<T extends { local?: unknown }>(data: T): Omit<T, 'local'> {
  const { local: _local, ...rest } = data
  return rest
}

/** Attribute list from a key → value map, sorted by key as AWS lists them. */
export function toAttributeList(attributes: Record<string, string>): Array<{ Key: string; Value: string }> {
  return Object.keys(attributes)
    .sort()
    .map((Key) => ({ Key, Value: attributes[Key]! }))
}

/** Applies `Attributes` to a map, refusing keys the resource type does not have (as AWS does). */
export function applyAttributes(current: Record<string, string>, changes: Array<{ Key?: string; Value?: string }> | undefined, describe: (key: string) => string): Record<string, string> {
  const next = { ...current }
  for (const change of changes ?? []) {
    const key = change.Key ?? ''
    if (!(key in current)) throw new AwsApiError('ValidationError', describe(key))
    next[key] = change.Value ?? ''
  }
  return next
}

/** A tag map from the SDK's `Tags` list (CreateLoadBalancer, CreateTargetGroup, CreateListener). */
export function tagsOf(tags: Array<{ Key?: string; Value?: string }> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const tag of tags ?? []) if (tag.Key !== undefined) out[tag.Key] = tag.Value ?? ''
  return out
}
