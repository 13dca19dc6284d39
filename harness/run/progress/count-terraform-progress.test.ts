import { describe, expect, test } from 'vitest'
import { countTerraformEvent, toTerraformMessage, type TerraformCount, type TerraformUiMessage } from './count-terraform-progress.js'

const fold = (events: TerraformUiMessage[]): TerraformCount => events.reduce(countTerraformEvent, { done: 0, total: 0 })
const planned = (addr: string, action = 'create'): TerraformUiMessage => ({ type: 'planned_change', change: { action, resource: { addr } } })
const complete = (addr: string): TerraformUiMessage => ({ type: 'apply_complete', hook: { action: 'create', resource: { addr } } })

describe('countTerraformEvent', () => {
  test('planned changes set the total, completions the done count', () => {
    expect(fold([{ type: 'version' }, planned('aws_vpc.a'), planned('aws_vpc.b'), planned('data.x', 'read'), { type: 'apply_start' }, complete('aws_vpc.a')])).toEqual({ done: 1, total: 2 })
  })
  test('a plan summary states the total; the final summary completes the count', () => {
    const plan: TerraformUiMessage = { type: 'change_summary', changes: { add: 31, change: 0, remove: 0, operation: 'plan' } }
    expect(fold([plan, complete('a'), complete('b')])).toEqual({ done: 2, total: 31 })
    expect(fold([plan, complete('a'), { type: 'change_summary', changes: { add: 31, change: 0, remove: 0, operation: 'apply' } }])).toEqual({ done: 31, total: 31 })
  })
  test('destroy counts removals', () => {
    expect(fold([planned('a', 'delete'), planned('b', 'delete'), complete('a'), { type: 'change_summary', changes: { add: 0, change: 0, remove: 2, operation: 'destroy' } }])).toEqual({ done: 2, total: 2 })
  })
  test('an unknown message changes nothing (same object)', () => {
    const count = { done: 1, total: 2 }
    expect(countTerraformEvent(count, { type: 'resource_drift' })).toBe(count)
  })
})

describe('toTerraformMessage', () => {
  test('takes the original line from the AWS target\'s parsed event, or the line itself', () => {
    const line = { type: 'planned_change', '@message': 'aws_vpc.a: Plan to create', change: { action: 'create', resource: { addr: 'aws_vpc.a' } } }
    const parsed = { type: 'planned_change', message: 'aws_vpc.a: Plan to create', resource: 'aws_vpc.a', action: 'create', raw: line }
    expect(toTerraformMessage(parsed)).toBe(line)
    expect(toTerraformMessage(line)).toEqual(line)
    // without `raw`: the lifted fields still count
    const counted = [{ type: 'planned_change', action: 'create', message: 'x' }, { type: 'apply_complete', message: 'y' }].map(toTerraformMessage).reduce(countTerraformEvent, { done: 0, total: 0 })
    expect(counted).toEqual({ done: 1, total: 1 })
  })
})
