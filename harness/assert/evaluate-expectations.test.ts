import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { HarnessOutput } from '../core/contract.js'
import type { ProbeSample, ProbeTarget } from '../core/results.js'
import { expectationsSchema, type Expectations } from '../core/scenario.js'
import { countFailures, evaluateExpectations, expectationNames, formatMs, isSampleOk } from './evaluate-expectations.js'

const service: HarnessOutput['service'] = { name: 'svc', region: 'us-east-1', ports: [80], expected: { status: 200, body_pattern: '^ok' } }
const regional: ProbeTarget = { key: 't0', url: 'http://r.example:80/', host: 'r.example', port: 80, name_kind: 'regional' }
const zonal: ProbeTarget = { key: 't1', url: 'http://z.example:80/', host: 'z.example', port: 80, name_kind: 'zonal', az: 'us-east-1a', expected_ip: '10.0.0.10' }

function sample(seq: number, over: Partial<ProbeSample> = {}): ProbeSample {
  return {
    target: 't0',
    seq,
    http_code: 200,
    exitcode: 0,
    errormsg: '',
    remote_ip: '10.0.0.10',
    time_namelookup: 0.1,
    time_connect: 0.5,
    time_appconnect: 0,
    time_starttransfer: 1.5,
    time_total: seq + 1, // 1..n ms
    body_head: 'ok from a\n',
    failure: null,
    ...over,
  }
}
const refused = (seq: number, target = 't0') =>
  sample(seq, { target, exitcode: 7, http_code: 0, remote_ip: '', failure: 'refused', errormsg: 'Failed to connect to r.example port 80 after 0 ms: Connection refused', body_head: '' })
const expectations = (e: unknown): Expectations => expectationsSchema.parse(e)
const run = (target: ProbeTarget, samples: ProbeSample[], e: unknown) => evaluateExpectations({ target, samples, expect: expectations(e), service })

