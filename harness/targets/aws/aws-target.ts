// The AWS target: the fixture applied by terraform in the run's own work directory and state, the
// `harness` output validated against the contract, readiness from EC2, ELBv2 and SSM, probes through the
// same SSM transport as the local target (per account alias and region), actions as EC2/ELBv2
// calls, and destroy whatever happened before.
import { join } from 'node:path'
import { accountVariables } from '../../core/account-variables.js'
import type { applyStageWaits } from '../../core/manifest.js'
import { harnessOutputSchema, type HarnessOutput, type InstanceRef } from '../../core/contract.js'
import { HarnessError, InfrastructureError, InputError, TeardownError } from '../../core/errors.js'
import type { ProbeResult, ProbeTarget } from '../../core/results.js'
import { defaultRunConfigFile, type RunConfig } from '../../core/run-config.js'
import type { ActionStep, ProbeStep, Step } from '../../core/scenario.js'
import type { CommandTransport, Fixture, RunContext, Target, Vars } from '../../core/target.js'
import { formatFieldPath } from '../../core/validate-input.js'
import { loadRunConfig } from '../../run/load-run-config.js'
import { createSsmTransport } from '../ssm-transport.js'
import { runAwsAction, endpointClient, type AwsActionContext } from './aws-actions.js'
import { AwsClients } from './aws-clients.js'
import { waitForEndpointsReady } from './endpoint-readiness.js'
import { waitForInstancesOnlinePerAccount } from './instances-readiness.js'
import { waitForNlbTargetsHealthy } from './nlb-readiness.js'
import { waitForStateEndpointServices } from './supported-regions-readiness.js'
import { awsInterRegionP50, crossRegionEndpoints, expectedCrossRegionLatency } from './inter-region-latency.js'
import { TerraformWorkspace } from './terraform/terraform-workspace.js'
import type { JournalResource } from '../../core/resource-journal.js'

type ApplyStageWait = (typeof applyStageWaits)[number]

/** Fixture names allow a 10-character prefix (NLB and target group names stop at 32 characters). */
const MAX_FIXTURE_NAME_PREFIX = 10

export interface AwsTargetOptions {
  /** names the input in error messages (the scenario file) */
  source: string
  /** project root: where plh.config.json is looked up */
  root: string
  /** --config FILE (default: <root>/plh.config.json) */
  configFile?: string
  /** the configuration itself (tests); skips reading the file */
  config?: RunConfig
  /** prebuilt clients (tests: with stand-in credentials) */
  clients?: AwsClients
  /** the scenario's steps: an endpoint in pendingAcceptance is ready when the scenario accepts it (or expects that state) */
  steps?: readonly Step[]
  /** the scenario's expect_apply_error: terraform does not retry an apply that fails with it */
  expectApplyError?: string
  /** between polls of AWS; default 5000 (never below 2000 against AWS: tight polling draws throttling) */
  pollIntervalMs?: number
  /** between GetCommandInvocation polls; default 2000 */
  ssmPollIntervalMs?: number
  /** how long endpoints may take to become available; default 10 min */
  endpointTimeoutMs?: number
  /** how long an endpoint service's supported regions may stay Pending (fixtures with apply_stages); default 10 min */
  supportedRegionsTimeoutMs?: number
  /** how long the NLB's targets may take to become healthy (registration, first health checks); default 10 min */
  targetHealthTimeoutMs?: number
  /** how long instances may take to show Online in SSM; default 15 min (boot, agent start, registration) */
  instanceTimeoutMs?: number
  /**
   * The API terraform talks to lives and dies with this process (the local AWS): after a kill there
   * is nothing for `terraform destroy` to reach, so the journal lists the work dir as a plain
   * directory to remove, not a destroy to replay.
   */
  ephemeralApi?: boolean
  /** extra environment for terraform (tests) */
  terraformEnv?: Record<string, string>
}

export class AwsTarget implements Target {
  readonly name = 'aws' as const
  private workspace: TerraformWorkspace | undefined
  private journalEntry: JournalResource | undefined
  private clients: AwsClients | undefined
  private outputs: HarnessOutput | undefined
  private outputsFile = 'outputs.tf'
  private run: RunContext | undefined
  private readonly aliases = new Map<string, string>()
  private readonly p50ByEndpoint = new Map<string, number>()
  private readonly removedTargets: AwsActionContext['removed'] = new Map()

