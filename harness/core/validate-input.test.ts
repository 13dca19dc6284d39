import { describe, expect, it } from 'vitest'
import { comparisonSchema } from './comparison.js'
import { InputError } from './errors.js'
import { scenarioSchema } from './scenario.js'
import { parseOrThrow } from './validate-input.js'

const base = { name: 'a', fixture: 'same-region-cross-account', description: 'd' }

function problem(schema: Parameters<typeof parseOrThrow>[0], value: unknown): { field: string; message: string } {
  try {
    parseOrThrow(schema, value, 'scenarios/a.scenario.ts')
  } catch (error) {
    if (error instanceof InputError) return { field: error.field, message: error.message }
    throw error
  }
  throw new Error('expected an InputError')
}

describe('parseOrThrow: did you mean', () => {
  it('offers the allowed key closest to a misspelt one, at the misspelt key', () => {
    const { field, message } = problem(scenarioSchema, { ...base, steps: [{ kind: 'probe', sample: 2 }] })
    expect(field).toBe('steps[0].sample')
    expect(message).toMatch(/Unrecognized key\(s\) in object: 'sample'; did you mean "samples"\?$/)
  })

  it('offers the enum value closest to a misspelt one', () => {
    const { field, message } = problem(scenarioSchema, { ...base, steps: [{ kind: 'probe', names: ['regonal'] }] })
    expect(field).toBe('steps[0].names[0]')
    expect(message).toMatch(/received 'regonal'; did you mean "regional"\?$/)
  })

  it('offers the step kind closest to a misspelt one', () => {
    const { field, message } = problem(scenarioSchema, { ...base, steps: [{ kind: 'accept-endpont' }] })
    expect(field).toBe('steps[0].kind')
    expect(message).toMatch(/did you mean "accept-endpoint"\?$/)
  })

  it('looks up the keys of the step kind the step names (a discriminated union)', () => {
    const { field, message } = problem(scenarioSchema, { ...base, steps: [{ kind: 'expect-endpoint-state', stat: 'available' }] })
    expect(field).toBe('steps[0].stat')
    expect(message).toMatch(/did you mean "state"\?$/)
  })

  it('looks inside nested objects with defaults (expect → latency)', () => {
    const { field, message } = problem(scenarioSchema, { ...base, steps: [{ kind: 'probe', expect: { latency: { p59: 3 } } }] })
    expect(field).toBe('steps[0].expect.latency.p59')
    expect(message).toMatch(/did you mean "p50"\?$/)
  })

  it('offers nothing when no allowed key is close', () => {
    const { message } = problem(scenarioSchema, { ...base, steps: [{ kind: 'probe', colour: 'red' }] })
    expect(message).toMatch(/Unrecognized key\(s\) in object: 'colour'$/)
  })

  it('does not offer a key the object already has', () => {
    const { message } = problem(scenarioSchema, { ...base, stepz: [], steps: [{ kind: 'probe' }] })
    expect(message).toMatch(/Unrecognized key\(s\) in object: 'stepz'$/)
  })

  it('does the same for comparison files', () => {
    const sides = { name: 'c', description: 'd', a: 'x', b: 'y' }
    expect(problem(comparisonSchema, { ...sides, nam_kind: 'zonal' }).message).toMatch(/did you mean "name_kind"\?$/)
    expect(problem(comparisonSchema, { ...sides, name_kind: 'regionl' }).message).toMatch(/did you mean "regional"\?$/)
  })
})
