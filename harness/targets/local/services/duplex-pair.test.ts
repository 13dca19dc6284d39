import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { duplexPair } from './duplex-pair.js'

describe('duplexPair', () => {
  it('carries bytes both ways and ends each side', async () => {
    const [a, b] = duplexPair()
    const fromA: Buffer[] = []
    const fromB: Buffer[] = []
    b.on('data', (c: Buffer) => fromA.push(c))
    a.on('data', (c: Buffer) => fromB.push(c))
    a.write('hello ')
    a.end('world')
    b.end('back')
    await Promise.all([once(b, 'end'), once(a, 'end')])
    expect(Buffer.concat(fromA).toString()).toBe('hello world')
    expect(Buffer.concat(fromB).toString()).toBe('back')
  })

  it('holds the writer while the reader is paused (back pressure) and delivers everything after', async () => {
    const [a, b] = duplexPair()
    const big = Buffer.alloc(1024 * 1024, 7)
    const accepted = a.write(big)
    expect(accepted).toBe(false)
    const chunks: Buffer[] = []
    const drained = once(a, 'drain')
    b.on('data', (c: Buffer) => chunks.push(c))
    await drained
    a.end()
    await once(b, 'end')
    expect(Buffer.concat(chunks).equals(big)).toBe(true)
  })

  it('destroying one side destroys the other', () => {
    const [a, b] = duplexPair()
    a.destroy()
    expect(b.destroyed).toBe(true)
  })
})
