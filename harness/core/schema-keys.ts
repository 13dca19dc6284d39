// The keys a zod schema allows at a path of an input, so that an unknown key's message can offer
// the closest allowed one (zod's own issue names the unknown key but not the allowed ones).
import { z } from 'zod'

/** `schema` without the wrappers that do not change its shape (optional, default, effects, lazy…). */
function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  for (;;) {
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault || schema instanceof z.ZodCatch || schema instanceof z.ZodReadonly) {
      schema = schema._def.innerType as z.ZodTypeAny
    } else if (schema instanceof z.ZodEffects) schema = schema.innerType() as z.ZodTypeAny
    else if (schema instanceof z.ZodLazy) schema = schema.schema as z.ZodTypeAny
    else if (schema instanceof z.ZodBranded) schema = schema.unwrap() as z.ZodTypeAny
    else if (schema instanceof z.ZodPipeline) schema = schema._def.in as z.ZodTypeAny
    else return schema
  }
}

/** The object schemas `schema` may be for `value`: a discriminated union picks by the discriminator, a union offers each option. */
function objectsFor(schema: z.ZodTypeAny, value: unknown): z.AnyZodObject[] {
  const inner = unwrap(schema)
  if (inner instanceof z.ZodObject) return [inner]
  if (inner instanceof z.ZodDiscriminatedUnion) {
    const tag = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[inner.discriminator as string] : undefined
    const option = inner.optionsMap.get(tag as z.Primitive) as z.AnyZodObject | undefined
    return option ? [option] : []
  }
  if (inner instanceof z.ZodUnion) return (inner.options as z.ZodTypeAny[]).flatMap((o) => objectsFor(o, value))
  return []
}

/** The schemas that apply to `value[part]`, where `value` is checked by `schema`. */
function childSchemas(schema: z.ZodTypeAny, value: unknown, part: string | number): z.ZodTypeAny[] {
  const inner = unwrap(schema)
  if (inner instanceof z.ZodArray) return [inner.element as z.ZodTypeAny]
  if (inner instanceof z.ZodRecord) return [inner.valueSchema as z.ZodTypeAny]
  if (inner instanceof z.ZodTuple) return typeof part === 'number' && inner.items[part] ? [inner.items[part] as z.ZodTypeAny] : []
  if (inner instanceof z.ZodUnion) return (inner.options as z.ZodTypeAny[]).flatMap((o) => childSchemas(o, value, part))
  return objectsFor(inner, value).flatMap((o) => (o.shape[part] ? [o.shape[part] as z.ZodTypeAny] : []))
}

/** The keys allowed in the object at `path` of `input` checked by `schema` (none when the path leads to no object). */
export function allowedKeysAt(schema: z.ZodTypeAny, input: unknown, path: ReadonlyArray<string | number>): string[] {
  let schemas = [schema]
  let value = input
  for (const part of path) {
    schemas = schemas.flatMap((s) => childSchemas(s, value, part))
    value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[part] : undefined
  }
  return [...new Set(schemas.flatMap((s) => objectsFor(s, value)).flatMap((o) => Object.keys(o.shape)))]
}

/** The value at `path` of `input`, or undefined where the path leaves it. */
export function valueAt(input: unknown, path: ReadonlyArray<string | number>): unknown {
  let value = input
  for (const part of path) value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[part] : undefined
  return value
}
