// A certificate authority that lives for one run: it issues the NLB TLS listener's certificate
// (the name of a private hosted zone record, as ACM would for consumer-link.<zone>), and the
// consumer instances trust it through curl's --cacert. node-forge builds the certificates:
// Node's crypto parses X.509 but cannot issue it, and selfsigned signs leaves with SHA-1 and
// 1024-bit keys without subjectAltName, which Debian's OpenSSL (security level 2) rejects.
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import forge from 'node-forge'

export interface IssuedCertificate {
  certPem: string
  keyPem: string
}

export interface LocalCa {
  certPem: string
  /** issues a server certificate for `names` (subjectAltName DNS entries; the first is the CN) */
  issue(names: string[]): IssuedCertificate
}

function rsaKeys(): { publicKey: forge.pki.PublicKey; privateKey: forge.pki.rsa.PrivateKey; privatePem: string } {
  // Node generates the key natively (fast); forge reads it back to sign with it
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  return {
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
    privateKey: forge.pki.privateKeyFromPem(privatePem) as forge.pki.rsa.PrivateKey,
    privatePem,
  }
}

function serial(): string {
  // positive, 16 bytes
  return '01' + randomBytes(15).toString('hex')
}

function validity(cert: forge.pki.Certificate, days: number): void {
  const now = new Date()
  cert.validity.notBefore = new Date(now.getTime() - 60_000)
  cert.validity.notAfter = new Date(now.getTime() + days * 86_400_000)
}

/** Creates a CA named after the run; its certificates are valid for two days. */
export function createLocalCa(runLabel: string): LocalCa {
  const caKeys = rsaKeys()
  const ca = forge.pki.createCertificate()
  ca.publicKey = caKeys.publicKey
  ca.serialNumber = serial()
  validity(ca, 2)
  const caSubject = [
    { name: 'commonName', value: `plh local CA ${runLabel}` },
    { name: 'organizationName', value: 'privatelink-harness' },
  ]
  ca.setSubject(caSubject)
  ca.setIssuer(caSubject)
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ])
  ca.sign(caKeys.privateKey, forge.md.sha256.create())

  return {
    certPem: forge.pki.certificateToPem(ca),
    issue(names) {
      if (names.length === 0) throw new Error('issue: at least one DNS name is needed')
      const keys = rsaKeys()
      const cert = forge.pki.createCertificate()
      cert.publicKey = keys.publicKey
      cert.serialNumber = serial()
      validity(cert, 2)
      cert.setSubject([{ name: 'commonName', value: names[0]! }])
      cert.setIssuer(caSubject)
      cert.setExtensions([
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: names.map((value) => ({ type: 2, value })) },
        { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
      ])
      cert.sign(caKeys.privateKey, forge.md.sha256.create())
      return { certPem: forge.pki.certificateToPem(cert), keyPem: keys.privatePem }
    },
  }
}
