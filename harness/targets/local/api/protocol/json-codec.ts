// AWS JSON 1.0/1.1 on the server side (SSM, ACM, Resource Groups Tagging): the body is the input
// as JSON; timestamps travel as epoch seconds and blobs as base64, so both directions walk the
// operation's schema to convert them. Errors are `{"__type", "message"}`.
import type { NormalizedSchema } from '@smithy/core/schema'
import type { AwsApiError } from '../server/api-error.js'
import type { OperationSchemas } from './operation-schemas.js'
import type { WireResponse } from './wire-response.js'

function convert(schema: NormalizedSchema, value: unknown, direction: 'in' | 'out'): unknown {
  if (value === undefined || value === null) return value
  if (schema.isListSchema()) return (value as unknown[]).map((v) => convert(schema.getValueSchema(), v, direction))
  if (schema.isMapSchema()) return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, convert(schema.getValueSchema(), v, direction)]))
  if (schema.isStructSchema()) {
    const out: Record<string, unknown> = {}
    const source = value as Record<string, unknown>
    for (const [name, member] of schema.structIterator()) if (source[name] !== undefined) out[name] = convert(member, source[name], direction)
    return out
  }
  if (schema.isTimestampSchema()) {
    if (direction === 'in') return typeof value === 'number' ? new Date(value * 1000) : new Date(String(value))
    // numbers are taken as epoch seconds already (the Run Command operations answer that way)
    if (typeof value === 'number') return value
    const date = value instanceof Date ? value : new Date(value as string)
    return date.getTime() / 1000
  }
  if (schema.isBlobSchema()) return direction === 'in' ? Buffer.from(String(value), 'base64') : Buffer.from(value as Uint8Array).toString('base64')
  return value
}

/** The input object from a JSON body (members the schema does not name are dropped). */
export function decodeJsonInput(operation: OperationSchemas, body: unknown): Record<string, unknown> {
  return (convert(operation.input, body ?? {}, 'in') as Record<string, unknown>) ?? {}
}

/** A successful JSON response. */
export function encodeJsonResponse(operation: OperationSchemas, output: Record<string, unknown>, version: '1.0' | '1.1'): WireResponse {
  return { status: 200, contentType: `application/x-amz-json-${version}`, body: JSON.stringify(convert(operation.output, output ?? {}, 'out')) }
}

/** A JSON protocol error. */
export function encodeJsonError(error: AwsApiError, version: '1.0' | '1.1'): WireResponse {
  return {
    status: error.status,
    contentType: `application/x-amz-json-${version}`,
    headers: { 'x-amzn-errortype': error.code },
    body: JSON.stringify({ __type: error.code, message: error.message }),
  }
}
