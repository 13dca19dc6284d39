// Turns a curl outcome (exit code, error message, HTTP status) into the failure class that
// scenarios expect ("fails with refused", "fails with tls-name"), so a negative scenario passes
// for the right reason and not because anything at all went wrong.
//
// Exit codes are libcurl's CURLcode values (curl.h, "libcurl-errors"). curl 7.88 (the emulator's)
// says only "Couldn't connect to server" for every connect error; the probe script appends the
// errno text curl logged in verbose mode ("[connect: No route to host]"), and curl ≥ 8 puts it
// in the message itself, so the errno phrases below are matched anywhere in the message.
import type { FailureClass } from '../core/scenario.js'

/** curl exit codes the classes below are built from (CURLcode names, for readers and tests). */
export const curlExitCodes = {
  ok: 0,
  couldNotResolveProxy: 5,
  couldNotResolveHost: 6,
  couldNotConnect: 7,
  httpReturnedError: 22, // only with --fail; the probe does not use it, but a caller might
  operationTimedOut: 28,
  sslConnectError: 35, // handshake failed: not TLS on the other side, protocol/alert trouble
  peerFailedVerificationLegacy: 51, // before 7.62: certificate name mismatch; since merged into 60
  sslCertProblem: 58, // the local client certificate
  sslCipher: 59, // a local cipher choice
  peerFailedVerification: 60, // certificate chain or name not verified
  sslCacertBadFile: 77, // the local CA bundle could not be read
  sslIssuerError: 83,
  sslPinnedPubkeyNotMatch: 90,
  sslInvalidCertStatus: 91, // OCSP stapling said no
} as const

const noRoute = /no route to host|network is unreachable|host is unreachable/i
const timedOut = /timed out/i
const nameMismatch = /subject name|does not match target host ?name|no alternative certificate subject name/i
const resolving = /resolving timed out|could not resolve/i
const certificateTrouble = /certificate|verif|unknown ca|bad ca/i

/**
 * The failure class of one curl run; null when curl succeeded (exit 0), whatever the HTTP status:
 * a wrong status is judged against the expected one by the assertions, not here (exit 22, from
 * curl --fail, is the one case where the status is curl's failure).
 */
export function classifyFailure(exitcode: number, errormsg: string): FailureClass | null {
  const c = curlExitCodes
  switch (exitcode) {
    case c.ok:
      return null
    case c.couldNotResolveHost:
    case c.couldNotResolveProxy:
      return 'dns'
    case c.couldNotConnect:
      if (noRoute.test(errormsg)) return 'no-route'
      if (timedOut.test(errormsg)) return 'timeout' // the kernel gave up (ETIMEDOUT) before --connect-timeout did
      return 'refused'
    case c.operationTimedOut:
      // a resolver that never answers is a DNS failure, not a slow service
      return resolving.test(errormsg) ? 'dns' : 'timeout'
    case c.httpReturnedError:
      return 'http-status'
    case c.peerFailedVerification:
      return nameMismatch.test(errormsg) ? 'tls-name' : 'tls-verify'
    case c.peerFailedVerificationLegacy:
      return 'tls-name'
    case c.sslConnectError:
      if (noRoute.test(errormsg)) return 'no-route'
      return certificateTrouble.test(errormsg) ? 'tls-verify' : 'other'
    case c.sslIssuerError:
    case c.sslPinnedPubkeyNotMatch:
    case c.sslInvalidCertStatus:
      return 'tls-verify'
    // 58, 59, 77: the harness's own TLS configuration is broken; that must never satisfy a
    // scenario expecting the *peer* to fail verification
    default:
      return 'other'
  }
}
