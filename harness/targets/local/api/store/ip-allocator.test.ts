import { describe, expect, it } from 'vitest'
import { allocateSubnetAddress, usableAddressCount } from './ip-allocator.js'

describe('allocateSubnetAddress', () => {
  it('skips the four reserved addresses at the start and the broadcast at the end', () => {
    expect(allocateSubnetAddress('10.0.16.0/20', [])).toBe('10.0.16.4')
    expect(allocateSubnetAddress('10.0.16.0/20', ['10.0.16.4'])).toBe('10.0.16.5')
    const all = Array.from({ length: 11 }, (_v, i) => `10.0.0.${i + 4}`)
    expect(allocateSubnetAddress('10.0.0.0/28', all)).toBeUndefined()
    expect(usableAddressCount('10.0.0.0/28')).toBe(11)
  })
})
