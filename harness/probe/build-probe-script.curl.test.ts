// The probe script run for real: /bin/sh (dash) and bash, real curl, servers on 127.0.0.1 only.
// Proves the script's output parses, classes come out right, and values reach curl intact.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import fc from 'fast-check'
import selfsigned from 'selfsigned'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProbeTarget } from '../core/results.js'
import { buildCurlArgs, buildProbeScripts } from './build-probe-script.js'
import { parseProbeOutput } from './parse-probe-output.js'
import { makeFakeCurl, type FakeCurl } from './test-support/fake-curl.js'

const run = promisify(execFile)
const binary = Buffer.from([0, 1, 2, 0xff, 0x22, 0x5c, 0x0a, 0x41])
const routes: Record<string, [number, string | Buffer]> = {
  '/ok': [200, 'hello from loopback\n'],
  '/nonl': [200, 'no newline'],
  '/binary': [200, binary],
  '/big': [200, 'x'.repeat(1000)],
  '/json': [200, '{"a":"b\\\\"}\n'],
  '/multi': [200, 'line1\nline2\n'],
  '/empty': [204, ''],
  '/missing': [404, 'not here\n'],
  '/redirect': [302, ''],
}

function handler(req: { url?: string }, res: import('node:http').ServerResponse): void {
  const [status, body] = routes[req.url ?? ''] ?? [500, 'unknown route\n']
  if (status === 302) res.setHeader('location', '/ok')
  res.writeHead(status).end(body)
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

function target(key: string, url: string): ProbeTarget {
  return { key, url, host: new URL(url).hostname, port: Number(new URL(url).port), name_kind: 'hostname' }
}

describe('probe script with real curl on loopback', () => {
  let http: Server
  let https: Server
  let httpPort: number
  let httpsPort: number
  let closedPort: number
  let dir: string
  let caFile: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plh-probe-'))
    const pems = selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
      days: 1,
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] }],
    })
    caFile = join(dir, 'ca.pem')
    await writeFile(caFile, pems.cert)
    http = createHttpServer(handler)
    https = createHttpsServer({ key: pems.private, cert: pems.cert }, handler)
    httpPort = await listen(http)
    httpsPort = await listen(https)
    const closed = createHttpServer()
    closedPort = await listen(closed)
    await new Promise((resolve) => closed.close(resolve))
  })
  afterAll(async () => {
    http.closeAllConnections()
    https.closeAllConnections()
    await Promise.all([new Promise((r) => http.close(r)), new Promise((r) => https.close(r))])
    await rm(dir, { recursive: true, force: true })
  })

  async function probe(targets: ProbeTarget[], shell: string, extra: { caBundle?: string; samples?: number } = {}) {
    const scripts = buildProbeScripts(targets, { samples: extra.samples ?? 3, timeoutS: 5, connectTimeoutS: 2, ...(extra.caBundle ? { caBundle: extra.caBundle } : {}) })
    // a proxy that refuses: were --noproxy missing, every sample would fail
    const proxy = `http://127.0.0.1:${closedPort}`
    const samples = []
    for (const script of scripts) {
      const { stdout } = await run(shell, ['-c', script], { env: { ...process.env, http_proxy: proxy, https_proxy: proxy, all_proxy: proxy } })
      const parsed = parseProbeOutput(stdout)
      expect(parsed.malformed).toBe(0)
      expect(parsed.truncated).toBe(false)
      samples.push(...parsed.samples)
    }
    return samples
  }

  it.each(['/bin/sh', 'bash'])('measures 200s, bodies, refused and dns (%s)', async (shell) => {
    const base = `http://127.0.0.1:${httpPort}`
    const names = ['ok', 'nonl', 'binary', 'big', 'json', 'multi', 'empty', 'missing', 'redirect']
    const targets = [
      ...names.map((n, i) => target(`t${i}`, `${base}/${n}`)),
      target('refused', `http://127.0.0.1:${closedPort}/`),
      target('dns', 'http://nonexistent.invalid:80/'),
    ]
    const samples = await probe(targets, shell)
    expect(samples).toHaveLength(targets.length * 3)
    expect(samples.slice(0, 3).map((s) => s.target)).toEqual(['t0', 't1', 't2']) // round-robin
    const by = (key: string) => samples.filter((s) => s.target === key)
    for (const s of by('t0')) {
      expect(s).toMatchObject({ http_code: 200, exitcode: 0, failure: null, remote_ip: '127.0.0.1', body_head: 'hello from loopback\n', errormsg: '' })
      expect(s.time_total).toBeGreaterThan(0)
      expect(s.time_connect).toBeLessThanOrEqual(s.time_total)
      expect(s.time_starttransfer).toBeLessThanOrEqual(s.time_total)
    }
    expect(by('t0').map((s) => s.seq)).toEqual([0, 1, 2])
    expect(by('t1')[0]!.body_head).toBe('no newline')
    expect(by('t2')[0]!.body_head).toBe(binary.toString('utf8'))
    expect(by('t3')[0]!.body_head).toBe('x'.repeat(256))
    expect(by('t4')[0]!.body_head).toBe('{"a":"b\\\\"}\n')
    expect(by('t5')[0]!.body_head).toBe('line1\nline2\n')
    expect(by('t6')[0]).toMatchObject({ http_code: 204, body_head: '', failure: null })
    expect(by('t7')[0]).toMatchObject({ http_code: 404, body_head: 'not here\n', failure: null })
    expect(by('t8')[0]).toMatchObject({ http_code: 302, failure: null }) // not followed
    for (const s of by('refused')) expect(s).toMatchObject({ exitcode: 7, failure: 'refused', http_code: 0 })
    expect(by('refused')[0]!.errormsg).toMatch(/Connection refused/)
    for (const s of by('dns')) expect(s).toMatchObject({ exitcode: 6, failure: 'dns' })
    expect(by('dns')[0]!.errormsg).toMatch(/nonexistent\.invalid/)
  })

  it('classifies TLS name and verification failures', async () => {
    const viaIp = target('ip', `https://127.0.0.1:${httpsPort}/ok`)
    const viaName = target('name', `https://localhost:${httpsPort}/ok`)
    const trusted = await probe([viaIp, viaName], '/bin/sh', { caBundle: caFile, samples: 1 })
    expect(trusted.find((s) => s.target === 'ip')).toMatchObject({ exitcode: 60, failure: 'tls-name' })
    expect(trusted.find((s) => s.target === 'name')).toMatchObject({ exitcode: 0, http_code: 200, body_head: 'hello from loopback\n' })
    expect(trusted.find((s) => s.target === 'name')!.time_appconnect).toBeGreaterThan(0)
    const untrusted = await probe([viaName], '/bin/sh', { samples: 1 })
    expect(untrusted[0]).toMatchObject({ exitcode: 60, failure: 'tls-verify' })
  })
})

