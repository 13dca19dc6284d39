import { describe, expect, it } from 'vitest'
import { InputError } from './errors.js'
import { harnessOutputSchema } from './contract.js'
import { defineScenario, probe, scenarioSchema } from './scenario.js'
import { parseOrThrow } from './validate-input.js'

const base = { name: 'x', fixture: 'same-region-cross-account', description: 'd' }

describe('scenario schema', () => {
  it('fills defaults for a short probe', () => {
    const s = scenarioSchema.parse(defineScenario({ ...base, steps: [probe({ expect: { body: /Hello/ } })] }))
    const step = s.steps[0]!
    expect(step).toMatchObject({ kind: 'probe', from: 'consumers', names: ['regional', 'zonal'], samples: 20, scheme: 'http', path: '/' })
    expect(step.kind === 'probe' && step.expect.body).toBe('Hello')
    expect(s.targets).toEqual(['local', 'aws'])
  })
  it('names the file and field of the first problem', () => {
    const bad = { ...base, steps: [{ kind: 'probe', samples: 0 }] }
    expect(() => parseOrThrow(scenarioSchema, bad, 'scenarios/x.scenario.ts')).toThrowError(InputError)
    expect(() => parseOrThrow(scenarioSchema, bad, 'scenarios/x.scenario.ts')).toThrowError(/^scenarios\/x\.scenario\.ts: steps\[0\]\.samples: /)
  })
  it.each([
    [{ ...base, steps: [] }, 'steps'],
    [{ ...base, name: 'Bad Name', steps: [{ kind: 'wait', seconds: 1 }] }, 'name'],
    [{ ...base, steps: [{ kind: 'probe', port: 70000 }] }, 'steps[0].port'],
    [{ ...base, steps: [{ kind: 'probe', expect: { body: '(' } }] }, 'steps[0].expect.body'],
    [{ ...base, steps: [{ kind: 'probe', expect: { failure: 'exploded' } }] }, 'steps[0].expect.failure'],
    [{ ...base, steps: [{ kind: 'probe', names: ['nope'] }] }, 'steps[0].names[0]'],
    [{ ...base, steps: [{ kind: 'probe', surprise: 1 }] }, 'steps[0].surprise'], // an unknown key is named itself
    [{ ...base, steps: [{ kind: 'teleport' }] }, 'steps[0].kind'],
  ])('rejects %j at %s', (input, field) => {
    try {
      parseOrThrow(scenarioSchema, input, 'f.ts')
      expect.unreachable('should have thrown')
    } catch (error) {
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).field).toBe(field)
    }
  })
  it('accepts a scenario that only expects apply to fail', () => {
    expect(scenarioSchema.parse({ ...base, expect_apply_error: 'InvalidServiceName' }).steps).toEqual([])
  })
})

describe('fixture contract', () => {
  const good = {
    service: { name: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', region: 'us-east-1', ports: [80], expected: { status: 200, body_pattern: '^Hello' } },
    endpoints: [
      {
        id: 'vpce-0123456789abcdef0',
        region: 'us-east-1',
        service_region: 'us-east-1',
        regional_dns: 'vpce-0123456789abcdef0-abcd1234.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com',
        zonal: [{ az: 'us-east-1a', dns: 'vpce-0123456789abcdef0-abcd1234-us-east-1a.vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com' }],
        eni_ips: [{ az: 'us-east-1a', ip: '10.0.1.10' }],
        state: 'available',
      },
    ],
    consumers: [{ instance_id: 'i-0123456789abcdef0', region: 'us-east-1', az: 'us-east-1a', account: '222222222222' }],
  }
  it('accepts a well-formed harness output', () => {
    expect(harnessOutputSchema.parse(good).hostnames).toEqual({})
  })
  it('rejects an unknown endpoint state and a bad ENI IP', () => {
    const bad = structuredClone(good) as typeof good
    bad.endpoints[0]!.state = 'sleeping'
    expect(harnessOutputSchema.safeParse(bad).success).toBe(false)
    const bad2 = structuredClone(good) as typeof good
    bad2.endpoints[0]!.eni_ips[0]!.ip = '10.0.1'
    expect(harnessOutputSchema.safeParse(bad2).success).toBe(false)
  })
})

describe('median_exceeds', () => {
  const base = { name: 'x', fixture: 'native-cross-region', description: 'd' }
  it('accepts a reference to an earlier probe step', () => {
    const s = scenarioSchema.parse({ ...base, steps: [probe({ names: ['regional'] }), probe({ names: ['regional'], expect: { median_exceeds: { step: 1, by_ms: 10 } } })] })
    expect(s.steps[1]).toMatchObject({ expect: { median_exceeds: { step: 1, by_ms: 10, timing: 'time_starttransfer' } } })
  })
  it('refuses a reference to itself, a later step or an action, naming the field', () => {
    for (const steps of [
      [probe({ names: ['regional'], expect: { median_exceeds: { step: 1, by_ms: 10 } } })],
      [{ kind: 'wait', seconds: 0 }, probe({ names: ['regional'], expect: { median_exceeds: { step: 1, by_ms: 10 } } })],
    ]) {
      const result = scenarioSchema.safeParse({ ...base, steps })
      expect(result.success).toBe(false)
      expect(result.error!.issues[0]!.path.join('.')).toMatch(/^steps\.\d\.expect\.median_exceeds\.step$/)
    }
  })
})
