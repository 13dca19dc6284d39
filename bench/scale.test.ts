import { expect, test } from 'vitest'
import { parseLevelOutput } from './scale.js'

test('takes the last line of the level process as its result', () => {
  expect(parseLevelOutput(10, 'building…\n{"consumer_vpcs":10,"apply_s":2.5}\n')).toEqual({ consumer_vpcs: 10, apply_s: 2.5 })
})

test('a missing or foreign result line is an error naming what came instead', () => {
  expect(parseLevelOutput(10, '')).toEqual({ consumer_vpcs: 10, error: "no result line from the level's process: (no output)" })
  expect(parseLevelOutput(10, '{"consumer_vpcs":50}').error).toMatch(/no result line/)
  expect(parseLevelOutput(10, 'TypeError: boom').error).toMatch(/TypeError: boom/)
})
