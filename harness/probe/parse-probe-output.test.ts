import { describe, expect, it } from 'vitest'
import { SSM_OUTPUT_TRUNCATED_MARKER as ssmTruncationMarker } from '../core/ssm-limits.js'
import { parseProbeLine, parseProbeOutput } from './parse-probe-output.js'

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64')
const ok = '{"k":"t0","s":0,"x":0,"c":"200","ip":"10.0.0.5","tn":0.000012,"tc":0.000101,"ta":0.000000,"ts":0.000412,"tt":0.003433,"e":"","b":"hello\\n"}'
const refused = `{"k":"t1","s":0,"x":7,"c":"000","ip":"","tn":0.000018,"tc":0,"ta":0,"ts":0,"tt":0.000318,"e":"Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server [connect: Connection refused]","b":""}`
const tls = `{"k":"t2","s":1,"x":60,"c":"000","ip":"127.0.0.1","tn":0,"tc":0.0001,"ta":0,"ts":0,"tt":0.002,"eh":"${b64("SSL: no alternative certificate subject name matches target host name '127.0.0.1'")}","bb":"${b64(Buffer.from([0x68, 0x69, 0x0a, 0x22]))}"}`

describe('parseProbeOutput', () => {
  it('parses sample lines, converting seconds to milliseconds and classifying failures', () => {
    const { samples, malformed, truncated } = parseProbeOutput(`${ok}\n${refused}\n${tls}\n`)
    expect(malformed).toBe(0)
    expect(truncated).toBe(false)
    expect(samples[0]).toEqual({
      target: 't0',
      seq: 0,
      http_code: 200,
      exitcode: 0,
      errormsg: '',
      remote_ip: '10.0.0.5',
      time_namelookup: 0.012,
      time_connect: 0.101,
      time_appconnect: 0,
      time_starttransfer: 0.412,
      time_total: 3.433,
      body_head: 'hello\n',
      failure: null,
    })
    expect(samples[1]).toMatchObject({ target: 't1', exitcode: 7, http_code: 0, failure: 'refused', remote_ip: '' })
    expect(samples[2]).toMatchObject({ target: 't2', seq: 1, failure: 'tls-name', body_head: 'hi\n"' })
    expect(samples[2]!.errormsg).toMatch(/^SSL: no alternative/)
  })

  it('cuts at the SSM truncation marker and drops the partial line before it', () => {
    const stdout = `${ok}\n${refused.slice(0, 40)}${ssmTruncationMarker}`
    expect(parseProbeOutput(stdout)).toMatchObject({ malformed: 0, truncated: true, samples: [{ target: 't0' }] })
    expect(parseProbeOutput(`${ok}\n${ssmTruncationMarker}\n`)).toMatchObject({ malformed: 0, truncated: true, samples: [{ target: 't0' }] })
  })

  it('treats an unterminated last line as cut output, and a complete one as a sample', () => {
    expect(parseProbeOutput(`${ok}\n${ok.slice(0, 30)}`)).toMatchObject({ malformed: 0, truncated: true })
    expect(parseProbeOutput(`${ok}\n${refused}`)).toMatchObject({ malformed: 0, truncated: false, samples: [{}, {}] })
  })

  it('counts noise and malformed lines without failing', () => {
    const stdout = ['motd: welcome', ok, '{"k":"t0"}', '[1,2]', '', '   ', ok.replace('"c":"200"', '"c":200'), ok.replace('"b":', '"q":'), refused].join('\n')
    const { samples, malformed } = parseProbeOutput(`${stdout}\n`)
    expect(samples.map((s) => s.target)).toEqual(['t0', 't1'])
    expect(malformed).toBe(5)
  })

  it('is empty for empty output', () => {
    expect(parseProbeOutput('')).toEqual({ samples: [], malformed: 0, truncated: false })
  })
})

describe('parseProbeLine', () => {
  it('rejects lines with missing text fields, bad base64 or negative times', () => {
    expect(parseProbeLine(ok.replace(',"b":"hello\\n"', ''))).toBeNull()
    expect(parseProbeLine(ok.replace('"e":""', '"eh":"***"'))).toBeNull()
    expect(parseProbeLine(ok.replace('"tt":0.003433', '"tt":-1'))).toBeNull()
    expect(parseProbeLine(ok.replace('"s":0', '"s":1.5'))).toBeNull()
  })

  it('keeps microsecond precision without float noise', () => {
    expect(parseProbeLine(ok.replace('"tt":0.003433', '"tt":1.234567'))!.time_total).toBe(1234.567)
  })
})
