import { describe, expect, it } from 'vitest'
import { InputError } from '../core/errors.js'
import { scenarioSchema } from '../core/scenario.js'
import type { Fixture } from '../core/target.js'
import { mergeVariables } from './load-scenario.js'

const fixture = {
  name: 'same-region-cross-account',
  dir: '/nowhere',
  manifest: {} as Fixture['manifest'],
  variables: { region: { default: 'us-east-1', type: 'string' }, listener_ports: { default: [80], type: 'list(number)' }, run_id: { type: 'string' } },
} satisfies Fixture

const scenarioWith = (vars: Record<string, unknown>) => scenarioSchema.parse({ name: 's', fixture: fixture.name, description: 'd', vars, steps: [{ kind: 'probe' }] })

function mergeError(vars: Record<string, unknown>): InputError {
  try {
    mergeVariables(fixture, scenarioWith(vars), 'scenarios/s.scenario.ts')
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('mergeVariables accepted bad input')
}

describe('mergeVariables', () => {
  it('lays the scenario\'s values over the fixture\'s defaults', () => {
    expect(mergeVariables(fixture, scenarioWith({ listener_ports: [80, 443] }), 'scenarios/s.scenario.ts', { run_id: 'r' })).toEqual({ region: 'us-east-1', listener_ports: [80, 443], run_id: 'r' })
  })

  it('names an undeclared variable, lists the declared ones and offers the closest', () => {
    expect(mergeError({ listener_port: [443] }).message).toBe(
      'scenarios/s.scenario.ts: vars.listener_port: fixture same-region-cross-account declares no such variable (it has: listener_ports, region, run_id); did you mean "listener_ports"?',
    )
    expect(mergeError({ colour: 'red' }).message).toMatch(/\(it has: listener_ports, region, run_id\)$/)
  })

  it('refuses a value of the wrong type', () => {
    expect(mergeError({ listener_ports: ['80'] }).message).toBe('scenarios/s.scenario.ts: vars.listener_ports: expected list(number), got ["80"]')
  })
})
