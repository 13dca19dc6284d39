import { Sha256 } from '@aws-crypto/sha256-js'
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'
import { describe, expect, it } from 'vitest'
import { SsmServiceError } from './service-error.js'
import { type SignedRequest, verifySigV4 } from './verify-sigv4.js'

const region = 'eu-west-2'
const credentials = { accessKeyId: 'AKIDPLHTEST0001', secretAccessKey: 'per-run-secret-0001' }
const verifyOptions = { region, service: 'ssm', credentials }
const signedAt = new Date('2026-11-25T12:00:00Z')
const body = JSON.stringify({ CommandId: '0b7d8f7e-0000-4000-8000-000000000000', InstanceId: 'i-0123456789abcdef0' })

async function signRequest(
  options: { secretAccessKey?: string; accessKeyId?: string; region?: string; applyChecksum?: boolean; date?: Date } = {},
): Promise<SignedRequest> {
  const request = new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 41234,
    path: '/',
    headers: {
      host: '127.0.0.1:41234',
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AmazonSSM.GetCommandInvocation',
      'content-length': String(Buffer.byteLength(body)),
    },
    body,
  })
  const signer = new SignatureV4({
    service: 'ssm',
    region: options.region ?? region,
    credentials: {
      accessKeyId: options.accessKeyId ?? credentials.accessKeyId,
      secretAccessKey: options.secretAccessKey ?? credentials.secretAccessKey,
    },
    sha256: Sha256,
    ...(options.applyChecksum === undefined ? {} : { applyChecksum: options.applyChecksum }),
  })
  const signed = await signer.sign(request, { signingDate: options.date ?? signedAt })
  const headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]))
  return { method: 'POST', url: '/', headers, body: Buffer.from(body) }
}

async function refusal(request: SignedRequest, now = signedAt.getTime()): Promise<SsmServiceError> {
  const error = await verifySigV4(request, { ...verifyOptions, now }).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(SsmServiceError)
  return error as SsmServiceError
}

describe('verifySigV4', () => {
  it('accepts a request signed by @smithy/signature-v4 with the run credentials (with and without x-amz-content-sha256)', async () => {
    await expect(verifySigV4(await signRequest(), { ...verifyOptions, now: signedAt.getTime() })).resolves.toBeUndefined()
    await expect(verifySigV4(await signRequest({ applyChecksum: false }), { ...verifyOptions, now: signedAt.getTime() + 60_000 })).resolves.toBeUndefined()
  })

  it('refuses a tampered body: InvalidSignatureException, whether or not the payload hash header was sent', async () => {
    for (const applyChecksum of [true, false]) {
      const request = await signRequest({ applyChecksum })
      const tampered = { ...request, body: Buffer.from(body.replace('i-0123456789abcdef0', 'i-0fedcba9876543210')) }
      const error = await refusal(tampered)
      expect(error.type).toBe('InvalidSignatureException')
      expect(error.status).toBe(400)
    }
  })

  it('refuses a changed signed header (the operation) with InvalidSignatureException', async () => {
    const request = await signRequest()
    const error = await refusal({ ...request, headers: { ...request.headers, 'x-amz-target': 'AmazonSSM.SendCommand' } })
    expect(error.type).toBe('InvalidSignatureException')
  })

  it('refuses the right key id with the wrong secret: InvalidSignatureException', async () => {
    const error = await refusal(await signRequest({ secretAccessKey: 'not-the-secret' }))
    expect(error.type).toBe('InvalidSignatureException')
    expect(error.message).toMatch(/signature we calculated does not match/)
  })

  it('refuses an unknown access key: UnrecognizedClientException', async () => {
    const error = await refusal(await signRequest({ accessKeyId: 'AKIDSOMEONEELSE' }))
    expect(error.type).toBe('UnrecognizedClientException')
    expect(error.status).toBe(400)
  })

  it('refuses an unsigned request: MissingAuthenticationTokenException', async () => {
    const request = await signRequest()
    const { authorization: _dropped, ...headers } = request.headers
    const error = await refusal({ ...request, headers })
    expect(error.type).toBe('MissingAuthenticationTokenException')
  })

  it('refuses a signature older than 15 minutes, and one more than 15 minutes ahead', async () => {
    const request = await signRequest()
    const expired = await refusal(request, signedAt.getTime() + 16 * 60_000)
    expect(expired.type).toBe('InvalidSignatureException')
    expect(expired.message).toMatch(/^Signature expired: 20261125T120000Z is now earlier than/)
    const early = await refusal(request, signedAt.getTime() - 16 * 60_000)
    expect(early.message).toMatch(/^Signature not yet current/)
    // 14 minutes is still inside the window
    await expect(verifySigV4(request, { ...verifyOptions, now: signedAt.getTime() + 14 * 60_000 })).resolves.toBeUndefined()
  })

  it('refuses a signature scoped to another region', async () => {
    const error = await refusal(await signRequest({ region: 'us-east-1' }))
    expect(error.type).toBe('InvalidSignatureException')
    expect(error.message).toMatch(/valid region, not 'us-east-1'/)
  })

  it('refuses a malformed Authorization header: IncompleteSignatureException', async () => {
    const request = await signRequest()
    const error = await refusal({ ...request, headers: { ...request.headers, authorization: 'AWS4-HMAC-SHA256 Credential=broken' } })
    expect(error.type).toBe('IncompleteSignatureException')
  })
})
