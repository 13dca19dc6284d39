// SigV4 verification for the local SSM endpoint: the endpoint refuses what AWS would refuse, so a
// client that works locally signs correctly for AWS too. The signature is recomputed with
// @smithy/signature-v4 (the SDK's own signer) over exactly the headers the request says it signed.
import { createHash, timingSafeEqual } from 'node:crypto'
import { Sha256 } from '@aws-crypto/sha256-js'
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'
import { SsmServiceError } from './service-error.js'

/** The parts of an incoming HTTP request that the signature covers. */
export interface SignedRequest {
  method: string
  /** path and query as received, e.g. `/` */
  url: string
  /** header names in lower case, as node:http gives them */
  headers: Record<string, string | string[] | undefined>
  body: Uint8Array
}

/** Who may call: the per-run credentials, for this region and service. */
export interface VerifyOptions {
  region: string
  service: string
  credentials: { accessKeyId: string; secretAccessKey: string }
  /** epoch ms; default Date.now() */
  now?: number
  /** how far x-amz-date may be from now (AWS: 15 minutes) */
  maxSkewMs?: number
}

const ALGORITHM = 'AWS4-HMAC-SHA256'
const AUTH_PATTERN = /^AWS4-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/
const AMZ_DATE_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/
const FIFTEEN_MINUTES = 15 * 60 * 1000
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'

/** Throws the SsmServiceError AWS would answer with when the request is not correctly signed for these credentials. */
export async function verifySigV4(request: SignedRequest, options: VerifyOptions): Promise<void> {
  const now = options.now ?? Date.now()
  const maxSkewMs = options.maxSkewMs ?? FIFTEEN_MINUTES
  const authorization = headerValue(request.headers, 'authorization')
  if (authorization === undefined || authorization === '') {
    throw new SsmServiceError('MissingAuthenticationTokenException', 'Request is missing Authentication Token')
  }
  if (!authorization.startsWith(`${ALGORITHM} `)) {
    throw new SsmServiceError('IncompleteSignatureException', `Unsupported signing algorithm; only ${ALGORITHM} is accepted.`)
  }
  const match = AUTH_PATTERN.exec(authorization)
  if (!match) {
    throw new SsmServiceError('IncompleteSignatureException', `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' in ${ALGORITHM} form.`)
  }
  const [, accessKeyId, scopeDate, scopeRegion, scopeService, signedHeaderList, signature] = match as unknown as string[]

  if (accessKeyId !== options.credentials.accessKeyId) {
    throw new SsmServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.')
  }
  if (headerValue(request.headers, 'x-amz-security-token') !== undefined) {
    // per-run credentials are long-term keys: a session token means some other identity
    throw new SsmServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.')
  }

  const signedHeaders = (signedHeaderList ?? '').split(';')
  for (const required of ['host', 'x-amz-date']) {
    if (!signedHeaders.includes(required)) {
      throw new SsmServiceError('InvalidSignatureException', `'${required}' must be a 'SignedHeader' in the AWS Authorization.`)
    }
  }
  const amzDate = headerValue(request.headers, 'x-amz-date') ?? ''
  const signingDate = parseAmzDate(amzDate)
  if (!signingDate) {
    throw new SsmServiceError('IncompleteSignatureException', `Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`)
  }
  checkSkew(signingDate, now, maxSkewMs)
  if (scopeDate !== amzDate.slice(0, 8)) {
    throw new SsmServiceError('InvalidSignatureException', `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}'.`)
  }
  if (scopeRegion !== options.region) {
    throw new SsmServiceError('InvalidSignatureException', `Credential should be scoped to a valid region, not '${scopeRegion}'.`)
  }
  if (scopeService !== options.service) {
    throw new SsmServiceError('InvalidSignatureException', `Credential should be scoped to correct service: '${options.service}'.`)
  }

  const bodyHash = createHash('sha256').update(request.body).digest('hex')
  const declaredHash = headerValue(request.headers, 'x-amz-content-sha256')
  if (declaredHash !== undefined && declaredHash !== bodyHash) {
    // the signer trusts this header as the payload hash, so a stale one would let a changed body through
    throw new SsmServiceError('InvalidSignatureException', SIGNATURE_MISMATCH)
  }

  const expected = await computeSignature(request, signedHeaders, signingDate, options)
  if (!constantTimeEqual(expected, signature ?? '')) {
    throw new SsmServiceError('InvalidSignatureException', SIGNATURE_MISMATCH)
  }
}

async function computeSignature(request: SignedRequest, signedHeaders: string[], signingDate: Date, options: VerifyOptions): Promise<string> {
  const headers: Record<string, string> = {}
  for (const name of signedHeaders) {
    const value = headerValue(request.headers, name)
    if (value === undefined) throw new SsmServiceError('InvalidSignatureException', SIGNATURE_MISMATCH)
    headers[name] = value
  }
  const [path, query] = splitUrl(request.url)
  const toSign = new HttpRequest({
    method: request.method,
    protocol: 'http:',
    hostname: headers.host ?? '',
    path,
    query,
    headers,
    body: request.body,
  })
  const signer = new SignatureV4({
    service: options.service,
    region: options.region,
    credentials: options.credentials,
    sha256: Sha256,
    // never add a header of our own: only what the client signed may take part
    applyChecksum: false,
  })
  const signed = await signer.sign(toSign, { signingDate, signableHeaders: new Set(signedHeaders) })
  const auth = String(signed.headers.authorization ?? '')
  const recomputedList = /SignedHeaders=([^,]+)/.exec(auth)?.[1]
  if (recomputedList !== signedHeaders.join(';')) throw new SsmServiceError('InvalidSignatureException', SIGNATURE_MISMATCH)
  return /Signature=([0-9a-f]{64})/.exec(auth)?.[1] ?? ''
}

function checkSkew(signingDate: Date, now: number, maxSkewMs: number): void {
  const signedAt = signingDate.getTime()
  const fmt = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
  const minutes = Math.round(maxSkewMs / 60_000)
  if (signedAt < now - maxSkewMs) {
    throw new SsmServiceError('InvalidSignatureException', `Signature expired: ${fmt(signedAt)} is now earlier than ${fmt(now - maxSkewMs)} (${fmt(now)} - ${minutes} min.)`)
  }
  if (signedAt > now + maxSkewMs) {
    throw new SsmServiceError('InvalidSignatureException', `Signature not yet current: ${fmt(signedAt)} is still later than ${fmt(now + maxSkewMs)} (${fmt(now)} + ${minutes} min.)`)
  }
}

function parseAmzDate(value: string): Date | undefined {
  const m = AMZ_DATE_PATTERN.exec(value)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[]
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!))
  return Number.isNaN(date.getTime()) ? undefined : date
}

function splitUrl(url: string): [string, Record<string, string | string[]>] {
  const parsed = new URL(url, 'http://placeholder')
  const query: Record<string, string | string[]> = {}
  for (const [key, value] of parsed.searchParams) {
    const existing = query[key]
    query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  return [parsed.pathname, query]
}

function headerValue(headers: SignedRequest['headers'], name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8')
  const right = Buffer.from(b, 'utf8')
  // compare equal-length buffers always, so that the length check leaks nothing useful either
  const same = timingSafeEqual(left.length === right.length ? right : left, left)
  return same && left.length === right.length
}
