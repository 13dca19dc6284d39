// Picks the planner for the topology a fixture's manifest names (a small registry, so adding a
// topology is one file and one line).
import { InputError } from '../../../core/errors.js'
import type { PlannerInput, TopologyPlan } from './plan-types.js'
import { planNativeCrossRegion } from './plan-native-cross-region.js'
import { planPeeredOutpostRelay } from './plan-peered-outpost-relay.js'
import { planSameRegionCrossAccount } from './plan-same-region-cross-account.js'
import { planTlsViaCname } from './plan-tls-via-cname.js'

type Planner = (input: PlannerInput) => TopologyPlan

const planners: Record<string, Planner> = {
  'same-region-cross-account': planSameRegionCrossAccount,
  'native-cross-region': planNativeCrossRegion,
  'peered-outpost-relay': planPeeredOutpostRelay,
  'tls-via-cname': planTlsViaCname,
}

/** Topologies the local target can build. */
export function localTopologies(): string[] {
  return Object.keys(planners)
}

/** Plans `topology` from variables; bad variables and unknown topologies are input errors. */
export function planTopology(topology: string | undefined, input: Parameters<Planner>[0]): TopologyPlan {
  const planner = topology ? planners[topology] : undefined
  if (!planner) {
    throw new InputError(input.source, 'fixture', `the local target cannot build topology "${topology ?? '(none)'}"; it builds: ${localTopologies().join(', ')}`)
  }
  return planner(input)
}
