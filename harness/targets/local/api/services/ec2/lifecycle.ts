// Delayed state changes (instance pending → running, shutting-down → terminated, endpoint pending →
// available): AWS never answers a create with the final state, and the provider's waiters expect
// to see the transition. The change lands in the store on a timer, so the reconciler hears of it
// as a store change like any other. Timers never keep the process alive.
import type { AwsStore, ResourceRecord } from '../../store/aws-store.js'

/** How long each transition takes locally (AWS takes seconds to minutes; the waiters poll at 5–10 s). */
export const TRANSITION_MS = {
  instanceRunning: 1000,
  instanceTerminated: 1000,
  /** terminated instances and failed peering connections stay visible for a while, as on AWS (an hour or two there), then leave the store */
  forgotten: 60_000,
  endpointAvailable: 1000,
  serviceAvailable: 500,
  /** a supported region other than the service's own starts Pending (SupportedRegionDetail.ServiceState) */
  supportedRegionAvailable: 2000,
} as const

/** Applies `change` to the record after `delayMs`, if it still exists then. */
export function scheduleTransition<T>(store: AwsStore, record: Pick<ResourceRecord, 'account' | 'region' | 'type' | 'id'>, delayMs: number, change: (record: ResourceRecord<T>, store: AwsStore) => void): void {
  const timer = setTimeout(() => {
    const current = store.get<T>(record.account, record.region, record.type, record.id)
    if (current === undefined) return
    store.update<T>(record.account, record.region, record.type, record.id, (r) => change(r, store))
  }, delayMs)
  timer.unref?.()
}

/** Removes the record after `delayMs` (terminated instances leave DescribeInstances after a while). */
export function scheduleRemoval(store: AwsStore, record: Pick<ResourceRecord, 'account' | 'region' | 'type' | 'id'>, delayMs: number): void {
  const timer = setTimeout(() => store.delete(record.account, record.region, record.type, record.id), delayMs)
  timer.unref?.()
}
