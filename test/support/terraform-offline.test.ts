import { describe, expect, it } from 'vitest'
import { buildMirrorCliConfig, contractProblems, readTestJsonLine } from './terraform-offline.js'

describe('buildMirrorCliConfig', () => {
  it('installs hashicorp providers from the mirror only, quoting the path', () => {
    const config = buildMirrorCliConfig('/opt/tf "plugins"')
    expect(config).toContain('path    = "/opt/tf \\"plugins\\""')
    expect(config).toContain('include = ["registry.terraform.io/hashicorp/*"]')
    expect(config).toMatch(/^provider_installation \{\n  filesystem_mirror \{/)
  })
})

describe('readTestJsonLine', () => {
  it("keeps a state's harness output and drops the rest of it", () => {
    const line = JSON.stringify({
      type: 'test_state',
      '@testrun': 'defaults',
      test_state: { outputs: { harness: { value: { a: 1 } } }, provider_schemas: { big: true } },
    })
    expect(readTestJsonLine(line)).toEqual({ output: { run: 'defaults', harness: { a: 1 } } })
  })

  it('turns diagnostics into readable text with their place', () => {
    const line = JSON.stringify({
      type: 'diagnostic',
      '@level': 'error',
      diagnostic: {
        summary: 'Test assertion failed',
        detail: 'zonal names\nper AZ',
        range: { filename: 'tests/x.tftest.hcl', start: { line: 12 } },
        snippet: { code: '    condition = length(z) == 2', values: [{ traversal: 'z', statement: 'is empty tuple' }] },
      },
    })
    expect(readTestJsonLine(line).text).toBe(
      'error: Test assertion failed (tests/x.tftest.hcl:12)\n  condition = length(z) == 2\n    z is empty tuple\n  zonal names\n  per AZ',
    )
  })

  it('passes other messages and non-JSON lines through, and drops plans', () => {
    expect(readTestJsonLine(JSON.stringify({ type: 'test_run', '@message': '  "x"... pass' })).text).toBe('  "x"... pass')
    expect(readTestJsonLine('panic: oops').text).toBe('panic: oops')
    expect(readTestJsonLine(JSON.stringify({ type: 'test_plan', test_plan: {} }))).toEqual({})
  })
})

describe('contractProblems', () => {
  it('names the fields that break the contract', () => {
    expect(contractProblems({ service: {}, endpoints: [], consumers: [] })).toEqual(
      expect.arrayContaining(['service.name: Required', 'endpoints: Array must contain at least 1 element(s)']),
    )
  })
})
