import { describe, expect, it } from 'vitest'
import { classifyFailure } from './classify-failure.js'

describe('classifyFailure', () => {
  it('is null for exit 0 (a wrong status is the assertions\' business; the status is no input here)', () => {
    expect(classifyFailure(0, '')).toBeNull()
  })

  it.each([
    [6, 'Could not resolve host: nonexistent.invalid', 'dns'],
    [5, 'Could not resolve proxy: p', 'dns'],
    [7, 'Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn\'t connect to server', 'refused'],
    [7, 'Failed to connect to 10.0.0.1 port 80 after 0 ms: Connection refused', 'refused'],
    [7, 'Failed to connect to 10.0.0.1 port 80 after 3 ms: No route to host', 'no-route'],
    [7, "Failed to connect to 10.0.0.1 port 80 after 0 ms: Couldn't connect to server [connect: Network is unreachable]", 'no-route'],
    [7, 'Failed to connect to 10.0.0.1 port 80 after 130000 ms: Connection timed out', 'timeout'],
    [28, 'Connection timed out after 2001 milliseconds', 'timeout'],
    [28, 'Operation timed out after 5000 milliseconds with 0 out of 0 bytes received', 'timeout'],
    [28, 'Resolving timed out after 2000 milliseconds', 'dns'],
    [60, "SSL: no alternative certificate subject name matches target host name '127.0.0.1'", 'tls-name'],
    [60, "SSL: certificate subject name 'a.example' does not match target host name 'b.example'", 'tls-name'],
    [60, 'SSL certificate problem: self-signed certificate', 'tls-verify'],
    [60, 'SSL certificate problem: certificate has expired', 'tls-verify'],
    [51, 'SSL: certificate subject name does not match target host name', 'tls-name'],
    [35, 'error:0A00010B:SSL routines::wrong version number', 'other'],
    [35, 'OpenSSL/3.0: error:0A000418:SSL routines::tlsv1 alert unknown ca', 'tls-verify'],
    [83, 'SSL: issuer check failed', 'tls-verify'],
    [90, 'SSL: public key does not match pinned public key', 'tls-verify'],
    [91, 'SSL certificate revocation reason', 'tls-verify'],
    [77, 'error setting certificate file: /nope.pem', 'other'],
    [58, 'unable to set private key file', 'other'],
    [59, 'failed setting cipher list', 'other'],
    [52, 'Empty reply from server', 'other'],
    [56, 'Recv failure: Connection reset by peer', 'other'],
    [127, 'no curl -w output (exit 127)', 'other'],
  ] as const)('exit %i %j → %s', (exitcode, errormsg, expected) => {
    expect(classifyFailure(exitcode, errormsg)).toBe(expected)
  })

  it('reads exit 22 (--fail) as an HTTP status failure', () => {
    expect(classifyFailure(22, 'The requested URL returned error: 503')).toBe('http-status')
  })
})
