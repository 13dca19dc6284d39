// The local target through terraform: the AWS target's own code (terraform workspace, readiness on
// EC2/SSM, actions, teardown, journal) pointed at the local AWS API, whose store the reconciler
// turns into the emulated data plane. Wiring only: start the API and the reconciler, then delegate.
import { join } from 'node:path'
import type { HarnessOutput, InstanceRef } from '../../core/contract.js'
import { fixtureAccountAliases } from '../../core/account-variables.js'
import { InfrastructureError, TeardownError } from '../../core/errors.js'
import type { ProbeResult, ProbeTarget } from '../../core/results.js'
import type { RunConfig } from '../../core/run-config.js'
import type { ActionStep, ProbeStep, Step } from '../../core/scenario.js'
import type { CommandTransport, Fixture, RunContext, Target, Vars } from '../../core/target.js'
import { AwsClients } from '../aws/aws-clients.js'
import { AwsTarget } from '../aws/aws-target.js'
import type { ApiRequestRecord } from './api/server/start-aws-api.js'
import { describeNotEmulated } from './describe-not-emulated.js'
import { modelStartTransferMs } from './latency/path-model.js'
import { startLocalAwsWithDataPlane, type LocalAwsWithDataPlane } from './start-local-aws-with-data-plane.js'

/** Account ids of aliases a fixture does not give one (`<alias>_account_id` absent or null). */
const STAND_IN_ACCOUNTS = ['111111111111', '222222222222', '333333333333', '444444444444']

export interface LocalAwsTargetOptions {
  source: string
  root: string
  steps?: readonly Step[]
  /** every request the local API answered (the bench counts and times them) */
  onRequest?: (record: ApiRequestRecord) => void
  /** how long instances may take to show Online in SSM (default 60 s) */
  instanceTimeoutMs?: number
}

/** The accounts a fixture names, with the ids its variables give them. */
export function fixtureAccounts(fixture: Fixture, vars: Vars): Array<{ name: string; id: string }> {
  const aliases = [...fixtureAccountAliases(Object.keys(fixture.variables)).entries()].filter(([, suffixes]) => suffixes.has('account_id') || suffixes.has('profile'))
  const accounts: Array<{ name: string; id: string }> = []
  for (const [alias] of aliases) {
    const given = vars[`${alias}_account_id`]
    const id = typeof given === 'string' && /^\d{12}$/.test(given) ? given : STAND_IN_ACCOUNTS.find((a) => !accounts.some((x) => x.id === a))!
    accounts.push({ name: alias, id })
  }
  return accounts.length > 0 ? accounts : [{ name: 'default', id: STAND_IN_ACCOUNTS[0]! }]
}

export class LocalAwsTarget implements Target {
  readonly name = 'local' as const
  private stack: LocalAwsWithDataPlane | undefined
  private aws: AwsTarget | undefined

  constructor(private readonly options: LocalAwsTargetOptions) {}

  async apply(fixture: Fixture, vars: Vars, run: RunContext): Promise<HarnessOutput> {
    const accounts = fixtureAccounts(fixture, vars)
    const tag = run.scope ? `${run.tag}-${run.scope}` : run.tag
    this.stack = await startLocalAwsWithDataPlane({
      accounts,
      dir: join(run.workDir, `local-aws-${run.scope ?? run.tag}`),
      tag,
      log: run.log,
      ...(run.journal ? { journal: run.journal } : {}),
      ...(this.options.onRequest ? { onRequest: this.options.onRequest } : {}),
    })
    const { local, reconciler } = this.stack
    const keys = new Map(local.accounts.map((a) => [a.id, { accessKeyId: a.accessKeyId, secretAccessKey: a.secretAccessKey }]))
    const config: RunConfig = {
      name_prefix: 'plh',
      accounts: Object.fromEntries(accounts.map((a) => [a.name, { account_id: a.id, profile: a.name }])),
      state_backend: { type: 'local' },
      tags: {},
    }
    const clients = new AwsClients({ config, endpoint: local.api.url, credentials: (account) => keys.get(account.account_id ?? '')!, minDelayMs: 100 })
    this.aws = new AwsTarget({
      source: this.options.source,
      root: this.options.root,
      config,
      clients,
      pollIntervalMs: 250,
      ssmPollIntervalMs: 100,
      endpointTimeoutMs: 60_000,
      instanceTimeoutMs: this.options.instanceTimeoutMs ?? 60_000,
      terraformEnv: local.env,
      ephemeralApi: true,
      ...(this.options.steps ? { steps: this.options.steps } : {}),
    })
    let outputs: HarnessOutput
    try {
      outputs = await this.aws.apply(fixture, vars, run)
    } catch (error) {
      const line = describeNotEmulated(fixture.name, error)
      if (line !== undefined) throw new InfrastructureError('APPLY_FAILED', line, { cause: error, fields: { fixture: fixture.name } })
      throw error
    }
    await reconciler.settled()
    return outputs
  }

