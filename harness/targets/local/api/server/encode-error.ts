// One error, in the wire form of the protocol that the failed request spoke; also maps the SigV4
// verifier's JSON-style codes to what each protocol's services answer (EC2 says AuthFailure,
// the query services SignatureDoesNotMatch / InvalidClientTokenId).
import { encodeEc2Error } from '../protocol/ec2-codec.js'
import { encodeJsonError } from '../protocol/json-codec.js'
import { encodeQueryError } from '../protocol/query-codec.js'
import type { WireResponse } from '../protocol/wire-response.js'
import type { WireProtocol } from './action-handler.js'
import { AwsApiError } from './api-error.js'

const AUTH_CODES: Record<'ec2' | 'query', Record<string, string>> = {
  ec2: { InvalidSignatureException: 'AuthFailure', UnrecognizedClientException: 'AuthFailure', IncompleteSignatureException: 'AuthFailure', MissingAuthenticationTokenException: 'MissingAuthenticationToken' },
  query: {
    InvalidSignatureException: 'SignatureDoesNotMatch',
    UnrecognizedClientException: 'InvalidClientTokenId',
    IncompleteSignatureException: 'IncompleteSignature',
    MissingAuthenticationTokenException: 'MissingAuthenticationToken',
  },
}

/** The verifier's error renamed for `protocol` (auth errors are 403 on the query protocols). */
export function authErrorFor(protocol: WireProtocol, code: string, message: string): AwsApiError {
  if (protocol === 'json') return new AwsApiError(code, message, { status: 400 })
  const renamed = AUTH_CODES[protocol === 'ec2' ? 'ec2' : 'query'][code] ?? code
  return new AwsApiError(renamed, message, { status: protocol === 'ec2' ? 401 : 403 })
}

/** The error document for `protocol`. */
export function encodeError(protocol: WireProtocol, error: AwsApiError, requestId: string, options: { xmlNamespace?: string; jsonVersion?: '1.0' | '1.1' }): WireResponse {
  if (protocol === 'ec2') return encodeEc2Error(error, requestId)
  if (protocol === 'json') return encodeJsonError(error, options.jsonVersion ?? '1.1')
  return encodeQueryError(error, options.xmlNamespace ?? 'https://local.plh/doc/', requestId)
}
