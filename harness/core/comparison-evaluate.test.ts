import { describe, expect, it } from 'vitest'
import { buildProbeResult, buildPassingScenario } from '../report/test-fixtures.js'
import { comparisonSchema } from './comparison.js'
import { collectComparedSamples, defaultComparisonTiming, evaluateComparison, evaluateComparisons } from './comparison-evaluate.js'
import type { ScenarioResult } from './results.js'

/** A scenario whose regional name answers around `base` ms from two consumers (the second with a failed sample). */
function scenarioAt(name: string, base: number, seed: number): ScenarioResult {
  return {
    ...buildPassingScenario(),
    name,
    probes: [
      buildProbeResult({ consumer_az: 'eu-west-2a', dns_name: `${name}.regional`, name_kind: 'regional', base_ms: base, expected_ms: base, seed }),
      buildProbeResult({
        consumer_az: 'eu-west-2b',
        dns_name: `${name}.regional`,
        name_kind: 'regional',
        base_ms: base,
        expected_ms: base,
        seed: seed + 1,
        failing: { 3: { failure: 'timeout', exitcode: 28, errormsg: 'Connection timed out after 2001 milliseconds' } },
      }),
      buildProbeResult({ consumer_az: 'eu-west-2a', dns_name: `${name}.zonal`, name_kind: 'zonal', az: 'eu-west-2a', base_ms: base * 3, seed: seed + 2 }),
    ],
  }
}

const native = scenarioAt('native-cross-region', 78, 100)
const relay = scenarioAt('peered-outpost-relay', 92, 200)
const parse = (input: unknown) => comparisonSchema.parse(input)

describe('collectComparedSamples', () => {
  it('pools the successful samples of every probe of the kind, leaving failed ones out', () => {
    const values = collectComparedSamples(native, 'regional', 'time_total')
    expect(values).toHaveLength(39) // 20 + 20 − the timed-out sample
    expect(values).not.toContain(2001)
    expect(Math.max(...values)).toBeLessThan(78 * 1.6)
    expect(collectComparedSamples(native, 'zonal', 'time_total').every((v) => v > 78 * 2.9)).toBe(true)
    expect(collectComparedSamples(native, 'hostname', 'time_total')).toEqual([])
  })

  it('defaults the timing to the latency model of the probes, else time_starttransfer', () => {
    expect(defaultComparisonTiming(native, relay, 'regional')).toBe('time_total')
    expect(defaultComparisonTiming(native, relay, 'zonal')).toBe('time_starttransfer') // zonal probes have no model
  })
})

describe('evaluateComparison', () => {
  it('passes an expectation the data support, with the numbers in the detail', () => {
    const result = evaluateComparison(parse({ name: 'native-vs-relay', description: 'd', a: native.name, b: relay.name, expect: { faster: 'a', by_at_least_ms: 5 } }), native, relay)
    expect(result.status).toBe('passed')
    expect(result.timing).toBe('time_total')
    expect(result.stats!.verdict).toBe('a-faster')
    expect(result.stats!.a.n).toBe(39)
    expect(result.stats!.median_diff_ms).toBeLessThan(-10)
    expect(result.detail).toMatch(/^expected native-cross-region to be faster by at least 5 ms: native-cross-region is faster by 1\d\.\d ms/)
  })

  it('fails when the other side is faster', () => {
    const result = evaluateComparison(parse({ name: 'x', description: 'd', a: native.name, b: relay.name, expect: { faster: 'b' } }), native, relay)
    expect(result.status).toBe('failed')
    expect(result.detail).toMatch(/^expected peered-outpost-relay to be faster, but native-cross-region is faster/)
  })

  it('fails when the faster side does not win by the margin asked for', () => {
    const result = evaluateComparison(parse({ name: 'x', description: 'd', a: native.name, b: relay.name, expect: { faster: 'a', by_at_least_ms: 40 } }), native, relay)
    expect(result.status).toBe('failed')
    expect(result.detail).toMatch(/lower by only 1\d\.\d ms/)
  })

  it('fails an expectation on a scenario that answered nothing of that kind, and skips a comparison without one', () => {
    const failedExpect = evaluateComparison(parse({ name: 'x', description: 'd', a: native.name, b: relay.name, name_kind: 'hostname', expect: { faster: 'a' } }), native, relay)
    expect(failedExpect).toMatchObject({ status: 'failed', stats: null })
    expect(failedExpect.detail).toMatch(/no successful hostname sample in native-cross-region and peered-outpost-relay/)
    const informational = evaluateComparison(parse({ name: 'x', description: 'd', a: native.name, b: relay.name, name_kind: 'hostname' }), native, relay)
    expect(informational.status).toBe('skipped')
  })

  it('is informational without an expectation', () => {
    const result = evaluateComparison(parse({ name: 'x', description: 'd', a: native.name, b: relay.name }), native, relay)
    expect(result.status).toBe('informational')
    expect(result.detail).toBe(result.stats!.sentence)
  })
})

describe('evaluateComparisons', () => {
  it('evaluates only comparisons whose two scenarios ran', () => {
    const both = parse({ name: 'both', description: 'd', a: native.name, b: relay.name })
    const one = parse({ name: 'one', description: 'd', a: native.name, b: 'tls-via-cname' })
    expect(evaluateComparisons([both, one], [native, relay]).map((c) => c.name)).toEqual(['both'])
  })
})

describe('comparisonSchema', () => {
  it('refuses a comparison of a scenario with itself, naming b', () => {
    const result = comparisonSchema.safeParse({ name: 'x', description: 'd', a: 'same', b: 'same' })
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]!.path).toEqual(['b'])
  })
})
