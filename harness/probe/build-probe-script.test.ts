import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProbeTarget } from '../core/results.js'
import { buildCurlArgs, buildProbeScripts, planProbeBatches, probeLineLimits, worstCaseLineChars } from './build-probe-script.js'
import { parseProbeOutput } from './parse-probe-output.js'
import { makeFakeCurl, type FakeCurl } from './test-support/fake-curl.js'

function target(i: number, url = `http://name-${i}.example:80/`): ProbeTarget {
  return { key: `t${i}`, url, host: `name-${i}.example`, port: 80, name_kind: 'regional' }
}
const options = { samples: 3, timeoutS: 5, connectTimeoutS: 2 }

/** The (key, seq) calls a script makes, in order. */
function callsOf(script: string): Array<[string, number]> {
  return [...script.matchAll(/^p '([^']+)' (\d+) /gm)].map((m) => [m[1]!, Number(m[2])])
}

describe('planProbeBatches', () => {
  it('interleaves samples round-robin and fits small runs in one batch', () => {
    const scripts = buildProbeScripts([target(0), target(1)], options)
    expect(scripts).toHaveLength(1)
    expect(callsOf(scripts[0]!)).toEqual([
      ['t0', 0],
      ['t1', 0],
      ['t0', 1],
      ['t1', 1],
      ['t0', 2],
      ['t1', 2],
    ])
    expect(scripts[0]).toMatch(/\nexit 0\n$/)
    expect(scripts[0]).not.toMatch(/set -e/)
  })

  it('splits 3 targets × 200 samples into the fewest batches under 24,000 characters, evenly', () => {
    const targets = [0, 1, 2].map((i) => target(i))
    const batches = planProbeBatches(targets, { ...options, samples: 200 })
    const line = worstCaseLineChars(2, 199)
    const perBatch = Math.floor(23_999 / line)
    expect(batches).toHaveLength(Math.ceil(600 / perBatch))
    expect(batches.length).toBeGreaterThan(1)
    for (const b of batches) {
      expect(b.worstCaseChars).toBe(b.lines * line)
      expect(b.worstCaseChars).toBeLessThan(24_000)
    }
    const sizes = batches.map((b) => b.lines)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
    // every (target, seq) exactly once, in round-robin order across batches
    const all = batches.flatMap((b) => callsOf(b.script))
    expect(all).toHaveLength(600)
    all.forEach(([key, seq], i) => expect([key, seq]).toEqual([`t${i % 3}`, Math.floor(i / 3)]))
  })

  it('honours a smaller maxOutputChars and refuses one below a single line', () => {
    const line = worstCaseLineChars(2, 9)
    const batches = planProbeBatches([target(0)], { ...options, samples: 10, maxOutputChars: 3 * line + 1 })
    expect(batches.map((b) => b.lines)).toEqual([3, 3, 2, 2])
    expect(() => buildProbeScripts([target(0)], { ...options, maxOutputChars: 100 })).toThrow(/maxOutputChars 100 is below one sample line/)
  })

  it('validates options and keys, naming the option', () => {
    expect(() => buildProbeScripts([], options)).toThrow(/targets is empty/)
    expect(() => buildProbeScripts([target(0)], { ...options, samples: 0 })).toThrow(/samples/)
    expect(() => buildProbeScripts([target(0)], { ...options, timeoutS: Number.NaN })).toThrow(/timeoutS/)
    expect(() => buildProbeScripts([target(0)], { ...options, connectTimeoutS: 0 })).toThrow(/connectTimeoutS/)
    expect(() => buildProbeScripts([{ ...target(0), key: 'a"b' }], options)).toThrow(/target key/)
    expect(() => buildProbeScripts([target(0), target(0)], options)).toThrow(/appears twice/)
    expect(() => buildProbeScripts([target(0, 'http://a\0b/')], options)).toThrow(/NUL/)
  })

  it('passes curl the fixed, safe option set', () => {
    const args = buildCurlArgs({ timeoutS: 5, connectTimeoutS: 2.5, caBundle: '/etc/ca.pem' })
    expect(args.slice(0, 8)).toEqual(['-q', '-s', '-v', '-g', '--noproxy', '*', '--proto', '=http,https'])
    expect(args).toEqual(expect.arrayContaining(['--connect-timeout', '2.5', '--max-time', '5', '--cacert', '/etc/ca.pem']))
    expect(args).not.toContain('-L')
    expect(buildCurlArgs(options)).not.toContain('--cacert')
  })
})

