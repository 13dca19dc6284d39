import { describe, expect, it } from 'vitest'
import { addressAt, cidrContains, cidrsOverlap, formatIpv4, parseCidr, parseIpv4 } from './cidr.js'

describe('cidr', () => {
  it('round-trips dotted quads', () => {
    expect(formatIpv4(parseIpv4('10.1.2.3')!)).toBe('10.1.2.3')
    expect(parseIpv4('256.0.0.1')).toBeNull()
    expect(parseIpv4('10.0.0')).toBeNull()
  })
  it('rejects host bits and garbage', () => {
    expect(parseCidr('10.0.0.1/16')).toEqual({ error: expect.stringContaining('10.0.0.0/16') })
    expect(parseCidr('nope')).toHaveProperty('error')
    expect(parseCidr('10.0.0.0/33')).toHaveProperty('error')
  })
  it('detects overlap and containment', () => {
    const a = parseCidr('10.0.0.0/16') as Exclude<ReturnType<typeof parseCidr>, { error: string }>
    const b = parseCidr('10.0.128.0/17') as typeof a
    const c = parseCidr('10.1.0.0/16') as typeof a
    expect(cidrsOverlap(a, b)).toBe(true)
    expect(cidrsOverlap(a, c)).toBe(false)
    expect(cidrContains(a, '10.0.255.255')).toBe(true)
    expect(cidrContains(a, '10.1.0.0')).toBe(false)
    expect(addressAt(a, 258)).toBe('10.0.1.2')
  })
})
