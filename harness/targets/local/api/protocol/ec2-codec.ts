// EC2's query protocol on the server side: `Action=…` parameters in (decode-query-input.ts, EC2
// flavour), `<ActionResponse xmlns=…><requestId/>…</ActionResponse>` out, and EC2's own error
// document (`<Response><Errors><Error><Code/><Message/>…<RequestID/>`), which differs from the
// other query services'.
import { XmlNode, XmlText } from '@aws-sdk/xml-builder'
import type { AwsApiError } from '../server/api-error.js'
import { encodeXmlMembers } from './encode-xml-members.js'
import type { OperationSchemas } from './operation-schemas.js'
import type { WireResponse } from './wire-response.js'

const XML = 'text/xml;charset=UTF-8'
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'

/** A successful EC2 response for `output` (the SDK's output shape). */
export function encodeEc2Response(operation: OperationSchemas, output: Record<string, unknown>, xmlNamespace: string, requestId: string): WireResponse {
  const root = new XmlNode(`${operation.name}Response`).addAttribute('xmlns', xmlNamespace)
  root.addChildNode(new XmlNode('requestId', [new XmlText(requestId)]))
  for (const node of encodeXmlMembers(operation.output, output)) root.addChildNode(node)
  return { status: 200, contentType: XML, body: DECLARATION + root.toString() }
}

/** EC2's error document. */
export function encodeEc2Error(error: AwsApiError, requestId: string): WireResponse {
  const detail = new XmlNode('Error', [new XmlNode('Code', [new XmlText(error.code)]), new XmlNode('Message', [new XmlText(error.message)])])
  const root = new XmlNode('Response', [new XmlNode('Errors', [detail]), new XmlNode('RequestID', [new XmlText(requestId)])])
  return { status: error.status, contentType: XML, body: DECLARATION + root.toString() }
}
