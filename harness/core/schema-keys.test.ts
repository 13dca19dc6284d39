import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { allowedKeysAt, valueAt } from './schema-keys.js'

describe('allowedKeysAt', () => {
  const leaf = z.object({ depth: z.number(), width: z.number() }).strict()
  const tree: z.ZodTypeAny = z.lazy(() => z.object({ leaf: leaf.optional(), children: z.array(tree).default([]) }).strict())
  const schema = z
    .object({
      shapes: z.array(z.discriminatedUnion('kind', [z.object({ kind: z.literal('circle'), radius: z.number() }), z.object({ kind: z.literal('square'), side: z.number() })])),
      either: z.union([z.object({ left: z.number() }), z.object({ right: z.number() })]).optional(),
      named: z.record(leaf),
      tree: tree.optional(),
    })
    .strict()
    .superRefine(() => {})

  it('lists the top-level keys through effects', () => {
    expect(allowedKeysAt(schema, {}, []).sort()).toEqual(['either', 'named', 'shapes', 'tree'])
  })

  it('picks the option a discriminated union names', () => {
    const input = { shapes: [{ kind: 'circle' }, { kind: 'square' }] }
    expect(allowedKeysAt(schema, input, ['shapes', 0])).toEqual(['kind', 'radius'])
    expect(allowedKeysAt(schema, input, ['shapes', 1])).toEqual(['kind', 'side'])
    expect(allowedKeysAt(schema, { shapes: [{ kind: 'hexagon' }] }, ['shapes', 0])).toEqual([])
  })

  it('offers every option of a plain union', () => {
    expect(allowedKeysAt(schema, { either: {} }, ['either']).sort()).toEqual(['left', 'right'])
  })

  it('follows records, lazy schemas and defaults', () => {
    expect(allowedKeysAt(schema, { named: { a: {} } }, ['named', 'a']).sort()).toEqual(['depth', 'width'])
    expect(allowedKeysAt(schema, { tree: { children: [{ leaf: {} }] } }, ['tree', 'children', 0, 'leaf']).sort()).toEqual(['depth', 'width'])
  })

  it('lists nothing where the path leads to no object', () => {
    expect(allowedKeysAt(schema, { shapes: [] }, ['shapes'])).toEqual([])
    expect(allowedKeysAt(schema, {}, ['nowhere', 'deeper'])).toEqual([])
  })
})

describe('valueAt', () => {
  it('follows keys and indices, and is undefined past the end', () => {
    expect(valueAt({ a: [{ b: 3 }] }, ['a', 0, 'b'])).toBe(3)
    expect(valueAt({ a: 1 }, ['a', 'b', 'c'])).toBeUndefined()
  })
})