describe('the batch script under a hostile curl (fake curl on PATH)', () => {
  let fake: FakeCurl
  beforeAll(async () => {
    fake = await makeFakeCurl()
  })
  afterAll(() => fake.cleanup())

  const ok = '5 "c":"200","ip":"10.0.0.5","tn":0.000010,"tc":0.000100,"ta":0.000000,"ts":0.000500,"tt":0.000600\n'

  it.each(['/bin/sh', 'bash'])('keeps every line within the worst-case bound and valid JSON (%s)', async (shell) => {
    const cases = [
      { stdout: ok, body: 'hello\n' },
      { stdout: ok, body: 'no newline' },
      // size_download (5) disagrees with the file: the base64 guard still bounds the line
      { stdout: ok, body: Buffer.concat([Buffer.from([0, 1, 2, 0xff, 0x22, 0x5c]), Buffer.alloc(5000, 0x41)]) },
      { stdout: ok.replace(/^5/, '257'), body: 'x'.repeat(256) + '\n' }, // 257 bytes: base64 of the first 256
      { stdout: `0 "c":"000","ip":"","tn":0.000010,"tc":0,"ta":0,"ts":0,"tt":0.000600\n${'"\\é\t'.repeat(120)}`, exit: 60 },
      { stdout: `0 "c":"000","ip":"","tn":0.1,"tc":0,"ta":0,"ts":0,"tt":0.2\n${'a'.repeat(400)}`, exit: 28 },
      { stdout: `0 "c":"200","ip":"1.2.3.4",${['tn', 'tc', 'ta', 'ts', 'tt'].map((t) => `"${t}":${'9'.repeat(30)}.5`).join(',')}\n`, exit: 0 },
      { stdout: 'garbage', exit: 2 },
      { stdout: '', exit: 127 },
      { stdout: `0 "c":"000","ip":"","tn":0,"tc":0,"ta":0,"ts":0,"tt":0\nFailed to connect to h port 1 after 0 ms: Couldn't connect to server`, stderr: '*   Trying 10.9.9.9:1...\n* connect to 10.9.9.9 port 1 failed: No route to host\n', exit: 7 },
      // never a message and a body on one line: a failed transfer keeps its message, a successful one its body
      { stdout: `300 "c":"200","ip":"10.0.0.5","tn":0,"tc":0,"ta":0,"ts":0,"tt":5.000100\n${'"'.repeat(300)}`, body: '\u0000'.repeat(300), exit: 28 },
      { stdout: `300 "c":"200","ip":"10.0.0.5","tn":0,"tc":0,"ta":0,"ts":0,"tt":0.1\n${'"'.repeat(300)}`, body: '\u0000'.repeat(300), exit: 0 },
    ]
    const bound = worstCaseLineChars(2, 0)
    const results = []
    for (const c of cases) {
      await fake.setOutcome(c)
      const { stdout } = await fake.runScript(buildProbeScripts([target(0)], { ...options, samples: 1 })[0]!, shell)
      const lines = stdout.split('\n').filter(Boolean)
      expect(lines).toHaveLength(1)
      expect(stdout.length).toBeLessThanOrEqual(bound)
      expect(() => JSON.parse(lines[0]!)).not.toThrow()
      results.push(parseProbeOutput(stdout))
    }
    const s = results.map((r) => r.samples[0]!)
    expect(results.every((r) => r.malformed === 0 && !r.truncated)).toBe(true)
    expect(s[0]).toMatchObject({ http_code: 200, body_head: 'hello\n', remote_ip: '10.0.0.5', time_total: 0.6, failure: null })
    expect(s[1]!.body_head).toBe('no newline')
    expect(Buffer.from(s[2]!.body_head, 'utf8').length).toBeGreaterThan(250)
    expect(s[2]!.body_head.startsWith('\u0000\u0001\u0002')).toBe(true)
    expect(s[3]!.body_head).toBe('x'.repeat(256))
    expect(s[4]).toMatchObject({ exitcode: 60, failure: 'tls-verify' })
    expect(s[4]!.errormsg.startsWith('"\\é\t"\\é')).toBe(true)
    expect(s[5]!.errormsg).toBe('a'.repeat(240)) // over the raw limit: base64 of the first 240 bytes
    expect(s[6]).toMatchObject({ http_code: 0, errormsg: 'curl printed no usable -w output (exit 0)' })
    expect(s[7]).toMatchObject({ exitcode: 2, failure: 'other', errormsg: 'curl printed no usable -w output (exit 2)' })
    expect(s[8]).toMatchObject({ exitcode: 127, failure: 'other' })
    expect(s[9]).toMatchObject({ exitcode: 7, failure: 'no-route' })
    expect(s[9]!.errormsg).toMatch(/\[connect: No route to host\]$/)
    expect(s[10]).toMatchObject({ exitcode: 28, failure: 'timeout', errormsg: '"'.repeat(240), body_head: '' })
    expect(s[11]).toMatchObject({ exitcode: 0, failure: null, errormsg: '', body_head: '\u0000'.repeat(256) })
  })

  it('states the limits it enforces', () => {
    expect(probeLineLimits.bodyHeadBytes).toBe(256)
    expect(worstCaseLineChars(2, 19)).toBe(543)
  })
})
