// Test support: small, hand-made ScenarioResult/ProbeResult values for the unit tests of the
// benchmark's pure computations (only the fields those computations read are meaningful).
import type { ProbeResult, ProbeSample, ScenarioResult } from '../harness/core/results.js'

/** A successful sample whose time_starttransfer − time_namelookup is `ms` (time_total = +0.1 ms). */
export function sample(ms: number, overrides: Partial<ProbeSample> = {}): ProbeSample {
  return {
    target: 't',
    seq: 0,
    http_code: 200,
    exitcode: 0,
    errormsg: '',
    remote_ip: '10.1.16.250',
    time_namelookup: 1,
    time_connect: 1 + ms / 2,
    time_appconnect: 0,
    time_starttransfer: 1 + ms,
    time_total: 1 + ms + 0.1,
    body_head: 'Hello from plh producer',
    failure: null,
    ...overrides,
  }
}

/** A probe of `raw` samples; `model` as the local target fills it (or none). */
export function probe(raw: ProbeSample[], overrides: Partial<ProbeResult> = {}): ProbeResult {
  return {
    step: 0,
    step_title: 'step 1',
    consumer: 'i-1',
    consumer_az: 'us-east-1a',
    dns_name: 'vpce-1.example',
    url: 'http://vpce-1.example/',
    name_kind: 'regional',
    az: null,
    samples: raw.length,
    ok: raw.filter((s) => s.failure === null).length,
    success_ratio: 1,
    latency_ms: { p50: null, p95: null, p99: null, max: null },
    starttransfer_ms: { p50: null, p95: null, p99: null, max: null },
    expectations: [],
    failures: {},
    invocations: [{ command_id: 'c-1', log: 'x.log' }],
    raw,
    ...overrides,
  }
}

/** A scenario holding `probes`. */
export function scenario(name: string, probes: ProbeResult[], overrides: Partial<ScenarioResult> = {}): ScenarioResult {
  return {
    name,
    fixture: 'same-region-cross-account',
    description: '',
    status: 'passed',
    phases: { apply_s: 1, ready_s: 1, probe_s: 1, destroy_s: 0.1 },
    probes,
    steps: [],
    ssm_api_calls: 0,
    started_at: '2026-11-25T00:00:00.000Z',
    finished_at: '2026-11-25T00:00:10.000Z',
    ...overrides,
  }
}
