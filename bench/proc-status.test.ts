import { describe, expect, test } from 'vitest'
import { parseChildren, parseProcStatus, parsePss, toMiB } from './proc-status.js'

const STATUS = `Name:\tnode
Umask:\t0022
State:\tS (sleeping)
VmPeak:\t 1234567 kB
VmHWM:\t   81234 kB
VmRSS:\t   70000 kB
Threads:\t11
`

describe('parseProcStatus', () => {
  test('reads VmRSS and VmHWM in bytes', () => {
    expect(parseProcStatus(STATUS)).toEqual({ rssBytes: 70000 * 1024, hwmBytes: 81234 * 1024 })
  })
  test('a process without memory fields (kernel thread, zombie) gives null', () => {
    expect(parseProcStatus('Name:\tkthreadd\nState:\tS (sleeping)\n')).toBeNull()
  })
  test('does not take VmPeak for VmHWM', () => {
    expect(parseProcStatus('VmPeak:\t 5 kB\nVmRSS:\t 1 kB\n')).toBeNull()
  })
})

describe('parseChildren', () => {
  test('splits the space separated pid list', () => {
    expect(parseChildren('2078 3001 \n')).toEqual([2078, 3001])
  })
  test('an empty file means no children', () => {
    expect(parseChildren('')).toEqual([])
  })
})

test('toMiB rounds to one decimal', () => {
  expect(toMiB(1.25 * 2 ** 20)).toBe(1.3)
  expect(toMiB(2 ** 30)).toBe(1024)
})

describe('parsePss', () => {
  const ROLLUP = '563eb02bc000-7ffee3f2f000 ---p 00000000 00:00 0   [rollup]\nRss:   1728 kB\nPss:    219 kB\nPss_Dirty:   112 kB\n'
  test('reads Pss, not Pss_Dirty or Rss', () => {
    expect(parsePss(ROLLUP)).toBe(219 * 1024)
  })
  test('null without a Pss line', () => {
    expect(parsePss('Rss: 5 kB\n')).toBeNull()
  })
})
