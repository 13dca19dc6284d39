import { describe, expect, test } from 'vitest'
import { planScale } from '../harness/targets/local/topology/plan-scale.js'
import { CHECK_MARKER, buildCurlArgs, buildNameChecks, judgeCurlOutput } from './scale-name-checks.js'

const plan = planScale({ tag: 'abc123', seed: 's', consumerVpcs: 2 })
const checks = buildNameChecks(plan)
const body = /^Hello from plh producer/

describe('buildNameChecks', () => {
  test('one entry per consumer: its own endpoint’s regional name and one zonal name per AZ', () => {
    expect(checks).toHaveLength(2)
    const [first] = checks
    const endpoint = plan.endpoints.find((e) => e.vpc === first!.vpc)!
    expect(first!.names.map((n) => [n.kind, n.az])).toEqual([
      ['regional', null],
      ['zonal', 'us-east-1a'],
      ['zonal', 'us-east-1b'],
      ['zonal', 'us-east-1c'],
    ])
    expect(first!.names[0]!.dns).toBe(endpoint.regionalDns)
    expect(first!.names[0]!.allowedIps).toEqual(endpoint.enis.map((e) => e.ip))
    expect(first!.names[2]!.allowedIps).toEqual([endpoint.enis.find((e) => e.az === 'us-east-1b')!.ip])
    expect(first!.names[0]!.url).toBe(`http://${endpoint.regionalDns}/`)
  })
})

test('buildCurlArgs asks every name once, with both timeouts and a marker line per transfer', () => {
  const args = buildCurlArgs(checks[0]!, { connectS: 2, maxS: 4 })
  expect(args.slice(0, 5)).toEqual(['--silent', '--connect-timeout', '2', '--max-time', '4'])
  expect(args).toContain(`\\n${CHECK_MARKER} %{url_effective} %{http_code} %{remote_ip} %{exitcode}\\n`)
  expect(args.slice(-4)).toEqual(checks[0]!.names.map((n) => n.url))
})

describe('judgeCurlOutput', () => {
  const c = checks[0]!
  const line = (i: number, code: number, ip: string, exit = 0) => `\n${CHECK_MARKER} ${c.names[i]!.url} ${code} ${ip} ${exit}\n`
  const eni = (az: string) => plan.endpoints.find((e) => e.vpc === c.vpc)!.enis.find((e) => e.az === az)!.ip
  test('every name answered with 200, the producer body, from an allowed ENI', () => {
    const out = ['Hello from plh producer us-east-1a i-1\n' + line(0, 200, eni('us-east-1c'))]
    ;['us-east-1a', 'us-east-1b', 'us-east-1c'].forEach((az, i) => out.push(`Hello from plh producer ${az} i-2\n` + line(i + 1, 200, eni(az))))
    expect(judgeCurlOutput(c, out.join(''), body).map((a) => a.ok)).toEqual([true, true, true, true])
  })
  test('a wrong ENI, a wrong body, a timeout and a missing line each fail with a reason', () => {
    const out = [
      'Hello from plh producer\n' + line(0, 200, '10.9.9.9'),
      'nope\n' + line(1, 200, eni('us-east-1a')),
      line(2, 0, '', 28),
    ].join('')
    const answers = judgeCurlOutput(c, out, body)
    expect(answers.map((a) => a.ok)).toEqual([false, false, false, false])
    expect(answers[0]!.detail).toMatch(/answered from 10.9.9.9/)
    expect(answers[1]!.detail).toMatch(/body/)
    expect(answers[2]!.detail).toMatch(/curl exit 28; HTTP 0/)
    expect(answers[3]!.detail).toBe('no answer line from curl')
  })
})
