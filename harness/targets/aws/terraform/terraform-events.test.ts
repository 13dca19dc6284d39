import { describe, expect, it } from 'vitest'
import { describeErrorDiagnostic, errorDiagnosticText, firstErrorInText, parseTerraformEvent } from './terraform-events.js'

// Lines as terraform 1.11 printed them for `apply -json` on a terraform_data fixture.
const applyComplete =
  '{"@level":"info","@message":"terraform_data.a: Creation complete after 0s [id=f95bca78]","@module":"terraform.ui","hook":{"resource":{"addr":"terraform_data.a","module":"","resource":"terraform_data.a","implied_provider":"terraform","resource_type":"terraform_data","resource_name":"a","resource_key":null},"action":"create","id_key":"id","id_value":"f95bca78","elapsed_seconds":3},"type":"apply_complete"}'
const plannedChange =
  '{"@level":"info","@message":"terraform_data.b: Plan to create","change":{"resource":{"addr":"terraform_data.b"},"action":"create"},"type":"planned_change"}'
const diagnostic =
  '{"@level":"error","@message":"Error: local-exec provisioner error","diagnostic":{"severity":"error","summary":"local-exec provisioner error","detail":"Error running command \'exit 1\': exit status 1. Output: Throttling: Rate exceeded\\n","address":"terraform_data.b","range":{"filename":"main.tf","start":{"line":4}}},"type":"diagnostic"}'
const warning = '{"@level":"warn","@message":"Warning: Deprecated","diagnostic":{"severity":"warning","summary":"Deprecated","detail":"x"},"type":"diagnostic"}'

describe('terraform JSON UI events', () => {
  it('lifts resource, action and elapsed time out of hook messages', () => {
    expect(parseTerraformEvent(applyComplete)).toMatchObject({ type: 'apply_complete', level: 'info', resource: 'terraform_data.a', action: 'create', elapsed_s: 3, message: 'terraform_data.a: Creation complete after 0s [id=f95bca78]' })
    expect(parseTerraformEvent(plannedChange)).toMatchObject({ type: 'planned_change', resource: 'terraform_data.b', action: 'create' })
  })

  it('ignores lines that are not JSON UI messages', () => {
    expect(parseTerraformEvent('Initializing the backend...')).toBeUndefined()
    expect(parseTerraformEvent('[1,2]')).toBeUndefined()
    expect(parseTerraformEvent('null')).toBeUndefined()
  })

  it('describes an error diagnostic in one line, and not a warning', () => {
    const error = parseTerraformEvent(diagnostic)!
    expect(error.resource).toBe('terraform_data.b')
    expect(describeErrorDiagnostic(error)).toBe("local-exec provisioner error: Error running command 'exit 1': exit status 1. Output: Throttling: Rate exceeded (terraform_data.b)")
    expect(errorDiagnosticText(error)).toContain('Throttling: Rate exceeded')
    expect(describeErrorDiagnostic(parseTerraformEvent(warning)!)).toBeUndefined()
    expect(describeErrorDiagnostic(parseTerraformEvent(applyComplete)!)).toBeUndefined()
  })

  it('finds the first error of human output, framed or not', () => {
    const framed = ['', '╷', '│ Error: Failed to query available provider packages', '│ ', '│ Could not retrieve the list of available versions for provider hashicorp/aws', '╵']
    expect(firstErrorInText(framed)).toBe('Failed to query available provider packages: Could not retrieve the list of available versions for provider hashicorp/aws')
    expect(firstErrorInText(['Error: No outputs found'])).toBe('No outputs found')
    expect(firstErrorInText(['all good'])).toBeUndefined()
  })
})