  constructor(private readonly options: AwsTargetOptions) {}

  async apply(fixture: Fixture, vars: Vars, run: RunContext): Promise<HarnessOutput> {
    this.run = run
    this.outputsFile = join('terraform', fixture.name, 'outputs.tf')
    const { config, file } = await this.loadConfig()
    const declared = Object.keys(fixture.variables)
    const tfVars = pickDeclared(
      {
        ...vars,
        ...accountVariables(config, declared, file),
        run_id: run.runId,
        name_prefix: config.name_prefix,
        name_scope: run.scope ?? '',
        tags: { ...config.tags, ...((vars.tags as Record<string, string> | undefined) ?? {}) },
      },
      declared,
    )
    this.clients ??= this.options.clients ?? new AwsClients({ config, log: run.log })
    this.workspace = new TerraformWorkspace({
      fixtureDir: fixture.dir,
      workDir: join(run.workDir, 'terraform'),
      vars: tfVars,
      backend: config.state_backend,
      logFile: join(run.logDir, 'terraform.log'),
      onEvent: (e) => {
        if (e.level === 'error' || e.level === 'warn') run.log.warn({ terraform: e.type, resource: e.resource }, e.message)
        else run.log.debug({ terraform: e.type, resource: e.resource }, e.message)
        run.onTerraformEvent?.({ ...e })
      },
      runId: run.runId,
      ...(run.scope ? { scope: run.scope } : {}),
      ...(run.signal ? { signal: run.signal } : {}),
      ...(this.options.terraformEnv ? { env: this.options.terraformEnv } : {}),
      ...(this.options.expectApplyError !== undefined ? { expectedApplyError: new RegExp(this.options.expectApplyError) } : {}),
    })
    // journalled before anything exists, so that plh cleanup can destroy what a killed run applied
    this.journalEntry = this.options.ephemeralApi
      ? { kind: 'dir', id: this.workspace.dir, path: this.workspace.dir }
      : { kind: 'terraform-workdir', id: this.workspace.dir, path: this.workspace.dir, command: ['terraform', 'destroy', '-auto-approve', '-input=false'] }
    await run.journal?.record(this.journalEntry)
    run.log.info({ fixture: fixture.name, state: config.state_backend.type }, 'terraform apply')
    const stages = (fixture.manifest.apply_stages ?? []).map((stage) => ({ targets: stage.targets, then: (ws: TerraformWorkspace) => this.waitAfterStage(stage.wait_for, ws) }))
    const raw = await this.workspace.apply({ stages })
    this.outputs = this.validateOutputs(raw)
    await this.resolveAliases(this.outputs)
    return this.outputs
  }

  async waitReady(outputs: HarnessOutput): Promise<void> {
    this.requireClients()
    const log = this.run?.log
    const signal = this.run?.signal
    await waitForEndpointsReady({
      outputs,
      clientFor: (e) => endpointClient(e, outputs, this.actionContext()),
      acceptsPending: this.scenarioAcceptsPending(),
      timeoutMs: this.options.endpointTimeoutMs ?? 10 * 60_000,
      pollIntervalMs: this.pollIntervalMs(),
      outputsFile: this.outputsFile,
      ...(signal ? { signal } : {}),
      ...(log ? { log } : {}),
    })
    // the NLB's targets and the instances' SSM registration take minutes each: wait for both at
    // once, and stop the other wait as soon as one fails (or the run is interrupted)
    const stopBoth = new AbortController()
    const onRunAbort = (): void => stopBoth.abort(signal?.reason)
    if (signal?.aborted) onRunAbort()
    signal?.addEventListener('abort', onRunAbort, { once: true })
    const waits = [this.waitForTargetsHealthy(outputs, stopBoth.signal), this.waitForInstancesOnline(outputs, stopBoth.signal)]
    try {
      await Promise.all(waits)
    } catch (error) {
      stopBoth.abort(error)
      await Promise.allSettled(waits)
      throw error
    } finally {
      signal?.removeEventListener('abort', onRunAbort)
    }
    await this.fetchInterRegionLatency(outputs)
  }

