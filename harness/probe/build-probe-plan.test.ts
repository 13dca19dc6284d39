import { describe, expect, it } from 'vitest'
import { harnessOutputSchema, type HarnessOutput, type InstanceRef } from '../core/contract.js'
import { probeStepSchema, type ProbeStepInput } from '../core/scenario.js'
import { buildProbePlan } from './build-probe-plan.js'

const outputs: HarnessOutput = harnessOutputSchema.parse({
  service: { name: 'com.amazonaws.vpce.us-east-1.vpce-svc-0abc12345', region: 'us-east-1', ports: [8080, 443], expected: { status: 200, body_pattern: 'ok' } },
  endpoints: [
    {
      id: 'vpce-0123456789abcdef0',
      region: 'us-east-1',
      service_region: 'us-east-1',
      regional_dns: 'vpce-0123456789abcdef0-abcd.vpce-svc-0abc12345.us-east-1.vpce.amazonaws.com',
      zonal: [
        { az: 'us-east-1a', dns: 'vpce-0123456789abcdef0-abcd-us-east-1a.vpce-svc-0abc12345.us-east-1.vpce.amazonaws.com' },
        { az: 'us-east-1b', dns: 'vpce-0123456789abcdef0-abcd-us-east-1b.vpce-svc-0abc12345.us-east-1.vpce.amazonaws.com' },
      ],
      eni_ips: [{ az: 'us-east-1a', ip: '10.1.1.10' }],
      state: 'available',
    },
  ],
  consumers: [
    { instance_id: 'i-0123456789abcdef0', region: 'us-east-1', az: 'us-east-1a', account: 'consumer', private_ip: '10.1.1.20' },
    { instance_id: 'i-0123456789abcdef1', region: 'us-east-1', az: 'us-east-1b', account: 'consumer', private_ip: '10.1.2.20' },
  ],
  hostnames: { tls: 'consumer-link.example.internal' },
})
const instance: InstanceRef = outputs.consumers[0]!

function step(input: Omit<ProbeStepInput, 'kind'>) {
  return probeStepSchema.parse({ kind: 'probe', ...input })
}

describe('buildProbePlan', () => {
  it('expands regional then zonal names with keys t0, t1… and the first service port', () => {
    const plan = buildProbePlan(step({}), outputs, instance)
    expect(plan.map((t) => t.key)).toEqual(['t0', 't1', 't2'])
    expect(plan[0]).toEqual({
      key: 't0',
      url: 'http://vpce-0123456789abcdef0-abcd.vpce-svc-0abc12345.us-east-1.vpce.amazonaws.com:8080/',
      host: 'vpce-0123456789abcdef0-abcd.vpce-svc-0abc12345.us-east-1.vpce.amazonaws.com',
      port: 8080,
      name_kind: 'regional',
    })
    expect(plan[1]).toMatchObject({ name_kind: 'zonal', az: 'us-east-1a', expected_ip: '10.1.1.10' })
    expect(plan[2]).toMatchObject({ name_kind: 'zonal', az: 'us-east-1b' })
    expect(plan[2]).not.toHaveProperty('expected_ip')
  })

  it('uses the step port, scheme and path', () => {
    const plan = buildProbePlan(step({ names: ['tls'], scheme: 'https', port: 443, path: '/health?x=1' }), outputs, instance)
    expect(plan).toEqual([
      { key: 't0', url: 'https://consumer-link.example.internal:443/health?x=1', host: 'consumer-link.example.internal', port: 443, name_kind: 'hostname' },
    ])
  })

  it('lists every consumer private IP for consumer-ips', () => {
    const plan = buildProbePlan(step({ names: ['consumer-ips'] }), outputs, instance)
    expect(plan.map((t) => [t.key, t.host, t.name_kind])).toEqual([
      ['t0', '10.1.1.20', 'ip'],
      ['t1', '10.1.2.20', 'ip'],
    ])
  })

  it('is stable and probes a kind listed twice once', () => {
    const s = step({ names: ['zonal', 'regional', 'zonal'] })
    const a = buildProbePlan(s, outputs, instance)
    expect(buildProbePlan(s, outputs, instance)).toEqual(a)
    expect(a.map((t) => t.name_kind)).toEqual(['zonal', 'zonal', 'regional'])
  })

  it('says clearly when the fixture has no TLS hostname or no consumer IP', () => {
    const noTls = { ...outputs, hostnames: {} }
    expect(() => buildProbePlan(step({ names: ['tls'] }), noTls, instance)).toThrow(/no hostnames\.tls/)
    const noIp = { ...outputs, consumers: [{ ...instance, private_ip: undefined }] }
    expect(() => buildProbePlan(step({ names: ['consumer-ips'] }), noIp, instance)).toThrow(/i-0123456789abcdef0 has no private_ip/)
  })

  it('restricts zonal names to zonal_azs, and probes NLB and producer IPs', () => {
    const zonalA = buildProbePlan(step({ names: ['zonal'], zonal_azs: ['us-east-1b'] }), outputs, instance)
    expect(zonalA.map((t) => [t.name_kind, t.az])).toEqual([['zonal', 'us-east-1b']])
    const withIps = { ...outputs, service: { ...outputs.service, nlb_ips: ['10.0.0.5', '10.0.16.5'] }, producers: [{ ...instance, instance_id: 'i-0aaaaaaaaaaaaaaa0', private_ip: '10.0.0.10' }] }
    expect(buildProbePlan(step({ names: ['nlb-ips', 'producer-ips'] }), withIps, instance).map((t) => [t.host, t.name_kind])).toEqual([
      ['10.0.0.5', 'ip'],
      ['10.0.16.5', 'ip'],
      ['10.0.0.10', 'ip'],
    ])
    expect(() => buildProbePlan(step({ names: ['nlb-ips'] }), outputs, instance)).toThrow(/no service\.nlb_ips/)
    expect(() => buildProbePlan(step({ names: ['producer-ips'] }), outputs, instance)).toThrow(/lists no such instance/)
  })
})
