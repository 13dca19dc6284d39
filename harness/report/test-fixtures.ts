// Realistic synthetic run results for the report tests: a passing scenario, a failing one (a
// timed-out sample, a body carrying <script>), and one whose apply failed.
import type { ComparisonResult } from '../core/comparison.js'
import type { ExpectationResult, ProbeResult, ProbeSample, RunResults, ScenarioResult } from '../core/results.js'
import type { FailureClass } from '../core/scenario.js'

/** A deterministic pseudo-random source (mulberry32), so that fixtures and screenshots are stable. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

interface ProbeSpec {
  step?: number
  consumer?: string
  consumer_az: string
  dns_name: string
  name_kind: ProbeResult['name_kind']
  az?: string
  base_ms: number
  expected_ms?: number
  samples?: number
  seed: number
  /** samples replaced by failures, by sequence number */
  failing?: Record<number, { failure: FailureClass; exitcode: number; errormsg: string; http_code?: number; body_head?: string }>
  body_head?: string
  expectations?: ExpectationResult[]
  log?: string
}

/** Builds one probed name's result with samples spread around `base_ms` and percentiles computed from them. */
export function buildProbeResult(spec: ProbeSpec): ProbeResult {
  const random = createRandom(spec.seed)
  const n = spec.samples ?? 20
  const key = `${spec.name_kind}${spec.az ? `-${spec.az}` : ''}`
  const raw: ProbeSample[] = Array.from({ length: n }, (_, seq) => {
    const total = spec.base_ms * (1 + 0.08 * random() + (random() < 0.1 ? 0.5 * random() : 0))
    const fail = spec.failing?.[seq]
    return {
      target: key,
      seq,
      http_code: fail ? (fail.http_code ?? 0) : 200,
      exitcode: fail ? fail.exitcode : 0,
      errormsg: fail ? fail.errormsg : '',
      remote_ip: fail?.exitcode ? '' : '10.1.2.37',
      time_namelookup: 0.4,
      time_connect: total * 0.45,
      time_appconnect: 0,
      time_starttransfer: total * 0.95,
      time_total: fail?.exitcode ? 2001 : total,
      body_head: fail?.exitcode ? '' : (fail?.body_head ?? spec.body_head ?? 'ok from provider-web-1\n'),
      failure: fail ? fail.failure : null,
    }
  })
  const okSamples = raw.filter((s) => s.failure === null)
  const totals = okSamples.map((s) => s.time_total).sort((a, b) => a - b)
  const starts = okSamples.map((s) => s.time_starttransfer).sort((a, b) => a - b)
  const summary = (v: number[]) => ({ p50: percentile(v, 50), p95: percentile(v, 95), p99: percentile(v, 99), max: v.at(-1) ?? null })
  const failures: Record<string, number> = {}
  for (const s of raw) if (s.failure) failures[s.failure] = (failures[s.failure] ?? 0) + 1
  const commandId = `3f1c9a2e-5b7d-4c1e-9f00-${String(spec.seed).padStart(12, '0')}`
  return {
    step: spec.step ?? 1,
    step_title: 'probe regional and zonal names',
    consumer: spec.consumer ?? 'i-0a1b2c3d4e5f60718',
    consumer_az: spec.consumer_az,
    dns_name: spec.dns_name,
    url: `http://${spec.dns_name}/`,
    name_kind: spec.name_kind,
    az: spec.az ?? null,
    samples: n,
    ok: okSamples.length,
    success_ratio: okSamples.length / n,
    latency_ms: summary(totals),
    starttransfer_ms: summary(starts),
    expectations: spec.expectations ?? [
      { name: 'HTTP 200 and body matches /^ok/', status: 'passed', detail: `${okSamples.length}/${n} samples 200` },
      { name: 'success ratio ≥ 100 %', status: 'passed', detail: `${okSamples.length}/${n} succeeded` },
    ],
    ...(spec.expected_ms === undefined ? {} : { model: { timing: 'time_total' as const, expected_ms: spec.expected_ms }, measured_ms: percentile(totals, 50) ?? 0 }),
    failures,
    invocations: [{ command_id: commandId, log: spec.log ?? `logs/ssm/${commandId}.log` }],
    raw,
  }
}

const t0 = Date.parse('2026-11-21T02:00:00Z')
const iso = (s: number) => new Date(t0 + s * 1000).toISOString()