  transport(instance: InstanceRef): CommandTransport {
    const alias = this.aliasOf(instance.account)
    return createSsmTransport({
      client: this.requireClients().ssm(alias, instance.region),
      instanceId: instance.instance_id,
      pollIntervalMs: this.options.ssmPollIntervalMs ?? 2000,
      ...(this.run?.log ? { log: this.run.log } : {}),
    })
  }

  async act(action: ActionStep, outputs: HarnessOutput): Promise<HarnessOutput> {
    this.outputs = await runAwsAction(action, outputs, this.actionContext())
    return this.outputs
  }

  expectedLatency(_instance: InstanceRef, target: ProbeTarget, step: ProbeStep): ProbeResult['model'] | undefined {
    return this.outputs ? expectedCrossRegionLatency(this.outputs.endpoints, this.p50ByEndpoint, target, step) : undefined
  }

  /** AWS's inter-region p50 (ms) per cross-region endpoint, as fetched in waitReady. */
  interRegionP50(): ReadonlyMap<string, number> {
    return this.p50ByEndpoint
  }

  async destroy(): Promise<void> {
    try {
      await this.workspace?.destroy()
      if (this.journalEntry) await this.run?.journal?.forget(this.journalEntry)
      this.journalEntry = undefined
    } catch (error) {
      if (error instanceof TeardownError) {
        throw new TeardownError(`${error.message}; or list what the run left with \`plh janitor --target aws\` and remove it with \`--delete\``, { cause: error, fields: error.fields })
      }
      throw error
    } finally {
      // clients are rebuilt on demand, so a repeated destroy stays harmless
      if (!this.options.clients) {
        this.clients?.destroy()
        this.clients = undefined
      }
    }
  }

  /** The wait a fixture's apply stage names (manifest `apply_stages`), run before the next stage. */
  private async waitAfterStage(wait: ApplyStageWait, workspace: TerraformWorkspace): Promise<void> {
    switch (wait) {
      case 'endpoint-service-regions-available':
        return waitForStateEndpointServices(await workspace.stateResources(), {
          clients: this.requireClients(),
          manifestFile: `terraform/${workspace.fixture}/manifest.json`,
          timeoutMs: this.options.supportedRegionsTimeoutMs ?? 10 * 60_000,
          pollIntervalMs: this.pollIntervalMs(),
          ...(this.run?.signal ? { signal: this.run.signal } : {}),
          ...(this.run?.log ? { log: this.run.log } : {}),
        })
    }
  }

  /** Every target of the service's NLB healthy (nlb-readiness.ts); `stop` also carries the run's own signal. */
  private async waitForTargetsHealthy(outputs: HarnessOutput, stop: AbortSignal): Promise<void> {
    await waitForNlbTargetsHealthy(outputs, { ...this.actionContext(), timeoutMs: this.options.targetHealthTimeoutMs ?? 10 * 60_000, signal: stop })
  }

  /** Every consumer and producer Online in SSM, per account alias and region (instances-readiness.ts). */
  private async waitForInstancesOnline(outputs: HarnessOutput, stop: AbortSignal): Promise<void> {
    await waitForInstancesOnlinePerAccount(outputs, {
      clients: this.requireClients(),
      aliasOf: (id) => this.aliasOf(id),
      timeoutMs: this.options.instanceTimeoutMs ?? 15 * 60_000,
      pollIntervalMs: this.pollIntervalMs(),
      signal: stop,
      ...(this.run?.log ? { log: this.run.log } : {}),
    })
  }

  private async loadConfig(): Promise<{ config: RunConfig; file: string }> {
    const file = this.options.configFile ?? defaultRunConfigFile
    const config = this.options.config ?? (await loadRunConfig(this.options.root, this.options.configFile))
    if (!config) {
      throw new InputError(file, '(root)', 'the aws target needs a run configuration: copy plh.config.example.json to plh.config.json (accounts, regions, state backend) or pass --config FILE')
    }
    if (config.name_prefix.length > MAX_FIXTURE_NAME_PREFIX) {
      throw new InputError(file, 'name_prefix', `at most ${MAX_FIXTURE_NAME_PREFIX} characters on the aws target (the fixtures' NLB and target group names must fit in 32), got "${config.name_prefix}"`)
    }
    return { config, file }
  }

