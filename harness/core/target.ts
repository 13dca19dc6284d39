// The port every target implements (DESIGN.md "Ports and adapters"): the same scenario runs
// unchanged on the local emulator and on AWS.
import type { HarnessOutput, InstanceRef } from './contract.js'
import type { ProbeResult, ProbeTarget } from './results.js'
import type { ActionStep, ProbeStep } from './scenario.js'
import type { FixtureManifest } from './manifest.js'
import type { ResourceJournal } from './resource-journal.js'

export type TargetName = 'local' | 'aws'

/** A fixture as loaded from terraform/<name>/: its manifest and its declared variables. */
export interface Fixture {
  name: string
  /** absolute path of terraform/<name> */
  dir: string
  manifest: FixtureManifest
  /** variables.tf declarations: name → default (undefined when the variable has none) and type text */
  variables: Record<string, { default?: unknown; type?: string; description?: string }>
}

/** Variable values after merging fixture defaults and scenario overrides. */
export type Vars = Record<string, unknown>

/** Minimal logger shape (pino-compatible) so that pure code can log without importing pino. */
export interface Logger {
  info(obj: object | string, msg?: string): void
  warn(obj: object | string, msg?: string): void
  error(obj: object | string, msg?: string): void
  debug(obj: object | string, msg?: string): void
}

/** Everything a target needs to know about the run that drives it. */
export interface RunContext {
  /** unique per run, sortable: `20261125T123300-3f9a2c` */
  runId: string
  /** short random part of the run id (6 hex digits), for names with tight limits (Linux links: 15 chars) */
  tag: string
  /** short id of the scenario inside the run, so that scenarios of one run never share a name */
  scope?: string
  /** scratch directory of this run; removed by destroy */
  workDir: string
  /** where this scenario writes its logs (terraform, SSM invocations) */
  logDir: string
  log: Logger
  signal?: AbortSignal
  /** notes every resource before it is made (harness/run/run-journal.ts), so that teardown and `plh cleanup` can work from it */
  journal?: ResourceJournal
  /** Receives terraform's `-json` UI messages (AWS target): the run shows "apply: 12/31 resources" from them. */
  onTerraformEvent?: (event: { type: string; [key: string]: unknown }) => void
}

/** Outcome of one command on one instance, as SSM's GetCommandInvocation reports it. */
export interface CommandResult {
  commandId: string
  instanceId: string
  status: 'Success' | 'Failed' | 'TimedOut' | 'Cancelled' | 'DeliveryTimedOut' | 'Undeliverable' | 'Terminated' | 'InvalidPlatform' | 'AccessDenied'
  responseCode: number
  stdout: string
  stderr: string
  /** SSM cut stdout at its limit (the output ends with `---Output truncated---`) */
  stdoutTruncated: boolean
  /** API calls this command cost (SendCommand + GetCommandInvocation + …) */
  apiCalls: number
}

/** How commands reach an instance: SSM on both targets. */
export interface CommandTransport {
  /** `expectedSeconds`: the caller's estimate of the script's duration (the first status poll waits that long) */
  run(script: string, options: { timeoutSeconds: number; comment?: string; signal?: AbortSignal; expectedSeconds?: number }): Promise<CommandResult>
}

export interface Target {
  readonly name: TargetName
  /** Builds the topology and returns the validated `harness` output. */
  apply(fixture: Fixture, vars: Vars, run: RunContext): Promise<HarnessOutput>
  /** Waits until endpoints are in their expected state and instances answer commands. */
  waitReady(outputs: HarnessOutput): Promise<void>
  transport(instance: InstanceRef): CommandTransport
  /** Acts on the topology (accept a connection, take a target out of service…); returns fresh outputs. */
  act(action: ActionStep, outputs: HarnessOutput): Promise<HarnessOutput>
  /** Idempotent; safe after a partial apply. */
  destroy(): Promise<void>
  /** CA bundle the instances trust, passed to curl (local TLS fixtures); undefined: the system store. */
  caBundle?(): string | undefined
  /** What the target's latency model says a probe path should show (the local target has one). */
  expectedLatency?(instance: InstanceRef, target: ProbeTarget, step: ProbeStep): ProbeResult['model'] | undefined
  /** SSM requests the target's own endpoint received, per operation, still readable after destroy (the local target serves SSM itself; AWS does not tell). */
  ssmCallsByOperation?(): Record<string, number>
}
