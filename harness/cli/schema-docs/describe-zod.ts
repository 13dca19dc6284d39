// Describes a zod 3 schema as plain data (pure): for each field its type, whether it is required,
// its default and its constraints. zod-to-json-schema is not installed and zod 3's schemas carry
// no JSON Schema export, so this walks `_def` for the handful of zod types the scenario schema
// uses; an unknown type is named, not guessed.
import type { ZodTypeAny } from 'zod'

export interface FieldDoc {
  name: string
  type: string
  required: boolean
  default?: unknown
  constraints: string[]
  /** for objects: their fields; for a discriminated union: one entry per variant */
  fields?: FieldDoc[]
  variants?: Array<{ tag: string; fields: FieldDoc[] }>
}

interface Def {
  typeName: string
  [key: string]: unknown
}

const defOf = (schema: ZodTypeAny): Def => schema._def as unknown as Def

interface Unwrapped {
  schema: ZodTypeAny
  optional: boolean
  default?: unknown
  refined: boolean
}

/** Strips optional, default and effects (refine, transform) wrappers. */
export function unwrap(schema: ZodTypeAny): Unwrapped {
  let s = schema
  let optional = false
  let refined = false
  let dflt: unknown
  for (;;) {
    const def = defOf(s)
    if (def.typeName === 'ZodOptional' || def.typeName === 'ZodNullable') {
      optional = true
      s = def.innerType as ZodTypeAny
    } else if (def.typeName === 'ZodDefault') {
      dflt = (def.defaultValue as () => unknown)()
      s = def.innerType as ZodTypeAny
    } else if (def.typeName === 'ZodEffects' && defOf(def.schema as ZodTypeAny).typeName !== 'ZodAny') {
      refined = true
      s = def.schema as ZodTypeAny
    } else break
  }
  return { schema: s, optional, refined, ...(dflt !== undefined ? { default: dflt } : {}) }
}

function checksOf(def: Def): Array<{ kind: string; value?: unknown; inclusive?: boolean; regex?: RegExp; message?: string }> {
  return (def.checks as Array<{ kind: string; value?: unknown; inclusive?: boolean; regex?: RegExp; message?: string }>) ?? []
}

/** Type text and constraints of a schema without its wrappers. */
export function typeOf(schema: ZodTypeAny): { type: string; constraints: string[] } {
  const def = defOf(schema)
  const constraints: string[] = []
  switch (def.typeName) {
    case 'ZodString':
      for (const c of checksOf(def)) {
        if (c.kind === 'min') constraints.push(c.value === 1 ? 'not empty' : `at least ${String(c.value)} characters`)
        if (c.kind === 'max') constraints.push(`at most ${String(c.value)} characters`)
        if (c.kind === 'regex') constraints.push(`matches \`${c.regex!.source}\`${c.message ? ` (${c.message})` : ''}`)
      }
      return { type: 'string', constraints }
    case 'ZodNumber': {
      let int = false
      for (const c of checksOf(def)) {
        if (c.kind === 'int') int = true
        if (c.kind === 'min') constraints.push(`${c.inclusive ? '≥' : '>'} ${String(c.value)}`)
        if (c.kind === 'max') constraints.push(`${c.inclusive ? '≤' : '<'} ${String(c.value)}`)
      }
      return { type: int ? 'integer' : 'number', constraints }
    }
    case 'ZodBoolean':
      return { type: 'boolean', constraints }
    case 'ZodNull':
      return { type: 'null', constraints }
    case 'ZodLiteral':
      return { type: JSON.stringify(def.value), constraints }
    case 'ZodEnum':
      return { type: (def.values as string[]).map((v) => JSON.stringify(v)).join(' \\| '), constraints }
    case 'ZodArray': {
      const inner = typeOf(unwrap(def.type as ZodTypeAny).schema)
      const min = def.minLength as { value: number } | null
      if (min) constraints.push(`at least ${min.value} item${min.value === 1 ? '' : 's'}`)
      const element = inner.type.includes('|') ? `(${inner.type})` : inner.type
      return { type: `${element}[]`, constraints: [...constraints, ...inner.constraints] }
    }
    case 'ZodUnion':
      return { type: (def.options as ZodTypeAny[]).map((o) => typeOf(unwrap(o).schema).type).join(' \\| '), constraints }
    case 'ZodEffects':
      // z.instanceof(…) is an effect over ZodAny; the only one the scenario schema uses is RegExp
      return { type: 'RegExp', constraints }
    case 'ZodRecord':
      return { type: `record of ${typeOf(unwrap(def.valueType as ZodTypeAny).schema).type}`, constraints }
    case 'ZodLazy':
      return { type: 'value (string, number, boolean, null, list or map of these)', constraints }
    case 'ZodObject':
      return { type: 'object', constraints }
    case 'ZodDiscriminatedUnion':
      return { type: `one of (by \`${String(def.discriminator)}\`)`, constraints }
    default:
      return { type: def.typeName, constraints }
  }
}

/** The fields of an object schema (wrappers stripped), one FieldDoc each, in declaration order. */
export function describeObject(schema: ZodTypeAny): FieldDoc[] {
  const object = unwrap(schema).schema
  const def = defOf(object)
  if (def.typeName !== 'ZodObject') throw new Error(`not an object schema: ${def.typeName}`)
  const shape = (def.shape as () => Record<string, ZodTypeAny>)()
  return Object.entries(shape).map(([name, field]) => describeField(name, field))
}

function describeField(name: string, field: ZodTypeAny): FieldDoc {
  const u = unwrap(field)
  const { type, constraints } = typeOf(u.schema)
  const doc: FieldDoc = { name, type, required: !u.optional && u.default === undefined, constraints, ...(u.default !== undefined ? { default: u.default } : {}) }
  if (u.refined) doc.constraints.push(doc.type.includes('RegExp') ? 'a valid regular expression' : 'further checks at load time')
  const def = defOf(u.schema)
  if (def.typeName === 'ZodObject') doc.fields = describeObject(u.schema)
  if (def.typeName === 'ZodDiscriminatedUnion') doc.variants = describeVariants(u.schema)
  return doc
}

/** The variants of a discriminated union: the discriminator's value and the variant's fields. */
export function describeVariants(schema: ZodTypeAny): Array<{ tag: string; fields: FieldDoc[] }> {
  const def = defOf(unwrap(schema).schema)
  const key = def.discriminator as string
  return (def.options as ZodTypeAny[]).map((option) => {
    const fields = describeObject(option)
    const tag = fields.find((f) => f.name === key)?.type ?? '?'
    return { tag: JSON.parse(tag) as string, fields }
  })
}
