import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { InputError } from '../../../core/errors.js'
import { portsVar, readVars, vpcCidr } from './topology-vars.js'

function problem(run: () => unknown): InputError {
  try {
    run()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

describe('vpcCidr', () => {
  it('accepts private and publicly routable /16 to /24 blocks', () => {
    expect(vpcCidr('s.ts', 'consumer_cidr', '10.0.0.0/16').prefix).toBe(16)
    expect(vpcCidr('s.ts', 'consumer_cidr', '100.64.0.0/24').prefix).toBe(24)
  })

  it.each([
    ['127.0.0.0/16', /loopback/],
    ['127.255.0.0/24', /loopback/],
    ['169.254.0.0/16', /link-local/],
    ['224.1.0.0/16', /multicast/],
    ['240.0.0.0/16', /reserved/],
    ['0.0.0.0/16', /this network/],
  ])('refuses %s, naming file and variable', (cidr, why) => {
    const error = problem(() => vpcCidr('scenarios/x.scenario.ts', 'consumer_cidr', cidr))
    expect(error.file).toBe('scenarios/x.scenario.ts')
    expect(error.field).toBe('vars.consumer_cidr')
    expect(error.message).toMatch(why)
  })
})

describe('readVars', () => {
  const schema = z.object({ listener_ports: portsVar })

  it('names a list element with brackets, as every other field path does', () => {
    expect(problem(() => readVars(schema, { listener_ports: [80, 0] }, 's.ts')).field).toBe('vars.listener_ports[1]')
  })

  it('refuses a port listed twice (the fixture requires distinct ports)', () => {
    const error = problem(() => readVars(schema, { listener_ports: [80, 80] }, 's.ts'))
    expect(error.field).toBe('vars.listener_ports')
    expect(error.message).toMatch(/more than once/)
  })
})
