// The result model of a run: what results.json holds (issue 2's observable contract; other tools
// read these names, so keep them) and what reporters render.
import type { ComparisonResult } from './comparison.js'
import type { FailureClass, NameKind, Timing } from './scenario.js'

/** One curl request, as parsed from the probe script's JSON line. Times in milliseconds. */
export interface ProbeSample {
  /** key of the probe target this sample belongs to */
  target: string
  seq: number
  http_code: number
  exitcode: number
  errormsg: string
  remote_ip: string
  time_namelookup: number
  time_connect: number
  time_appconnect: number
  time_starttransfer: number
  time_total: number
  /** the first bytes of the response body (decoded as UTF-8, up to 512 bytes) */
  body_head: string
  /** null when the sample succeeded at the transport level (curl exit 0) */
  failure: FailureClass | null
}

/** One name probed from one instance: where a probe step points curl. */
export interface ProbeTarget {
  key: string
  url: string
  /** the host name (or IP) in the URL */
  host: string
  port: number
  name_kind: NameKind | 'hostname' | 'ip'
  /** the AZ a zonal name belongs to */
  az?: string
  /** for zonal names: the ENI IP of that AZ, which the name must resolve to */
  expected_ip?: string
}

export interface ExpectationResult {
  name: string
  status: 'passed' | 'failed'
  detail: string
}

export interface LatencySummary {
  p50: number | null
  p95: number | null
  p99: number | null
  max: number | null
}

export interface ProbeResult {
  step: number
  step_title: string
  consumer: string
  consumer_az: string
  dns_name: string
  url: string
  name_kind: ProbeTarget['name_kind']
  az: string | null
  samples: number
  ok: number
  success_ratio: number
  latency_ms: LatencySummary
  starttransfer_ms: LatencySummary
  expectations: ExpectationResult[]
  /** the latency model's prediction, where the target has one (local) */
  model?: { timing: Timing; expected_ms: number }
  measured_ms?: number
  failures: Record<string, number>
  /** SSM command ids whose output carried these samples, with the log file of each */
  invocations: Array<{ command_id: string; log: string }>
  raw: ProbeSample[]
}

export interface PhaseTimings {
  apply_s: number
  ready_s: number
  probe_s: number
  destroy_s: number
}

export type ScenarioStatus = 'passed' | 'failed' | 'error'

export interface StepRecord {
  index: number
  kind: string
  title: string
  status: 'passed' | 'failed' | 'error'
  detail: string
}

/**
 * The one expectation of a scenario with `expect_apply_error`: the apply fails with a matching
 * error. It counts like any other expectation and keeps the error AWS (or the emulator) gave.
 */
export interface ApplyErrorExpectation extends ExpectationResult {
  /** the scenario's expect_apply_error (a regular expression) */
  pattern: string
  /** the apply's error message as the target gave it; null when the apply succeeded */
  error: string | null
}

export interface ScenarioResult {
  name: string
  fixture: string
  description: string
  status: ScenarioStatus
  phases: PhaseTimings
  probes: ProbeResult[]
  steps: StepRecord[]
  error?: { code: string; message: string }
  /** set for scenarios with `expect_apply_error` */
  apply_expectation?: ApplyErrorExpectation
  /** the topology as applied (the fixture's `harness` output), for the report's diagram */
  outputs?: unknown
  vars?: Record<string, unknown>
  ssm_api_calls: number
  /**
   * SSM API requests the target's own endpoint received, per operation (the local target's SSM
   * endpoint counts what reached it, the SDK's internal retries and the readiness wait included);
   * absent where the target cannot see the server side (AWS).
   */
  ssm_calls_by_operation?: Record<string, number>
  /** logs of the scenario's lifecycle (terraform apply/destroy), paths relative to the report dir */
  logs?: Array<{ label: string; path: string }>
  started_at: string
  finished_at: string
}

export interface RunResults {
  run_id: string
  target: string
  started_at: string
  finished_at: string
  status: ScenarioStatus
  scenarios: ScenarioResult[]
  /** comparisons (scenarios/*.comparison.ts) whose two scenarios both ran */
  comparisons?: ComparisonResult[]
  /** set on the partial results of one shard of a sharded run (`plh run --shard i/n`) */
  shard?: { index: number; count: number }
  /** set by `plh report --merge`: the run ids of the shards joined into this run */
  merged_from?: string[]
  /** the checkout's git revision (HEAD) when the run finished, where known */
  git_revision?: string
}

/**
 * A scenario's expectations held, of all: probe expectations, its apply-error expectation and its
 * `expect-*` steps. The run summary, the report's verdict, overview and scenario headers all count
 * with this, so that they agree.
 */
export function countScenarioExpectations(scenario: ScenarioResult): { held: number; total: number } {
  const statuses = [
    ...scenario.probes.flatMap((p) => p.expectations.map((e) => e.status)),
    ...(scenario.apply_expectation ? [scenario.apply_expectation.status] : []),
    ...scenario.steps.filter((s) => s.kind.startsWith('expect')).map((s) => s.status),
  ]
  return { held: statuses.filter((s) => s === 'passed').length, total: statuses.length }
}

/**
 * The line of an apply error worth showing in one line: the first that matches the scenario's
 * pattern (terraform wraps AWS's error in lines of its own), else the first non-empty line.
 */
export function pickApplyErrorLine(message: string, pattern?: string): string {
  const lines = message.split('\n').map((l) => l.trim()).filter((l) => l !== '')
  const matching = pattern === undefined ? undefined : lines.find((l) => new RegExp(pattern).test(l))
  return matching ?? lines[0] ?? ''
}
