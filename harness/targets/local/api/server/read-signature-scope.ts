// Reads who signed a request and for what, from the SigV4 Authorization header, before the
// signature is checked: the access key picks the account, the scope's service routes the request,
// and the scope's region is the region the request acts in (as on AWS).

/** The credential scope of a signed request. */
export interface SignatureScope {
  accessKeyId: string
  date: string
  region: string
  service: string
}

const CREDENTIAL = /Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request/

/** The scope, or undefined when the request carries no SigV4 Authorization header. */
export function readSignatureScope(authorization: string | undefined): SignatureScope | undefined {
  if (authorization === undefined || !authorization.startsWith('AWS4-HMAC-SHA256 ')) return undefined
  const match = CREDENTIAL.exec(authorization)
  if (!match) return undefined
  const [, accessKeyId, date, region, service] = match as unknown as [string, string, string, string, string]
  return { accessKeyId, date, region, service }
}
