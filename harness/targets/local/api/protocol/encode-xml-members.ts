// Writes an SDK output object as the XML elements of a query or EC2 response, walking the
// operation's output schema: element names from `xmlName` (else the member name), lists wrapped
// with their member name (`<tagSet><item>…</item></tagSet>`) unless flattened, maps as
// `<entry><key/><value/></entry>`, timestamps in ISO 8601, blobs in base64. The XML itself is
// built with @aws-sdk/xml-builder, the SDK's own builder (it escapes text and attributes).
import { XmlNode, XmlText } from '@aws-sdk/xml-builder'
import type { NormalizedSchema } from '@smithy/core/schema'

type Traits = Record<string, unknown>
const traitsOf = (s: NormalizedSchema): Traits => s.getMergedTraits() as Traits

function scalarText(schema: NormalizedSchema, value: unknown): string {
  if (schema.isTimestampSchema()) {
    const date = value instanceof Date ? value : new Date(value as string | number)
    const format = traitsOf(schema).timestampFormat
    if (format === 'epoch-seconds') return String(date.getTime() / 1000)
    if (format === 'http-date') return date.toUTCString()
    return date.toISOString()
  }
  if (schema.isBlobSchema()) return Buffer.from(value as Uint8Array).toString('base64')
  return String(value)
}

function valueNodes(name: string, schema: NormalizedSchema, value: unknown): XmlNode[] {
  if (value === undefined || value === null) return []
  if (schema.isListSchema()) {
    const item = schema.getValueSchema()
    const list = value as unknown[]
    if (traitsOf(schema).xmlFlattened) return list.flatMap((v) => valueNodes(name, item, v))
    const itemName = typeof traitsOf(item).xmlName === 'string' ? (traitsOf(item).xmlName as string) : 'member'
    const wrapper = new XmlNode(name)
    for (const v of list) for (const node of valueNodes(itemName, item, v)) wrapper.addChildNode(node)
    return [wrapper]
  }
  if (schema.isMapSchema()) {
    const keyName = String(traitsOf(schema.getKeySchema()).xmlName ?? 'key')
    const valueName = String(traitsOf(schema.getValueSchema()).xmlName ?? 'value')
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => {
      const entry = new XmlNode('entry')
      entry.addChildNode(new XmlNode(keyName, [new XmlText(k)]))
      for (const node of valueNodes(valueName, schema.getValueSchema(), v)) entry.addChildNode(node)
      return entry
    })
    if (traitsOf(schema).xmlFlattened) return entries.map((e) => e.withName(name))
    return [new XmlNode(name, entries)]
  }
  if (schema.isStructSchema()) return [new XmlNode(name, encodeXmlMembers(schema, value as Record<string, unknown>))]
  return [new XmlNode(name, [new XmlText(scalarText(schema, value))])]
}

/** The child elements for a structure value (members absent from `value` are left out). */
export function encodeXmlMembers(schema: NormalizedSchema, value: Record<string, unknown>): XmlNode[] {
  const out: XmlNode[] = []
  for (const [name, member] of schema.structIterator()) {
    const elementName = typeof traitsOf(member).xmlName === 'string' ? (traitsOf(member).xmlName as string) : name
    out.push(...valueNodes(elementName, member, value[name]))
  }
  return out
}