describe('evaluateExpectations', () => {
  it('checks status, body and success by default and reports measured values', () => {
    const samples = Array.from({ length: 20 }, (_, i) => sample(i))
    expect(run(regional, samples, {})).toEqual([
      { name: 'HTTP 200', status: 'passed', detail: '20/20 responses HTTP 200' },
      { name: 'body matches /^ok/', status: 'passed', detail: '20/20 HTTP 200 bodies match (first 256 bytes)' },
      { name: '100% success', status: 'passed', detail: '20/20 ok' },
    ])
  })

  it('names the first failure with its curl exit code and message', () => {
    const samples = [sample(0), refused(1), sample(2, { body_head: 'nope' })]
    const [status, body, success] = run(regional, samples, {})
    expect(status).toMatchObject({ status: 'passed' })
    expect(status!.detail).toContain('1/3 samples got no response; seq 1: curl exit 7 (refused) "Failed to connect')
    expect(body).toMatchObject({ status: 'failed', detail: '1/2 HTTP 200 bodies match (first 256 bytes); seq 2: HTTP 200, body "nope"' })
    expect(success!.status).toBe('failed')
    expect(success!.detail).toMatch(/^1\/3 ok; refused ×1, body mismatch ×1; seq 1: curl exit 7 \(refused\)/)
  })

  it('tolerates failures up to the success ratio in every check', () => {
    const samples = [...Array.from({ length: 19 }, (_, i) => sample(i)), sample(19, { http_code: 503, body_head: 'busy' })]
    const results = run(regional, samples, { success_ratio: 0.95 })
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['HTTP 200', 'passed'],
      ['body matches /^ok/', 'passed'],
      ['≥ 95% success', 'passed'],
    ])
    expect(run(regional, samples, {}).map((r) => r.status)).toEqual(['failed', 'passed', 'failed'])
  })

  it('fails when there is nothing to judge', () => {
    expect(run(regional, [], {}).every((r) => r.status === 'failed')).toBe(true)
    expect(run(regional, [refused(0), refused(1)], {})[0]).toMatchObject({ status: 'failed', detail: expect.stringMatching(/^0\/0 responses HTTP 200; 2\/2 samples got no response/) })
  })

  it('expects a failure class on every sample when failure is set', () => {
    const all = [refused(0), refused(1)]
    expect(run(regional, all, { failure: 'refused' })).toEqual([
      { name: 'fails with refused', status: 'passed', detail: expect.stringMatching(/^2\/2 failed with refused; seen refused ×2; seq 0: curl exit 7 \(refused\) "Failed to connect/) },
    ])
    const mixed = run(regional, [refused(0), sample(1)], { failure: 'refused' })
    expect(mixed[0]).toMatchObject({ status: 'failed', detail: expect.stringMatching(/^1\/2 failed with refused; seen refused ×1, ok ×1; seq 1: HTTP 200/) })
    expect(run(regional, [], { failure: 'dns' })[0]).toMatchObject({ status: 'failed', detail: 'no samples' })
  })

  it('reads http-status as a response with another status than expected', () => {
    const forbidden = [sample(0, { http_code: 403 }), sample(1, { http_code: 403 })]
    expect(run(regional, forbidden, { failure: 'http-status' })[0]!.status).toBe('passed')
    expect(run(regional, forbidden, { failure: 'http-status', status: 403 })[0]!.status).toBe('failed')
  })

  it('checks that a zonal name connects to the ENI of its own AZ', () => {
    const good = [sample(0, { target: 't1' }), sample(1, { target: 't1' })]
    const names = expectationNames(zonal, expectations({ resolves_to_own_az: true }), service)
    expect(names).toContain('resolves to us-east-1a ENI 10.0.0.10')
    expect(run(zonal, good, { resolves_to_own_az: true }).at(-1)).toMatchObject({ status: 'passed', detail: '2/2 connected to 10.0.0.10; seen 10.0.0.10 ×2' })
    const bad = [sample(0, { target: 't1' }), sample(1, { target: 't1', remote_ip: '10.0.1.10' })]
    expect(run(zonal, bad, { resolves_to_own_az: true }).at(-1)).toMatchObject({ status: 'failed', detail: '1/2 connected to 10.0.0.10; seen 10.0.0.10 ×1, 10.0.1.10 ×1' })
    expect(expectationNames(regional, expectations({ resolves_to_own_az: true }), service)).not.toContainEqual(expect.stringMatching(/resolves/))
    const unlisted = { ...zonal, expected_ip: undefined }
    expect(run(unlisted, good, { resolves_to_own_az: true }).at(-1)).toMatchObject({ name: 'resolves to us-east-1a ENI (none listed)', status: 'failed' })
  })

  it('judges each latency bound separately over successful samples only', () => {
    // totals 1..20 ms, plus a slow failure that must not count
    const samples = [...Array.from({ length: 20 }, (_, i) => sample(i)), { ...refused(20), time_total: 5000 }]
    const results = run(regional, samples, { success_ratio: 0.9, latency: { p50: 11, p95: 19, max: 25 } })
    expect(results.slice(3)).toEqual([
      { name: 'p50 < 11 ms (time_total)', status: 'passed', detail: 'p50 = 10.5 ms over 20 successful samples (bound 11 ms)' },
      { name: 'p95 < 19 ms (time_total)', status: 'failed', detail: 'p95 = 19.1 ms over 20 successful samples (bound 19 ms)' },
      { name: 'max < 25 ms (time_total)', status: 'passed', detail: 'max = 20.0 ms over 20 successful samples (bound 25 ms)' },
    ])
    const connect = run(regional, samples, { success_ratio: 0.9, latency: { timing: 'time_connect', p99: 1 } }).at(-1)
    expect(connect).toMatchObject({ name: 'p99 < 1 ms (time_connect)', status: 'passed', detail: 'p99 = 0.50 ms over 20 successful samples (bound 1 ms)' })
    expect(run(regional, [refused(0)], { latency: { p50: 1 } }).at(-1)).toMatchObject({ status: 'failed', detail: 'no successful sample to measure (of 1)' })
  })

  it('uses the step status and body over the service defaults; an empty pattern means any body', () => {
    const names = expectationNames(regional, expectations({ status: 204, body: /^$/ }), service)
    expect(names).toEqual(['HTTP 204', 'body matches /^$/', '100% success'])
    const anyBody = { ...service, expected: { status: 200, body_pattern: '' } }
    expect(expectationNames(regional, expectations({}), anyBody)).toEqual(['HTTP 200', '100% success'])
  })

  it('only judges samples of its own target', () => {
    expect(run(regional, [sample(0), refused(0, 't9')], {})[2]).toMatchObject({ status: 'passed', detail: '1/1 ok' })
  })

  it('reports an invalid service pattern instead of throwing', () => {
    const broken = { ...service, expected: { status: 200, body_pattern: '(' } }
    const results = evaluateExpectations({ target: regional, samples: [sample(0)], expect: expectations({}), service: broken })
    expect(results[1]).toMatchObject({ name: 'body matches /(/', status: 'failed', detail: expect.stringMatching(/invalid body pattern/) })
  })

  it('produces results named and ordered as expectationNames (property)', () => {
    const arbExpect = fc.record(
      {
        status: fc.constantFrom(200, 204, 403),
        body: fc.constantFrom('ok', '^$', ''),
        success_ratio: fc.double({ min: 0, max: 1, noNaN: true }),
        failure: fc.constantFrom('timeout', 'refused', 'dns', 'http-status'),
        resolves_to_own_az: fc.boolean(),
        latency: fc.record({ p50: fc.integer({ min: 1, max: 100 }), p95: fc.integer({ min: 1, max: 100 }), max: fc.integer({ min: 1, max: 100 }) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    )
    const arbSample = fc.oneof(
      fc.nat(50).map((i) => sample(i, { target: 't1' })),
      fc.nat(50).map((i) => refused(i, 't1')),
    )
    fc.assert(
      fc.property(arbExpect, fc.array(arbSample, { maxLength: 30 }), fc.constantFrom(zonal, regional), (e, samples, target) => {
        const expect_ = expectations(e)
        const t = { ...target, key: 't1' }
        const names = expectationNames(t, expect_, service)
        expect(evaluateExpectations({ target: t, samples, expect: expect_, service }).map((r) => r.name)).toEqual(names)
      }),
    )
  })
})

describe('helpers', () => {
  it('isSampleOk needs exit 0, the status and a matching body', () => {
    const criteria = { status: 200, body: /ok/ }
    expect(isSampleOk(sample(0), criteria)).toBe(true)
    expect(isSampleOk(sample(0, { http_code: 500 }), criteria)).toBe(false)
    expect(isSampleOk(sample(0, { body_head: 'no' }), criteria)).toBe(false)
    expect(isSampleOk(sample(0, { body_head: 'no' }), { status: 200, body: null })).toBe(true)
    expect(isSampleOk(refused(0), criteria)).toBe(false)
  })

  it('countFailures counts classes including http-status', () => {
    expect(countFailures([sample(0), refused(1), refused(2), sample(3, { http_code: 503 })], 200)).toEqual({ refused: 2, 'http-status': 1 })
  })

  it('formatMs keeps a sensible precision', () => {
    expect([formatMs(0.256), formatMs(3.14), formatMs(250.4)]).toEqual(['0.26 ms', '3.1 ms', '250 ms'])
  })
})

describe('source, model and relation expectations', () => {
  const withNlb = { ...service, nlb_ips: ['10.0.0.5', '10.0.16.5'] }
  const whoami = (seq: number, ip: string) => sample(seq, { body_head: `${ip}\n` })

  it('source_is_nlb passes only when every response names an NLB IP', () => {
    const e = expectations({ body: '^\\d', source_is_nlb: true })
    const good = [whoami(0, '10.0.0.5'), whoami(1, '10.0.16.5')]
    expect(evaluateExpectations({ target: regional, samples: good, expect: e, service: withNlb }).at(-1)).toMatchObject({ name: 'the service sees an NLB IP as source', status: 'passed' })
    const bad = [whoami(0, '10.0.0.5'), whoami(1, '10.9.9.9')]
    expect(evaluateExpectations({ target: regional, samples: bad, expect: e, service: withNlb }).at(-1)).toMatchObject({ status: 'failed', detail: expect.stringContaining('1/2 responses name an NLB IP') })
    expect(evaluateExpectations({ target: regional, samples: good, expect: e, service }).at(-1)).toMatchObject({ status: 'failed', detail: expect.stringContaining('no service.nlb_ips') })
  })

  it('within_model compares the median (less DNS) with the model, with the larger of the two tolerances', () => {
    const e = expectations({ within_model: { ms: 2, ratio: 0.05 } })
    const at = (ms: number) => Array.from({ length: 5 }, (_, i) => sample(i, { time_namelookup: 1, time_starttransfer: ms + 1 }))
    const model = { timing: 'time_starttransfer' as const, expected_ms: 150 }
    const judge = (ms: number, m: typeof model | null = model) => evaluateExpectations({ target: regional, samples: at(ms), expect: e, service, ...(m ? { model: m } : {}) }).at(-1)!
    expect(judge(157)).toMatchObject({ name: 'median within 2 ms or 5% of the latency model', status: 'passed' })
    expect(judge(158)).toMatchObject({ status: 'failed', detail: expect.stringContaining('error +8.0 ms (tolerance 7.5 ms') })
    expect(judge(142.6)).toMatchObject({ status: 'passed' })
    expect(judge(150, { timing: 'time_starttransfer', expected_ms: 1 })).toMatchObject({ status: 'failed' })
    expect(judge(150, null)).toMatchObject({ status: 'failed', detail: 'the target has no latency model for this path' })
  })

  it('median_exceeds compares with the earlier step\'s samples', () => {
    const e = expectations({ median_exceeds: { step: 1, by_ms: 100 } })
    const slow = Array.from({ length: 5 }, (_, i) => sample(i, { time_starttransfer: 150 }))
    const judge = (earlier: number[]) => evaluateExpectations({ target: regional, samples: slow, expect: e, service, stepValues: () => earlier }).at(-1)!
    expect(judge([1, 2, 3])).toMatchObject({ name: "median time_starttransfer exceeds step 1's by ≥ 100 ms", status: 'passed' })
    expect(judge([60, 60])).toMatchObject({ status: 'failed', detail: expect.stringContaining('difference 90.0 ms') })
    expect(judge([])).toMatchObject({ status: 'failed', detail: expect.stringContaining('nothing to compare') })
  })
})

