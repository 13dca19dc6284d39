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

export interface ScenarioResult {
  name: string
  fixture: string
  description: string
  status: ScenarioStatus
  phases: PhaseTimings
  probes: ProbeResult[]
  steps: StepRecord[]
  error?: { code: string; message: string }
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
