// The query protocol of ELBv2, IAM and STS on the server side: parameters in (decode-query-input.ts,
// query flavour), `<ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>` out, and
// `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>` for errors.
import { XmlNode, XmlText } from '@aws-sdk/xml-builder'
import type { AwsApiError } from '../server/api-error.js'
import { encodeXmlMembers } from './encode-xml-members.js'
import type { OperationSchemas } from './operation-schemas.js'
import type { WireResponse } from './wire-response.js'

const XML = 'text/xml'

/** A successful query-protocol response for `output`. */
export function encodeQueryResponse(operation: OperationSchemas, output: Record<string, unknown>, xmlNamespace: string, requestId: string): WireResponse {
  const result = new XmlNode(`${operation.name}Result`, encodeXmlMembers(operation.output, output))
  const metadata = new XmlNode('ResponseMetadata', [new XmlNode('RequestId', [new XmlText(requestId)])])
  const root = new XmlNode(`${operation.name}Response`, [result, metadata]).addAttribute('xmlns', xmlNamespace)
  return { status: 200, contentType: XML, body: root.toString() }
}

/** The query protocol's error document. */
export function encodeQueryError(error: AwsApiError, xmlNamespace: string, requestId: string): WireResponse {
  const detail = new XmlNode('Error', [
    new XmlNode('Type', [new XmlText(error.fault)]),
    new XmlNode('Code', [new XmlText(error.code)]),
    new XmlNode('Message', [new XmlText(error.message)]),
  ])
  const root = new XmlNode('ErrorResponse', [detail, new XmlNode('RequestId', [new XmlText(requestId)])]).addAttribute('xmlns', xmlNamespace)
  return { status: error.status, contentType: XML, body: root.toString() }
}
