// Reads a query-protocol request (`Action=…&Name.1=…`) into the SDK's input shape, walking the
// operation's input schema. Two flavours share the walk: EC2's (keys from `ec2QueryName`, else the
// capitalised `xmlName`; lists always `Name.N`) and the query protocol of ELBv2, IAM and STS (keys
// from `xmlName` or the member name; lists `Name.member.N` unless flattened, maps
// `Name.entry.N.key`). This is the server side of the SDK's QueryShapeSerializer; the SDK ships no
// parser for it, so it is written here against the same schema traits.
import type { NormalizedSchema } from '@smithy/core/schema'

export type QueryFlavour = 'ec2' | 'query'

/** Parameters with every key kept, plus the set of key prefixes, for presence checks. */
interface Params {
  values: Map<string, string>
  prefixes: Set<string>
}

function indexParams(params: URLSearchParams): Params {
  const values = new Map<string, string>()
  const prefixes = new Set<string>()
  for (const [k, v] of params) {
    values.set(k, v)
    const parts = k.split('.')
    for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join('.'))
  }
  return { values, prefixes }
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

function memberKey(name: string, member: NormalizedSchema, flavour: QueryFlavour): string {
  const traits = member.getMergedTraits() as Record<string, unknown>
  if (flavour === 'ec2') {
    if (typeof traits.ec2QueryName === 'string') return traits.ec2QueryName
    if (typeof traits.xmlName === 'string') return capitalise(traits.xmlName)
    return capitalise(name)
  }
  return typeof traits.xmlName === 'string' ? traits.xmlName : name
}

const present = (p: Params, key: string): boolean => p.values.has(key) || p.prefixes.has(key)

function readValue(schema: NormalizedSchema, key: string, p: Params, flavour: QueryFlavour): unknown {
  if (schema.isStructSchema()) {
    if (!p.prefixes.has(key) && key !== '') return undefined
    const out: Record<string, unknown> = {}
    for (const [name, member] of schema.structIterator()) {
      const childKey = key === '' ? memberKey(name, member, flavour) : `${key}.${memberKey(name, member, flavour)}`
      const value = readValue(member, childKey, p, flavour)
      if (value !== undefined) out[name] = value
    }
    return out
  }
  if (schema.isListSchema()) {
    if (p.values.get(key) === '' && !p.prefixes.has(key)) return []
    if (!p.prefixes.has(key)) return undefined
    const traits = schema.getMergedTraits() as Record<string, unknown>
    const item = schema.getValueSchema()
    const itemName = (item.getMergedTraits() as Record<string, unknown>).xmlName
    const base = flavour === 'ec2' || traits.xmlFlattened ? key : `${key}.${typeof itemName === 'string' ? itemName : 'member'}`
    const out: unknown[] = []
    for (let i = 1; present(p, `${base}.${i}`); i++) out.push(readValue(item, `${base}.${i}`, p, flavour))
    return out
  }
  if (schema.isMapSchema()) {
    if (!p.prefixes.has(key)) return undefined
    const traits = schema.getMergedTraits() as Record<string, unknown>
    const keyName = (schema.getKeySchema().getMergedTraits() as Record<string, unknown>).xmlName ?? 'key'
    const valueName = (schema.getValueSchema().getMergedTraits() as Record<string, unknown>).xmlName ?? 'value'
    const base = traits.xmlFlattened ? key : `${key}.entry`
    const out: Record<string, unknown> = {}
    for (let i = 1; present(p, `${base}.${i}`); i++) {
      const k = p.values.get(`${base}.${i}.${String(keyName)}`)
      if (k !== undefined) out[k] = readValue(schema.getValueSchema(), `${base}.${i}.${String(valueName)}`, p, flavour)
    }
    return out
  }
  const raw = p.values.get(key)
  if (raw === undefined) return undefined
  if (schema.isBooleanSchema()) return raw === 'true'
  if (schema.isNumericSchema()) return Number(raw)
  if (schema.isTimestampSchema()) return /^\d+(\.\d+)?$/.test(raw) ? new Date(Number(raw) * 1000) : new Date(raw)
  if (schema.isBlobSchema()) return Buffer.from(raw, 'base64')
  return raw
}

/** The request's input object; parameters the schema does not name are ignored, as AWS does. */
export function decodeQueryInput(params: URLSearchParams, input: NormalizedSchema, flavour: QueryFlavour): Record<string, unknown> {
  return (readValue(input, '', indexParams(params), flavour) as Record<string, unknown> | undefined) ?? {}
}