  async waitReady(outputs: HarnessOutput): Promise<void> {
    try {
      await this.requireAws().waitReady(outputs)
    } catch (error) {
      const reasons = [...outputs.consumers, ...(outputs.producers ?? [])].map((i) => this.stack?.reconciler.registrationProblem(i.instance_id)).filter((r): r is string => r !== undefined)
      if (error instanceof InfrastructureError && reasons.length > 0) throw new InfrastructureError(error.code, reasons.join('; '), { cause: error, fields: error.fields })
      throw error
    }
  }

  transport(instance: InstanceRef): CommandTransport {
    return this.requireAws().transport(instance)
  }

  async act(action: ActionStep, outputs: HarnessOutput): Promise<HarnessOutput> {
    const next = await this.requireAws().act(action, outputs)
    await this.stack?.reconciler.settled()
    return next
  }

  expectedLatency(instance: InstanceRef, target: ProbeTarget, step: ProbeStep): ProbeResult['model'] | undefined {
    const plan = this.stack?.reconciler.dataPlane()?.plan
    const from = plan?.instances.find((i) => i.id === instance.instance_id)
    if (!plan || !from) return undefined
    const expected = modelStartTransferMs(plan, from, target.host, target.port, step.scheme)
    return expected === undefined ? undefined : { timing: 'time_starttransfer', expected_ms: Math.round(expected * 1000) / 1000 }
  }

  /** How a person reaches the kept topology with terraform or any AWS client (plh run --keep). */
  info(): { aws_env: Record<string, string>; profiles: Array<{ name: string; account_id: string }> } | null {
    if (!this.stack) return null
    const { local } = this.stack
    return { aws_env: { ...local.env }, profiles: local.accounts.map((a) => ({ name: a.name, account_id: a.id })) }
  }

  /** Run Command calls the local API's SSM served, per operation, as the server saw them (results and the bench read it). */
  ssmCallsByOperation(): Record<string, number> {
    return this.stack?.ssmCalls() ?? {}
  }

  /** Requests the local API answered, per `service:Action` (the bench reads it). */
  apiRequestCounts(): Record<string, number> {
    return this.stack?.local.api.requestCounts() ?? {}
  }

  async destroy(): Promise<void> {
    const problems: string[] = []
    try {
      await this.aws?.destroy()
    } catch (error) {
      problems.push((error as Error).message)
    }
    const left = (await this.stack?.close()) ?? []
    if (left.length > 0) problems.push(`namespaces left behind: ${left.join(', ')}`)
    // what terraform's destroy did not delete would be a leak on AWS; gone resources that AWS keeps
    // listing for a while (terminated instances, deleted endpoints) do not count
    const remaining = problems.length > 0 ? [] : (this.stack?.local.api.store.all() ?? []).filter((r) => !isGone(r.data))
    if (remaining.length > 0) problems.push(`terraform destroy left in the local AWS API: ${remaining.map((r) => `${r.type} ${r.id}`).join(', ')}`)
    this.stack = undefined
    if (problems.length > 0) throw new TeardownError(problems.join('; '))
  }

  private requireAws(): AwsTarget {
    if (!this.aws) throw new InfrastructureError('NOT_READY', 'the local target has not been applied')
    return this.aws
  }
}

/** A resource AWS still lists after deletion. */
function isGone(data: unknown): boolean {
  const d = data as { State?: { Name?: string } | string; Status?: { Code?: string } }
  const state = typeof d.State === 'string' ? d.State : d.State?.Name
  return ['terminated', 'deleted', 'Deleted'].includes(state ?? '') || d.Status?.Code === 'deleted'
}
