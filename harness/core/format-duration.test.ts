import { describe, expect, test } from 'vitest'
import { formatDuration } from './format-duration.js'

describe('formatDuration', () => {
  test('tenths of a second below a minute', () => {
    expect(formatDuration(0)).toBe('0.0 s')
    expect(formatDuration(0.42)).toBe('0.4 s')
    expect(formatDuration(8.26)).toBe('8.3 s')
    expect(formatDuration(59.94)).toBe('59.9 s')
  })
  test('rounds the total to whole seconds before splitting it, so the seconds never read 60', () => {
    expect(formatDuration(59.96)).toBe('1m 00s')
    expect(formatDuration(61.9)).toBe('1m 02s')
    expect(formatDuration(119.6)).toBe('2m 00s')
    expect(formatDuration(125)).toBe('2m 05s')
    expect(formatDuration(252)).toBe('4m 12s')
  })
  test('hours for long runs', () => {
    expect(formatDuration(3599.5)).toBe('1h 00m 00s')
    expect(formatDuration(3725)).toBe('1h 02m 05s')
  })
  test('a missing value reads as a dash', () => {
    expect(formatDuration(null)).toBe('–')
    expect(formatDuration(undefined)).toBe('–')
    expect(formatDuration(Number.NaN)).toBe('–')
  })
})
