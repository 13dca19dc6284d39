// The health a target reports, as a pure function of time and configuration: AWS's sequence for a
// new registration (initial → healthy once the healthy threshold of checks has passed), `unused`
// when no load balancer uses the group, `draining` during the deregistration delay, and `unused`
// with Target.NotRegistered afterwards. Health the data plane observed replaces the default.
import type { TargetHealth } from '@aws-sdk/client-elastic-load-balancing-v2'
import type { RegisteredTarget, TargetGroupData } from './records.js'

/** What the health of one registration depends on besides the target itself. */
export interface TargetHealthInputs {
  group: TargetGroupData
  /** whether a listener of some load balancer forwards to the group */
  inUse: boolean
  /** whether that load balancer is still provisioning */
  loadBalancerProvisioning: boolean
  now: number
}

/** `id:port`: how registrations are told apart (one instance may be registered on two ports). */
export function targetKey(target: { Id?: string; Port?: number }): string {
  return `${target.Id ?? ''}:${target.Port ?? ''}`
}

/** How long the initial checks take: interval × healthy threshold. */
export function initialHealthCheckMs(group: TargetGroupData): number {
  return (group.HealthCheckIntervalSeconds ?? 30) * (group.HealthyThresholdCount ?? 5) * 1000
}

/** When a deregistered target stops draining. */
export function drainingEndsAt(group: TargetGroupData, target: RegisteredTarget): number | undefined {
  if (target.deregisteredAt === undefined) return undefined
  return target.deregisteredAt + Number(group.local.attributes['deregistration_delay.timeout_seconds'] ?? '300') * 1000
}

/** The health of a registration (or of a target that is not registered: `registered` undefined). */
export function targetHealthAt(registered: RegisteredTarget | undefined, inputs: TargetHealthInputs): TargetHealth {
  if (registered === undefined) {
    return { State: 'unused', Reason: 'Target.NotRegistered', Description: 'Target is not registered to the target group' }
  }
  const drainEnd = drainingEndsAt(inputs.group, registered)
  if (drainEnd !== undefined) {
    if (inputs.now < drainEnd) return { State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' }
    return { State: 'unused', Reason: 'Target.NotRegistered', Description: 'Target is not registered to the target group' }
  }
  if (!inputs.inUse) return { State: 'unused', Reason: 'Target.NotInUse', Description: 'Target group is not configured to receive traffic from the load balancer' }
  if (inputs.group.HealthCheckEnabled === false) return { State: 'unavailable', Reason: 'Target.HealthCheckDisabled', Description: 'Health checks disabled' }
  if (inputs.loadBalancerProvisioning) return { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' }
  if (inputs.now < registered.registeredAt + initialHealthCheckMs(inputs.group)) {
    return { State: 'initial', Reason: 'Elb.InitialHealthChecking', Description: 'Initial health checks in progress' }
  }
  const observed = inputs.group.local.observedHealth?.[targetKey(registered)]
  if (observed !== undefined) return { ...observed, State: observed.State as TargetHealth['State'], Reason: observed.Reason as TargetHealth['Reason'] }
  return { State: 'healthy' }
}
