import { expect, test } from 'vitest'
import type { RunResults, ScenarioResult } from '../../core/results.js'
import { formatRunSummary } from './format-run-summary.js'

function scenario(name: string, status: ScenarioResult['status'], expectations: Array<'passed' | 'failed'>, error?: string): ScenarioResult {
  return {
    name,
    fixture: 'f',
    description: 'd',
    status,
    phases: { apply_s: 2.5, ready_s: error ? 0 : 0.4, probe_s: error ? 0 : 1.25, destroy_s: 0.3 },
    probes: [
      {
        consumer_az: 'us-east-1a',
        name_kind: 'zonal',
        az: 'us-east-1b',
        expectations: expectations.map((s, i) => ({ name: `check ${i}`, status: s, detail: s === 'failed' ? `bad ${i}` : 'ok' })),
      } as unknown as ScenarioResult['probes'][number],
    ],
    steps: [],
    ...(error ? { error: { code: 'APPLY_FAILED', message: error } } : {}),
    ssm_api_calls: 0,
    started_at: '2026-11-25T10:00:00.000Z',
    finished_at: '2026-11-25T10:00:10.000Z',
  }
}

const results: RunResults = {
  run_id: '20261125T100000-abcdef',
  target: 'local',
  started_at: '2026-11-25T10:00:00.000Z',
  finished_at: '2026-11-25T10:00:12.500Z',
  status: 'error',
  scenarios: [scenario('good', 'passed', ['passed', 'passed']), scenario('meh', 'failed', ['passed', 'failed', 'failed', 'failed']), scenario('broken', 'error', [], 'emulator build failed\nstack')],
}

test('verdict, phase table, failed expectations (capped), totals and paths', () => {
  const text = formatRunSummary({ results, reportPath: 'reports/x/index.html', logPath: 'reports/x/run.log', maxFailuresShown: 2 })
  const lines = text.split('\n')
  expect(lines[1]).toBe('plh run 20261125T100000-abcdef on local: ERROR in 12.5 s')
  expect(lines[2]).toMatch(/scenario\s+apply\s+ready\s+probe\s+destroy\s+expectations/)
  expect(text).toMatch(/✓ good\s+2\.5 s\s+0\.4 s\s+1\.3 s\s+0\.3 s\s+2\/2 held/)
  expect(text).toMatch(/! broken\s+2\.5 s\s+—\s+—\s+0\.3 s\s+0\/0 held/)
  expect(text).toContain('      error: emulator build failed\n')
  expect(text).toContain('      ✗ us-east-1a zonal us-east-1b › check 1: bad 1')
  expect(text).toContain('      ✗ us-east-1a zonal us-east-1b › check 2: bad 2')
  expect(text).not.toContain('check 3: bad 3')
  expect(text).toContain('      … and 1 more (see the report)')
  expect(text).toContain('  scenarios 1/3 passed, expectations 3/6 held')
  expect(text).toContain('  report: reports/x/index.html')
  expect(text).toContain('  log:    reports/x/run.log')
})

test('the run time rounds as a whole: 61.9 s is 1m 02s and 119.6 s is 2m 00s, never 1m 60s', () => {
  const lasting = (ms: number): RunResults => ({ ...results, status: 'passed', finished_at: new Date(Date.parse(results.started_at) + ms).toISOString() })
  expect(formatRunSummary({ results: lasting(61_900), reportPath: 'r' }).split('\n')[1]).toBe('plh run 20261125T100000-abcdef on local: PASSED in 1m 02s')
  expect(formatRunSummary({ results: lasting(119_600), reportPath: 'r' }).split('\n')[1]).toBe('plh run 20261125T100000-abcdef on local: PASSED in 2m 00s')
})

test('an apply-error scenario counts its one expectation and shows the line of the error that matched', () => {
  const refused = (status: 'passed' | 'failed', error: string | null): ScenarioResult => ({
    ...scenario('principal-not-allowed', status, []),
    probes: [],
    apply_expectation: { name: 'apply fails with /InvalidServiceName/', pattern: 'InvalidServiceName', status, detail: status === 'passed' ? `apply failed as expected: ${error}` : 'apply succeeded, but it should have failed with /InvalidServiceName/', error },
    ...(status === 'failed' ? { error: { code: 'EXPECTATION_FAILED', message: 'apply succeeded, but it should have failed with /InvalidServiceName/' } } : {}),
  })
  const terraformError = 'terraform apply failed\n\nError: creating EC2 VPC Endpoint: operation error EC2: CreateVpcEndpoint, InvalidServiceName: The Vpc Endpoint Service does not exist\n  with aws_vpc_endpoint.consumer'
  const text = formatRunSummary({ results: { ...results, scenarios: [refused('passed', terraformError), refused('failed', null)] }, reportPath: 'r' })
  expect(text).toMatch(/✓ principal-not-allowed\s.*\s1\/1 held\n {6}✓ apply fails with \/InvalidServiceName\/: Error: creating EC2 VPC Endpoint: operation error EC2: CreateVpcEndpoint, InvalidServiceName: The Vpc Endpoint Service does not exist\n/)
  expect(text).toMatch(/✗ principal-not-allowed\s.*\s0\/1 held\n {6}failed: apply succeeded, but it should have failed with \/InvalidServiceName\/\n/)
  expect(text).toContain('expectations 1/2 held')
})
