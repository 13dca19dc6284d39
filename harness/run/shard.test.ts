import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InputError } from '../core/errors.js'
import { parseShard, selectShard } from './shard.js'

const id = (s: string) => s

describe('parseShard', () => {
  it('reads i/n', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 })
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 })
  })
  it.each([['0/3', /index must be from 1 to 3/], ['4/3', /index must be from 1 to 3/], ['1/0', /count must be from 1 to 64/], ['a/b', /expected i\/n/], ['3', /expected i\/n/], ['1/2/3', /expected i\/n/]])(
    'refuses %s, naming --shard',
    (text, message) => {
      let error: unknown
      try {
        parseShard(text)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).message).toMatch(/^plh run: --shard: /)
      expect((error as InputError).message).toMatch(message)
    },
  )
})

describe('selectShard', () => {
  it('deals sorted names round-robin', () => {
    const names = ['e', 'a', 'd', 'b', 'c']
    expect(selectShard(names, 1, 2, id)).toEqual(['a', 'c', 'e'])
    expect(selectShard(names, 2, 2, id)).toEqual(['b', 'd'])
  })

  it('leaves shards past the number of items empty', () => {
    expect(selectShard(['a', 'b'], 3, 3, id)).toEqual([])
  })

  it('property: the shards partition the items, are non-empty when possible, and ignore input order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), { maxLength: 30 }), fc.integer({ min: 1, max: 8 }), (names, count) => {
        const shards = Array.from({ length: count }, (_, i) => selectShard(names, i + 1, count, id))
        expect(shards.flat().sort()).toEqual([...names].sort())
        if (names.length >= count) for (const shard of shards) expect(shard.length).toBeGreaterThan(0)
        const sizes = shards.map((s) => s.length)
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
        const reversed = Array.from({ length: count }, (_, i) => selectShard([...names].reverse(), i + 1, count, id))
        expect(reversed).toEqual(shards)
      }),
    )
  })

  it('rejects an index outside 1..count', () => {
    expect(() => selectShard(['a'], 0, 2, id)).toThrow(RangeError)
    expect(() => selectShard(['a'], 3, 2, id)).toThrow(RangeError)
  })
})
