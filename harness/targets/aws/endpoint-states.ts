// One table for every interface endpoint state EC2 documents (the SDK's `State` enum: EC2 answers
// in camelCase on the wire, e.g. `pendingAcceptance`): the contract's spelling, and whether the
// endpoint can still become available by itself. Readiness, the actions and refreshed outputs all
// read it, so a state AWS adds is one row here, not a throw in one place and a pass in another.
import { State } from '@aws-sdk/client-ec2'
import type { EndpointOutput } from '../../core/contract.js'
import { InfrastructureError } from '../../core/errors.js'

export type ContractEndpointState = EndpointOutput['state']

interface EndpointStateRow {
  contract: ContractEndpointState
  /** the endpoint never becomes available from here without someone acting (or at all) */
  final: boolean
}

/** EC2 state (lower case) → its row. `partial` (some of the endpoint's subnets are not ready yet) may still become available. */
export const ENDPOINT_STATES: Readonly<Record<Lowercase<State>, EndpointStateRow>> = {
  pendingacceptance: { contract: 'pendingAcceptance', final: false },
  pending: { contract: 'pending', final: false },
  partial: { contract: 'partial', final: false },
  available: { contract: 'available', final: false },
  rejected: { contract: 'rejected', final: true },
  failed: { contract: 'failed', final: true },
  expired: { contract: 'expired', final: true },
  deleting: { contract: 'deleting', final: true },
  deleted: { contract: 'deleted', final: true },
}

function rowOf(state: string): EndpointStateRow | undefined {
  return (ENDPOINT_STATES as Record<string, EndpointStateRow>)[state.toLowerCase()]
}

/** The contract's spelling of an EC2 endpoint state; a state EC2 does not document is NOT_READY naming it. */
export function toContractState(state: string, endpointId: string): ContractEndpointState {
  const row = rowOf(state)
  if (!row) throw new InfrastructureError('NOT_READY', `interface endpoint ${endpointId} is in a state the harness does not know: ${state}`, { fields: { endpointId, state } })
  return row.contract
}

/** Whether the endpoint can no longer become available by itself (an unknown state is not final: keep waiting, then time out naming it). */
export function isFinalEndpointState(state: string): boolean {
  return rowOf(state)?.final ?? false
}
