import { expect, test } from 'vitest'
import { chooseDisplay } from './choose-display.js'

test('live only on a terminal outside CI; plain otherwise; quiet wins', () => {
  expect(chooseDisplay({ isTTY: true })).toBe('live')
  expect(chooseDisplay({ isTTY: false })).toBe('plain')
  expect(chooseDisplay({ isTTY: true, ci: 'true' })).toBe('plain')
  expect(chooseDisplay({ isTTY: true, ci: 'false' })).toBe('live')
  expect(chooseDisplay({ isTTY: true, verbose: true })).toBe('plain')
  expect(chooseDisplay({ isTTY: true, quiet: true, ci: '1' })).toBe('quiet')
})