/** A scenario where every expectation held: one consumer, the regional and both zonal names. */
export function buildPassingScenario(): ScenarioResult {
  const svc = 'vpce-svc-0123456789abcdef0.us-east-1.vpce.amazonaws.com'
  const id = 'vpce-0fedcba9876543210'
  const name = (az?: string) => `${id}${az ? `-${az}` : ''}-k2ls8e1q.${svc.replace('vpce-svc-0123456789abcdef0.', '')}`
  return {
    name: 'same-region-overlapping-cidrs',
    fixture: 'same-region-cross-account',
    description: 'Consumer in account B reaches the provider NLB through an interface endpoint although both VPCs use 10.0.0.0/16',
    status: 'passed',
    phases: { apply_s: 187.4, ready_s: 41.2, probe_s: 12.8, destroy_s: 96.3 },
    probes: [
      buildProbeResult({ consumer_az: 'us-east-1a', dns_name: name(), name_kind: 'regional', base_ms: 1.4, expected_ms: 1.3, seed: 11 }),
      buildProbeResult({ consumer_az: 'us-east-1a', dns_name: name('us-east-1a'), name_kind: 'zonal', az: 'us-east-1a', base_ms: 1.1, expected_ms: 1.05, seed: 12 }),
      buildProbeResult({ consumer_az: 'us-east-1a', dns_name: name('us-east-1b'), name_kind: 'zonal', az: 'us-east-1b', base_ms: 2.3, expected_ms: 2.1, seed: 13 }),
    ],
    steps: [{ index: 1, kind: 'probe', title: 'probe regional and zonal names', status: 'passed', detail: '3 names, 60 samples' }],
    outputs: {
      service: { name: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0', region: 'us-east-1', ports: [80], expected: { status: 200, body_pattern: '^ok' }, nlb_ips: ['10.0.1.17', '10.0.2.44'] },
      endpoints: [
        {
          id,
          region: 'us-east-1',
          service_region: 'us-east-1',
          regional_dns: name(),
          zonal: [{ az: 'us-east-1a', dns: name('us-east-1a') }, { az: 'us-east-1b', dns: name('us-east-1b') }],
          eni_ips: [{ az: 'us-east-1a', ip: '10.0.1.37' }, { az: 'us-east-1b', ip: '10.0.2.52' }],
          state: 'available',
        },
      ],
      consumers: [{ instance_id: 'i-0a1b2c3d4e5f60718', region: 'us-east-1', az: 'us-east-1a', account: '444455556666', private_ip: '10.0.1.10' }],
      hostnames: {},
    },
    vars: { region: 'us-east-1', provider_vpc_cidr: '10.0.0.0/16', consumer_vpc_cidr: '10.0.0.0/16', allowed_principals: ['arn:aws:iam::444455556666:root'], provider_account: '111122223333' },
    ssm_api_calls: 14,
    started_at: iso(0),
    finished_at: iso(338),
  }
}

/** A cross-region scenario that failed: a zonal sample timed out and the TLS name answered with a hostile body. */
export function buildFailingScenario(): ScenarioResult {
  const id = 'vpce-0123abcd4567ef890'
  const name = (az?: string) => `${id}${az ? `-${az}` : ''}-x7q2.vpce-svc-0aa11bb22cc33dd44.eu-west-2.vpce.amazonaws.com`
  const hostile = '<script>alert("pwned")</script><img src=x onerror=alert(1)>'
  return {
    name: 'cross-region-us-east-1-to-eu-west-2',
    fixture: 'native-cross-region',
    description: 'A consumer in eu-west-2 reaches a us-east-1 service through a cross-region interface endpoint',
    status: 'failed',
    phases: { apply_s: 254.9, ready_s: 63.0, probe_s: 18.6, destroy_s: 120.4 },
    probes: [
      buildProbeResult({ consumer_az: 'eu-west-2a', dns_name: name(), name_kind: 'regional', base_ms: 78.5, expected_ms: 76.6, seed: 21 }),
      buildProbeResult({
        consumer_az: 'eu-west-2a',
        dns_name: name('eu-west-2b'),
        name_kind: 'zonal',
        az: 'eu-west-2b',
        base_ms: 79.2,
        expected_ms: 77.1,
        seed: 22,
        failing: { 7: { failure: 'timeout', exitcode: 28, errormsg: 'Connection timed out after 2001 milliseconds' } },
        expectations: [
          { name: 'HTTP 200 and body matches /^ok/', status: 'passed', detail: '19/19 answered samples 200' },
          { name: 'success ratio ≥ 100 %', status: 'failed', detail: '19/20 succeeded (95 %); 1 timeout' },
        ],
      }),
      buildProbeResult({
        consumer_az: 'eu-west-2a',
        dns_name: 'consumer-link.example.internal',
        name_kind: 'tls',
        base_ms: 95.3,
        seed: 23,
        body_head: hostile,
        expectations: [
          { name: 'HTTP 200 and body matches /^ok/', status: 'failed', detail: `20/20 bodies did not match /^ok/: first body ${JSON.stringify(hostile)}` },
          { name: 'p95 time_total < 90 ms', status: 'failed', detail: 'p95 103.4 ms > 90 ms' },
        ],
      }),
    ],
    steps: [
      { index: 1, kind: 'probe', title: 'probe regional and zonal names', status: 'failed', detail: '2 of 6 expectations failed' },
      { index: 2, kind: 'expect-endpoint-state', title: 'endpoint is available', status: 'passed', detail: 'state available' },
    ],
    outputs: {
      service: { name: 'com.amazonaws.vpce.us-east-1.vpce-svc-0aa11bb22cc33dd44', region: 'us-east-1', ports: [80, 443], expected: { status: 200, body_pattern: '^ok' } },
      endpoints: [
        {
          id,
          region: 'eu-west-2',
          service_region: 'us-east-1',
          regional_dns: name(),
          zonal: [{ az: 'eu-west-2a', dns: name('eu-west-2a') }, { az: 'eu-west-2b', dns: name('eu-west-2b') }],
          eni_ips: [{ az: 'eu-west-2a', ip: '172.16.1.20' }, { az: 'eu-west-2b', ip: '172.16.2.20' }],
          state: 'available',
        },
      ],
      consumers: [{ instance_id: 'i-0a1b2c3d4e5f60718', region: 'eu-west-2', az: 'eu-west-2a', account: '444455556666' }],
      hostnames: { tls: 'consumer-link.example.internal' },
    },
    vars: { service_region: 'us-east-1', consumer_region: 'eu-west-2', provider_vpc_cidr: '10.10.0.0/16', consumer_vpc_cidr: '172.16.0.0/16' },
    ssm_api_calls: 22,
    started_at: iso(2),
    finished_at: iso(460),
  }
}

/** A scenario whose terraform apply failed, so nothing was probed. */
export function buildErrorScenario(): ScenarioResult {
  return {
    name: 'peered-relay-overlapping-cidrs',
    fixture: 'peered-outpost-relay',
    description: 'Inter-region peering between VPCs with overlapping CIDRs is refused',
    status: 'error',
    phases: { apply_s: 38.2, ready_s: 0, probe_s: 0, destroy_s: 21.7 },
    probes: [],
    steps: [],
    error: {
      code: 'APPLY_FAILED',
      message: 'terraform apply failed: Error: creating EC2 VPC Peering Connection (pcx-<unknown>): OperationNotPermitted: account 111122223333 & <b>overlap</b>',
    },
    logs: [{ label: 'terraform apply', path: 'logs/peered-relay-overlapping-cidrs/terraform apply.log' }],
    vars: { provider_region: 'us-east-1', outpost_region: 'eu-west-1', provider_vpc_cidr: '10.0.0.0/16', outpost_vpc_cidr: '10.0.0.0/16' },
    ssm_api_calls: 0,
    started_at: iso(1),
    finished_at: iso(61),
  }
}

/** A run of the three scenarios above (overridable), passing first as a runner would record them. */
export function buildRunResults(overrides: Partial<RunResults> = {}): RunResults {
  return {
    run_id: 'plh-20261121-020000-k3x9',
    target: 'aws',
    started_at: iso(0),
    finished_at: iso(463),
    status: 'error',
    scenarios: [buildPassingScenario(), buildFailingScenario(), buildErrorScenario()],
    ...overrides,
  }
}

/** A comparison result without statistics (status and detail as given), for summary and report tests. */
export function buildComparisonResult(overrides: Partial<ComparisonResult> = {}): ComparisonResult {
  return { name: 'native-vs-relay', description: 'd', a: 'a', b: 'b', name_kind: 'regional', timing: 'time_total', stats: null, status: 'informational', detail: 'x', ...overrides }
}