  /** The `harness` output checked against the contract; a violation names the fixture's outputs.tf and the field. */
  private validateOutputs(raw: Record<string, unknown>): HarnessOutput {
    if (raw.harness === undefined) {
      throw new InfrastructureError('CONTRACT_VIOLATION', `${this.outputsFile}: harness: the fixture has no \`harness\` output (outputs: ${Object.keys(raw).join(', ') || 'none'})`, { fields: { file: this.outputsFile } })
    }
    const parsed = harnessOutputSchema.safeParse(raw.harness)
    if (parsed.success) return parsed.data
    const issue = parsed.error.issues[0]!
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : ''
    const field = formatFieldPath(['harness', ...issue.path])
    throw new InfrastructureError('CONTRACT_VIOLATION', `${this.outputsFile}: ${field}: ${issue.message}${more}`, { fields: { file: this.outputsFile, field } })
  }

  /** Maps every account the outputs name to a configured alias, once (STS where the config lacks account_id). */
  private async resolveAliases(outputs: HarnessOutput): Promise<void> {
    const clients = this.requireClients()
    for (const account of new Set([...outputs.consumers, ...(outputs.producers ?? [])].map((i) => i.account))) {
      if (!this.aliases.has(account)) this.aliases.set(account, await clients.aliasOf(account))
    }
  }

  private aliasOf(accountId: string): string {
    const alias = this.aliases.get(accountId)
    if (alias === undefined) throw new InfrastructureError('NOT_READY', `account ${accountId} was not mapped to an alias of the run configuration (apply first)`)
    return alias
  }

  private scenarioAcceptsPending(): boolean {
    return (this.options.steps ?? []).some((s) => s.kind === 'accept-endpoint' || (s.kind === 'expect-endpoint-state' && s.state === 'pendingAcceptance'))
  }

  private pollIntervalMs(): number {
    return this.options.pollIntervalMs ?? 5000
  }

  private requireClients(): AwsClients {
    if (!this.clients) throw new InfrastructureError('NOT_READY', 'the aws target has not been applied')
    return this.clients
  }

  private actionContext(): AwsActionContext {
    return {
      clients: this.requireClients(),
      aliasOf: (id) => this.aliasOf(id),
      outputsFile: this.outputsFile,
      pollIntervalMs: this.pollIntervalMs(),
      timeoutMs: this.options.endpointTimeoutMs ?? 10 * 60_000,
      removed: this.removedTargets,
      runCommand: (instance, script) => this.transport(instance).run(script, { timeoutSeconds: 60, comment: 'plh action', ...(this.run?.signal ? { signal: this.run.signal } : {}) }),
      ...(this.run?.signal ? { signal: this.run.signal } : {}),
      ...(this.run?.log ? { log: this.run.log } : {}),
    }
  }

  /** AWS's own p50 between the regions of each cross-region endpoint; informational, so a failure is a warning. */
  private async fetchInterRegionLatency(outputs: HarnessOutput): Promise<void> {
    for (const endpoint of crossRegionEndpoints(outputs.endpoints)) {
      const { client, target } = endpointClient(endpoint, outputs, this.actionContext())
      try {
        const p50 = await awsInterRegionP50(client, endpoint.region, endpoint.service_region, { target, minDelayMs: this.pollIntervalMs(), ...(this.run?.signal ? { signal: this.run.signal } : {}) })
        if (p50 !== undefined) this.p50ByEndpoint.set(endpoint.id, p50)
        this.run?.log.info({ endpoint: endpoint.id, from: endpoint.region, to: endpoint.service_region, p50_ms: p50 ?? null }, 'AWS inter-region p50')
      } catch (error) {
        if (!(error instanceof HarnessError)) throw error
        this.run?.log.warn({ endpoint: endpoint.id, err: error.message }, 'no AWS inter-region latency figure (ec2:GetAwsNetworkPerformanceData)')
      }
    }
  }
}

/** Only the variables the fixture declares: terraform warns about (and future versions refuse) undeclared ones. */
function pickDeclared(vars: Record<string, unknown>, declared: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(vars).filter(([name, value]) => declared.includes(name) && value !== undefined))
}
