import { State } from '@aws-sdk/client-ec2'
import { describe, expect, it } from 'vitest'
import { endpointSchema } from '../../core/contract.js'
import { InfrastructureError } from '../../core/errors.js'
import { isFinalEndpointState, toContractState } from './endpoint-states.js'

describe('endpoint states', () => {
  it.each(Object.values(State))('EC2 state %s maps to a state the contract accepts (either spelling)', (state) => {
    const camel = state[0]!.toLowerCase() + state.slice(1)
    const contract = toContractState(camel, 'vpce-0123456789abcdef0')
    expect(toContractState(state, 'vpce-0123456789abcdef0')).toBe(contract)
    expect(endpointSchema.shape.state.safeParse(contract).success).toBe(true)
  })

  it('expired and partial are known: expired is final like failed, partial may still become available', () => {
    expect(toContractState('expired', 'vpce-0123456789abcdef0')).toBe('expired')
    expect(toContractState('partial', 'vpce-0123456789abcdef0')).toBe('partial')
    expect(isFinalEndpointState('expired')).toBe(true)
    expect(isFinalEndpointState('Partial')).toBe(false)
    expect(isFinalEndpointState('pendingAcceptance')).toBe(false)
  })

  it('a state EC2 does not document is NOT_READY naming the endpoint and the state', () => {
    expect(() => toContractState('hibernating', 'vpce-0123456789abcdef0')).toThrow(InfrastructureError)
    expect(() => toContractState('hibernating', 'vpce-0123456789abcdef0')).toThrow('vpce-0123456789abcdef0 is in a state the harness does not know: hibernating')
  })
})
