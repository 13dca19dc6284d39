import { describe, expect, it } from 'vitest'
import { readSignatureScope } from './read-signature-scope.js'

describe('readSignatureScope', () => {
  it('reads key, date, region and service from the credential scope', () => {
    const header = 'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261203/eu-west-2/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=' + 'a'.repeat(64)
    expect(readSignatureScope(header)).toEqual({ accessKeyId: 'AKIAEXAMPLE', date: '20261203', region: 'eu-west-2', service: 'ec2' })
  })

  it('answers undefined for anything but SigV4', () => {
    expect(readSignatureScope(undefined)).toBeUndefined()
    expect(readSignatureScope('Basic dXNlcjpwYXNz')).toBeUndefined()
    expect(readSignatureScope('AWS4-HMAC-SHA256 SignedHeaders=host')).toBeUndefined()
  })
})
