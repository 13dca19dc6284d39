import { z } from 'zod'
import { describe, expect, test } from 'vitest'
import { describeObject, describeVariants } from './describe-zod.js'
import { readSchemaComments } from './read-schema-comments.js'

describe('describeObject', () => {
  test('types, required, defaults and constraints of each field, nested objects too', () => {
    const schema = z
      .object({
        name: z.string().regex(/^[a-z]+$/, 'letters'),
        count: z.number().int().min(1).max(9).default(3),
        ratio: z.number().positive().optional(),
        kinds: z.array(z.enum(['a', 'b'])).min(1),
        inner: z.object({ on: z.boolean() }).strict().default({ on: true }),
        re: z.union([z.string(), z.instanceof(RegExp)]).transform(String).refine(() => true),
      })
      .strict()
      .superRefine(() => undefined)
    const fields = describeObject(schema)
    expect(fields.map((f) => [f.name, f.type, f.required])).toEqual([
      ['name', 'string', true],
      ['count', 'integer', false],
      ['ratio', 'number', false],
      ['kinds', '("a" \\| "b")[]', true],
      ['inner', 'object', false],
      ['re', 'string \\| RegExp', true],
    ])
    expect(fields[0]!.constraints).toEqual(['matches `^[a-z]+$` (letters)'])
    expect(fields[1]).toMatchObject({ default: 3, constraints: ['≥ 1', '≤ 9'] })
    expect(fields[2]!.constraints).toEqual(['> 0'])
    expect(fields[3]!.constraints).toEqual(['at least 1 item'])
    expect(fields[4]!.fields).toEqual([{ name: 'on', type: 'boolean', required: true, constraints: [] }])
    expect(fields[5]!.constraints).toEqual(['a valid regular expression'])
  })

  test('variants of a discriminated union, by their tag', () => {
    const union = z.discriminatedUnion('kind', [z.object({ kind: z.literal('x') }), z.object({ kind: z.literal('y'), n: z.number() })])
    expect(describeVariants(union).map((v) => [v.tag, v.fields.map((f) => f.name)])).toEqual([
      ['x', ['kind']],
      ['y', ['kind', 'n']],
    ])
  })
})

test('readSchemaComments keys doc comments by const and field, ignoring plain comments', () => {
  const source = `
    export const aSchema = z.object({
      /** the first
       *  field */
      first: z.string(),
      // not a doc comment
      second: z.number(),
    })
    const other = z.object({ /** inner doc */ third: z.boolean() })
  `
  const comments = readSchemaComments(source)
  expect(comments.get('aSchema.first')).toBe('the first field')
  expect(comments.has('aSchema.second')).toBe(false)
  expect(comments.get('other.third')).toBe('inner doc')
})
