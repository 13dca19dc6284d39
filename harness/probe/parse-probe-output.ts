// Reads the JSON lines the probe scripts print (format: build-probe-script.ts) back into
// ProbeSamples, tolerating what SSM and interrupted scripts do to stdout: the
// `---Output truncated---` marker, a cut last line, stray lines from the instance's shell.
import type { ProbeSample } from '../core/results.js'
import { SSM_OUTPUT_TRUNCATED_MARKER } from '../core/ssm-limits.js'
import { classifyFailure } from './classify-failure.js'

/** What one batch's stdout yielded, with counts of what it could not use. */
export interface ParsedProbeOutput {
  samples: ProbeSample[]
  /** complete lines that are not sample lines (noise, corruption) */
  malformed: number
  /** the output was cut: SSM's marker, or a last line without its newline that does not parse */
  truncated: boolean
}

const timingFields = [
  ['tn', 'time_namelookup'],
  ['tc', 'time_connect'],
  ['ta', 'time_appconnect'],
  ['ts', 'time_starttransfer'],
  ['tt', 'time_total'],
] as const

/** curl prints seconds with 6 decimals: milliseconds with 3, without float noise. */
function secondsToMs(s: number): number {
  return Math.round(s * 1e6) / 1e3
}

function decodeBase64(s: string): string | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return null
  return Buffer.from(s, 'base64').toString('utf8')
}

/** Raw (`e`, `b`) or base64 (`eh`, `bb`) text field; null when neither is a well-formed string. */
function textField(o: Record<string, unknown>, raw: string, base64: string): string | null {
  if (typeof o[raw] === 'string') return o[raw]
  if (typeof o[base64] === 'string') return decodeBase64(o[base64])
  return null
}

/** One probe line as a sample; null when it is not one. */
export function parseProbeLine(line: string): ProbeSample | null {
  let o: unknown
  try {
    o = JSON.parse(line)
  } catch {
    return null
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return null
  const r = o as Record<string, unknown>
  const { k, s, x, c, ip } = r
  if (typeof k !== 'string' || !Number.isInteger(s) || !Number.isInteger(x) || typeof c !== 'string' || !/^\d{3}$/.test(c) || typeof ip !== 'string') return null
  const errormsg = textField(r, 'e', 'eh')
  const body = textField(r, 'b', 'bb')
  if (errormsg === null || body === null) return null
  const times = {} as Record<(typeof timingFields)[number][1], number>
  for (const [short, long] of timingFields) {
    const v = r[short]
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return null
    times[long] = secondsToMs(v)
  }
  const exitcode = x as number
  const http_code = Number(c)
  return {
    target: k,
    seq: s as number,
    http_code,
    exitcode,
    errormsg,
    remote_ip: ip,
    ...times,
    body_head: body,
    failure: classifyFailure(exitcode, errormsg),
  }
}

/**
 * Every sample in one batch's stdout, in output order, with counts of what could not be read.
 * Lines after SSM's marker, and a last line that lost its end, are cut output, not malformed.
 */
export function parseProbeOutput(stdout: string): ParsedProbeOutput {
  let text = stdout
  let truncated = false
  const marker = text.indexOf(SSM_OUTPUT_TRUNCATED_MARKER)
  if (marker >= 0) {
    text = text.slice(0, marker)
    truncated = true
  }
  const lines = text.split('\n')
  // the element after the last newline: empty when the output ended cleanly
  const last = lines.pop() ?? ''
  const samples: ProbeSample[] = []
  let malformed = 0
  for (const line of lines) {
    const trimmed = line.trim()
    if (trimmed === '') continue
    const sample = parseProbeLine(trimmed)
    if (sample) samples.push(sample)
    else malformed++
  }
  if (last.trim() !== '') {
    const sample = parseProbeLine(last.trim())
    if (sample) samples.push(sample)
    else truncated = true
  }
  return { samples, malformed, truncated }
}
