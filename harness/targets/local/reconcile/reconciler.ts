// The reconciler's running half: follows the local AWS API's store and keeps one emulated data
// plane matching it. Level-triggered (Kubernetes controllers' habit): every change schedules a
// pass, a pass computes the whole spec from a snapshot (plan-from-store.ts) and compares it with
// what runs. A structural change (a VPC, an instance, an NLB, a target, an endpoint, a rule)
// rebuilds the data plane; an accepted endpoint connection is applied in place. Status flows back:
// the NLB's observed target health goes into the target group's record. Passes never overlap.
import type { Instance } from '@aws-sdk/client-ec2'
import type { Logger } from '../../../core/target.js'
import { noJournal, type ResourceJournal } from '../../../core/resource-journal.js'
import type { AwsStore, ResourceRecord } from '../api/store/aws-store.js'
import { Emulator } from '../emulator.js'
import type { TargetHealthState } from '../services/emulated-nlb.js'
import { execInNamespace } from '../ssm/exec-in-namespace.js'
import type { InstanceRegistry } from '../ssm/instance-registry.js'
import type { TopologyPlan } from '../topology/plan-types.js'
import { planFromStore } from './plan-from-store.js'
import { ssmRegistration, type SsmRegistration } from './ssm-registration.js'

export interface ReconcilerOptions {
  store: AwsStore
  /** names of namespaces and tables carry it */
  tag: string
  journal?: ResourceJournal
  log?: Logger
  /** quiet time before a pass (default 200 ms): an apply's bursts of calls make one pass */
  debounceMs?: number
  healthCheckIntervalMs?: number
}

/** What the data plane's NLB saw, as DescribeTargetHealth words it (`unused` is ELB's own to say). */
const OBSERVED: Partial<Record<TargetHealthState, { State: string; Reason?: string; Description?: string }>> = {
  healthy: { State: 'healthy' },
  unhealthy: { State: 'unhealthy', Reason: 'Target.FailedHealthChecks', Description: 'Health checks failed' },
  initial: { State: 'initial', Reason: 'Elb.InitialHealthChecking', Description: 'Initial health checks in progress' },
}

/** The spec minus what is applied in place (endpoint acceptance), as a comparable string. */
function structure(plan: TopologyPlan): string {
  return JSON.stringify({ ...plan, endpoints: plan.endpoints.map((e) => ({ ...e, initialState: undefined })) })
}

/** SSM's verdict on an instance of the store, undefined when the store has no such instance. */
function registrationOf(records: ResourceRecord[], instanceId: string): SsmRegistration | undefined {
  const record = records.find((r) => r.type === 'instance' && r.id === instanceId) as ResourceRecord<Instance> | undefined
  return record === undefined ? undefined : ssmRegistration(records, record)
}

export class Reconciler {
  private emulator: Emulator | undefined
  private builtAt = 0
  private current = ''
  private timer: NodeJS.Timeout | undefined
  private healthTimer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private dirty = false
  private stopped = false
  private unsubscribe: (() => void) | undefined
  private lastError: Error | undefined
  private readonly waiters: Array<() => void> = []

  constructor(private readonly options: ReconcilerOptions) {}

  start(): void {
    this.unsubscribe = this.options.store.onChange(() => this.schedule())
    this.healthTimer = setInterval(() => this.syncHealth(), this.options.healthCheckIntervalMs ?? 300)
    this.healthTimer.unref()
    this.schedule()
  }

  /** Resolves once no pass is pending or running (tests; readiness). */
  async settled(): Promise<void> {
    if (this.timer === undefined && this.running === undefined) return
    await new Promise<void>((resolve) => this.waiters.push(resolve))
  }

  /** The last pass's failure, if the last pass failed. */
  error(): Error | undefined {
    return this.lastError
  }

  /** Instances of an account and region that SSM knows: running in the data plane and allowed to register. */
  instancesFor(account: string, region: string): InstanceRegistry {
    return {
      list: () => {
        const emulator = this.emulator
        if (emulator === undefined) return []
        const records = this.options.store.all()
        return emulator.plan.instances
          .filter((i) => i.account === account && i.region === region)
          .filter((i) => registrationOf(records, i.id)?.online === true)
          .map((i) => ({ instanceId: i.id, registeredAt: this.builtAt, computerName: i.id, ipAddress: i.ip }))
      },
      exec: (instanceId, script, opts) => {
        const ns = this.emulator?.plan.instances.find((i) => i.id === instanceId)?.ns
        if (ns === undefined) return Promise.resolve({ stdout: '', stderr: `instance ${instanceId} is not running\n`, exitCode: 1, timedOut: false })
        return execInNamespace(ns, script, opts)
      },
    }
  }

