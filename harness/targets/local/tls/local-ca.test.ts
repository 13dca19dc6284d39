import { X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createLocalCa } from './local-ca.js'

describe('createLocalCa', () => {
  it('issues a 2048-bit server certificate for the names, signed by the CA', () => {
    const ca = createLocalCa('abc123')
    const leaf = ca.issue(['consumer-link.example.com', 'other.example.com'])
    const caCert = new X509Certificate(ca.certPem)
    const cert = new X509Certificate(leaf.certPem)
    expect(caCert.ca).toBe(true)
    expect(cert.ca).toBe(false)
    expect(cert.subjectAltName).toBe('DNS:consumer-link.example.com, DNS:other.example.com')
    expect(cert.checkIssued(caCert)).toBe(true)
    expect(cert.verify(caCert.publicKey)).toBe(true)
    expect(cert.checkHost('consumer-link.example.com')).toBe('consumer-link.example.com')
    expect(cert.checkHost('vpce-0123.vpce-svc-0123.us-east-1.vpce.amazonaws.com')).toBeUndefined()
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048)
  })

  it('refuses to issue a certificate without a name', () => {
    expect(() => createLocalCa('x').issue([])).toThrow(/at least one DNS name/)
  })
})
