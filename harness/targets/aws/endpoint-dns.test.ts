import { describe, expect, it } from 'vitest'
import { checkEndpointDns, readDnsEntries } from './endpoint-dns.js'
import { ENDPOINT_ID, describedEndpoint, endpointOutput } from './test-support/describe-vpc-endpoints.js'

const entries = describedEndpoint('available').DnsEntries!

describe('readDnsEntries', () => {
  it('takes the regional name, the zonal names by AZ, and ignores the private DNS name', () => {
    const read = readDnsEntries(entries)
    expect(read.regional).toBe(`${ENDPOINT_ID}-bluzidnv.vpce-svc-0e123abc123198abc.us-east-1.vpce.amazonaws.com`)
    expect([...read.zonal.keys()].sort()).toEqual(['us-east-1a', 'us-east-1b'])
    expect([...read.zonal.values()].join(' ')).not.toContain('example.com')
  })
})

describe('checkEndpointDns', () => {
  it('accepts outputs that name exactly what AWS created, whatever the case', () => {
    expect(checkEndpointDns(endpointOutput(), entries, 'harness.endpoints[0]')).toEqual([])
  })

  it('names the regional_dns field when the output gives another name', () => {
    const wrong = endpointOutput({ regional_dns: 'vpce-0f89a33420c1931d7-other.vpce-svc-0e123abc123198abc.us-east-1.vpce.amazonaws.com' })
    const problems = checkEndpointDns(wrong, entries, 'harness.endpoints[0]')
    expect(problems).toHaveLength(1)
    expect(problems[0]!.field).toBe('harness.endpoints[0].regional_dns')
    expect(problems[0]!.problem).toContain('-bluzidnv.vpce-svc')
  })

  it('names the zonal entry whose name belongs to another AZ', () => {
    const swapped = endpointOutput()
    swapped.zonal = [
      { az: 'us-east-1a', dns: swapped.zonal[1]!.dns },
      { az: 'us-east-1b', dns: swapped.zonal[0]!.dns },
    ]
    const fields = checkEndpointDns(swapped, entries, 'harness.endpoints[0]').map((p) => p.field)
    expect(fields).toEqual(['harness.endpoints[0].zonal[0].dns', 'harness.endpoints[0].zonal[1].dns'])
  })

  it('reports a zonal name AWS created that the outputs leave out, and an AZ AWS has no name in', () => {
    const missing = endpointOutput()
    missing.zonal = [missing.zonal[0]!, { az: 'us-east-1c', dns: missing.zonal[1]!.dns.replace('us-east-1b', 'us-east-1c') }]
    const problems = checkEndpointDns(missing, entries, 'harness.endpoints[0]')
    expect(problems.map((p) => p.field)).toEqual(['harness.endpoints[0].zonal[1].az', 'harness.endpoints[0].zonal'])
    expect(problems[1]!.problem).toContain('lacks us-east-1b')
  })

  it('says so when AWS lists no regional name at all', () => {
    const problems = checkEndpointDns(endpointOutput(), [], 'harness.endpoints[0]')
    expect(problems[0]!.field).toBe('harness.endpoints[0].regional_dns')
    expect(problems[0]!.problem).toContain('no regional name')
  })
})