  /** Why an instance is not registered with SSM (undefined: it is, or it does not exist). */
  registrationProblem(instanceId: string): string | undefined {
    const verdict = registrationOf(this.options.store.all(), instanceId)
    return verdict === undefined || verdict.online ? undefined : verdict.reason
  }

  /** The running data plane (tests, latency model). */
  dataPlane(): Emulator | undefined {
    return this.emulator
  }

  /** Stops following the store and tears the data plane down; returns namespaces that could not be removed. */
  async stop(): Promise<string[]> {
    this.stopped = true
    this.unsubscribe?.()
    clearTimeout(this.timer)
    this.timer = undefined
    clearInterval(this.healthTimer)
    await this.running
    const left = (await this.emulator?.destroy()) ?? []
    this.emulator = undefined
    this.release()
    return left
  }

  private schedule(): void {
    if (this.stopped) return
    if (this.running) {
      this.dirty = true
      return
    }
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.running = this.pass().finally(() => {
        this.running = undefined
        if (this.dirty && !this.stopped) {
          this.dirty = false
          this.schedule()
        } else this.release()
      })
    }, this.options.debounceMs ?? 200)
  }

  private release(): void {
    if (this.timer !== undefined || this.running !== undefined) return
    for (const resolve of this.waiters.splice(0)) resolve()
  }

  private async pass(): Promise<void> {
    try {
      const { plan, waiting } = planFromStore({ records: this.options.store.all(), tag: this.options.tag })
      const shape = structure(plan)
      if (shape !== this.current) {
        await this.emulator?.destroy()
        this.emulator = undefined
        this.current = shape
        if (plan.vpcs.length > 0) {
          const emulator = new Emulator(plan, { tag: this.options.tag, journal: this.options.journal ?? noJournal, ...(this.options.healthCheckIntervalMs ? { healthCheckIntervalMs: this.options.healthCheckIntervalMs } : {}) })
          this.emulator = emulator
          await emulator.build()
          this.builtAt = Date.now()
          this.options.log?.debug({ vpcs: plan.vpcs.length, instances: plan.instances.length, nlbs: plan.nlbs.length, endpoints: plan.endpoints.length, waiting }, 'data plane rebuilt from the local AWS API')
        }
      }
      if (this.emulator && plan.endpoints.some((e) => e.initialState === 'available' && this.emulator!.endpointState(e.id) === 'pendingAcceptance')) {
        await this.emulator.acceptEndpoints((id) => plan.endpoints.find((e) => e.id === id)?.initialState === 'available')
      }
      this.lastError = undefined
    } catch (error) {
      this.lastError = error as Error
      this.current = ''
      this.options.log?.error({ err: error }, 'reconcile pass failed')
    }
  }

  /** Writes the NLB's observed target health into the target groups' records when it changed. */
  private syncHealth(): void {
    const emulator = this.emulator
    if (emulator === undefined || this.stopped) return
    const health = emulator.targetHealth()
    const store = this.options.store
    for (const record of store.all().filter((r) => r.type === 'target-group')) {
      const targets = ((record.data as { local?: { targets?: Array<{ Id: string; Port?: number }> } }).local?.targets ?? [])
      const observed: Record<string, { State: string; Reason?: string; Description?: string }> = {}
      for (const t of targets) {
        const instanceId = emulator.plan.instances.find((i) => i.id === t.Id || i.ip === t.Id)?.id
        const state = instanceId === undefined ? undefined : health[instanceId]
        const seen = state === undefined ? undefined : OBSERVED[state]
        if (seen !== undefined) observed[`${t.Id}:${t.Port ?? (record.data as { Port?: number }).Port ?? ''}`] = seen
      }
      const local = (record.data as { local?: { observedHealth?: unknown } }).local
      if (local === undefined || JSON.stringify(local.observedHealth ?? {}) === JSON.stringify(observed)) continue
      store.update(record.account, record.region, record.type, record.id, (r) => {
        ;(r.data as { local: { observedHealth?: unknown } }).local.observedHealth = observed
      })
    }
  }
}