describe('values placed into the script, or coming back from curl, cannot run shell (fake curl records argv)', () => {
  let fake: FakeCurl
  let mark: string
  beforeAll(async () => {
    fake = await makeFakeCurl()
    mark = join(fake.dir, 'pwned')
  })
  afterAll(() => fake.cleanup())

  // Each payload, were it ever evaluated by the shell, would create the marker file (or run a
  // second curl, which the exact call list would show).
  const payloads = () => [
    `$(touch ${mark})`,
    `\`touch ${mark}\``,
    `'; touch ${mark}; '`,
    `"; touch ${mark}; "`,
    `\ntouch ${mark}\n`,
    `'$(touch ${mark})'`,
    `\\'; touch ${mark} #`,
    `"$(touch ${mark})"`,
    `$(curl -o ${mark} x)`,
    `>${mark}`,
    `; curl x; touch ${mark}`,
    '${IFS}*?[a]{b,c}~!#&|<>;',
    '$HOME $0 $$ $? $@ $*',
    'é ☃ 𝄞 \u200b ﷽',
    '\r\t\u0001\u007f\u001b[31m',
    '%s%n%d\\0\\n',
  ]
  const text = (maxLength: number) =>
    fc
      .array(fc.oneof(fc.constantFrom(...payloads()), fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength })
      .map((parts) => parts.join('').replaceAll('\0', ''))
  const ok = (size: number) => `${size} "c":"200","ip":"127.0.0.1","tn":0,"tc":0,"ta":0,"ts":0,"tt":0.000100\n`

  it('passes URLs (host names, paths) and the CA path to curl byte for byte, in order, and runs nothing else (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(text(4), text(4), fc.integer({ min: 1, max: 65535 })), { minLength: 1, maxLength: 3 }),
        text(3),
        fc.integer({ min: 1, max: 2 }),
        fc.constantFrom('/bin/sh', 'bash'),
        async (names, ca, samples, shell) => {
          const targets = names.map(([host, path, port], i) => ({ ...target(`t${i}`, 'http://x:1/'), url: `http://${host}:${port}/${path}` }))
          const options = { samples, timeoutS: 3, connectTimeoutS: 1, caBundle: `/etc/${ca}` }
          await fake.setOutcome({ stdout: ok(6), body: 'hello\n' })
          const scripts = buildProbeScripts(targets, options)
          let stdout = ''
          for (const script of scripts) stdout += (await fake.runScript(script, shell)).stdout
          expect(existsSync(mark)).toBe(false)
          const calls = await fake.calls()
          // round-robin: t0 s0, t1 s0, … t0 s1, …: exactly one curl per sample, nothing in between
          const urls = Array.from({ length: samples }, () => targets.map((t) => t.url)).flat()
          expect(calls).toHaveLength(urls.length)
          const fixed = buildCurlArgs(options)
          calls.forEach((argv, i) => {
            expect(argv.slice(0, fixed.length)).toEqual(fixed)
            expect(argv.slice(fixed.length)).toEqual(['-o', expect.stringMatching(/\/body$/), '--url', urls[i]])
          })
          const parsed = parseProbeOutput(stdout)
          expect(parsed.malformed).toBe(0)
          expect(parsed.samples).toHaveLength(urls.length)
          for (const sample of parsed.samples) expect(sample).toMatchObject({ http_code: 200, body_head: 'hello\n' })
        },
      ),
      { numRuns: 60 },
    )
  })

  it('treats bodies, error messages and curl\'s verbose log as data: never evaluated, reported intact (property)', async () => {
    const bytes = (s: string) => Buffer.byteLength(s, 'utf8')
    await fc.assert(
      fc.asyncProperty(
        text(8).filter((b) => bytes(b) <= 400),
        text(3).filter((m) => bytes(m) <= 100),
        text(3).filter((c) => bytes(c) <= 100 && !c.includes('\n')),
        fc.boolean(),
        fc.constantFrom('/bin/sh', 'bash'),
        async (body, message, connectText, succeeds, shell) => {
          const options = { samples: 1, timeoutS: 3, connectTimeoutS: 1 }
          const verbose = `* Trying 10.0.0.1:80...\n* connect to 10.0.0.1 port 80 failed: ${connectText}\n* Closing connection\n`
          await fake.setOutcome(
            succeeds
              ? { stdout: ok(bytes(body)), body, stderr: verbose }
              : { stdout: `0 "c":"000","ip":"","tn":0,"tc":0,"ta":0,"ts":0,"tt":0\n${message}`, body, stderr: verbose, exit: 7 },
          )
          const { stdout } = await fake.runScript(buildProbeScripts([target('t0', 'http://example.test:80/')], options)[0]!, shell)
          expect(existsSync(mark)).toBe(false)
          expect(await fake.calls()).toHaveLength(1)
          const parsed = parseProbeOutput(stdout)
          expect(parsed.malformed).toBe(0)
          expect(parsed.samples).toHaveLength(1)
          const sample = parsed.samples[0]!
          if (succeeds) {
            expect(sample).toMatchObject({ exitcode: 0, http_code: 200, errormsg: '', body_head: Buffer.from(body, 'utf8').subarray(0, 256).toString('utf8') })
          } else {
            // sh's $(…) drops trailing newlines; the connect errno is appended unless already in the message
            const shown = message.replace(/\n+$/, '')
            const expected = connectText !== '' && !shown.includes(connectText) ? `${shown} [connect: ${connectText}]` : shown
            expect(sample).toMatchObject({ exitcode: 7, http_code: 0, body_head: '', errormsg: expected })
          }
        },
      ),
      { numRuns: 80 },
    )
  })
})
