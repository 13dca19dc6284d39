// The local target: the fixture's topology built by the emulator, commands delivered through a
// local SSM-compatible endpoint with the real AWS SDK, so probing runs the same code as on AWS.
import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { SSMClient } from '@aws-sdk/client-ssm'
import { harnessOutputSchema, type HarnessOutput, type InstanceRef } from '../../core/contract.js'
import { HarnessError, InfrastructureError, TeardownError } from '../../core/errors.js'
import type { ProbeResult, ProbeTarget } from '../../core/results.js'
import type { ActionStep, ProbeStep } from '../../core/scenario.js'
import type { CommandTransport, Fixture, RunContext, Target, Vars } from '../../core/target.js'
import { createSsmClient } from '../ssm-client.js'
import { createSsmTransport } from '../ssm-transport.js'
import { waitForInstancesOnline } from '../wait-for-instances-online.js'
import { waitUntil } from './wait-until.js'
import { Emulator } from './emulator.js'
import { modelStartTransferMs } from './latency/path-model.js'
import { buildHarnessOutput } from './plan-outputs.js'
import { execInNamespace } from './ssm/exec-in-namespace.js'
import { startSsmEndpoint, type SsmEndpoint } from './ssm/start-ssm-endpoint.js'
import { planTopology } from './topology/plan-topology.js'

/** The region the local SSM endpoint signs for (any value works; the SDK and endpoint agree on it). */
const SSM_REGION = 'us-east-1'

export interface LocalTargetOptions {
  /** names the input in error messages (the scenario file) */
  source: string
  registrationDelayMs?: number
  pollIntervalMs?: number
}

/** Connection details of a kept topology, for a person with any AWS client. */
export interface LocalTargetInfo {
  ssm_endpoint: string
  region: string
  access_key_id: string
  secret_access_key: string
  instances: Array<{ instance_id: string; namespace: string; role: string; ip: string }>
}

/**
 * The local SSM endpoint's per-run credentials: random, unless PLH_LOCAL_SSM_ACCESS_KEY_ID and
 * PLH_LOCAL_SSM_SECRET_ACCESS_KEY are both set, for a test that must know them (to prove that they
 * never reach a log or a report) without the harness writing them anywhere.
 */
function localSsmCredentials(env: NodeJS.ProcessEnv = process.env): { accessKeyId: string; secretAccessKey: string } {
  const accessKeyId = env.PLH_LOCAL_SSM_ACCESS_KEY_ID
  const secretAccessKey = env.PLH_LOCAL_SSM_SECRET_ACCESS_KEY
  if (accessKeyId && secretAccessKey) return { accessKeyId, secretAccessKey }
  return {
    accessKeyId: `AKIAPLH${randomBytes(7).toString('hex').toUpperCase()}`.slice(0, 20),
    secretAccessKey: randomBytes(30).toString('base64'),
  }
}

export class LocalTarget implements Target {
  readonly name = 'local' as const
  private emulator: Emulator | undefined
  private endpoint: SsmEndpoint | undefined
  private client: SSMClient | undefined
  private caFile: string | undefined
  private readonly credentials = localSsmCredentials()
  /** the endpoint's count when it closed */
  private servedSsmCalls: Record<string, number> = {}

  constructor(private readonly options: LocalTargetOptions) {}

  async apply(fixture: Fixture, vars: Vars, run: RunContext): Promise<HarnessOutput> {
    let plan
    try {
      const nsTag = run.scope ? `${run.tag}-${run.scope}` : run.tag
      plan = planTopology(fixture.manifest.topology, { vars, tag: nsTag, seed: `${run.runId}:${run.scope ?? ''}:${fixture.name}`, source: this.options.source })
    } catch (error) {
      if (error instanceof HarnessError) throw error
      // an error AWS itself would give at apply (e.g. InvalidServiceName): the apply fails
      throw new InfrastructureError('APPLY_FAILED', `apply of ${fixture.name} failed: ${(error as Error).message}`, { cause: error })
    }
    this.emulator = new Emulator(plan, { tag: run.tag, ...(run.journal ? { journal: run.journal } : {}) })
    run.log.info({ namespaces: plan.vpcs.length + plan.instances.length }, 'building emulated topology')
    try {
      await this.emulator.build()
    } catch (error) {
      throw error instanceof HarnessError ? error : new InfrastructureError('APPLY_FAILED', `emulator build failed: ${(error as Error).message}`, { cause: error })
    }
    const ca = this.emulator.caCertificate()
    if (ca) {
      // the instances trust the run's CA (curl --cacert): the file lives in the run's work dir
      await mkdir(run.workDir, { recursive: true })
      this.caFile = join(run.workDir, `local-ca-${run.scope ?? run.tag}.pem`)
      await writeFile(this.caFile, ca)
    }
    for (const assumption of plan.assumptions) run.log.info({ assumption }, 'emulator assumption')
    const nsById = new Map(plan.instances.map((i) => [i.id, i.ns]))
    const registeredAt = Date.now()
    this.endpoint = await startSsmEndpoint({
      region: SSM_REGION,
      credentials: this.credentials,
      registrationDelayMs: this.options.registrationDelayMs ?? 1500,
      instances: {
        list: () => plan.instances.map((i) => ({ instanceId: i.id, registeredAt, computerName: i.id, ipAddress: i.ip })),
        exec: (instanceId, script, opts) => execInNamespace(nsById.get(instanceId)!, script, opts),
      },
      log: run.log,
    })
    this.client = createSsmClient({ region: SSM_REGION, endpoint: this.endpoint.url, credentials: this.credentials })
    return this.outputs()
  }

  private outputs(): HarnessOutput {
    const emulator = this.requireEmulator()
    return harnessOutputSchema.parse(buildHarnessOutput(emulator.plan, (id) => emulator.endpointState(id)))
  }

  private requireEmulator(): Emulator {
    if (!this.emulator) throw new InfrastructureError('NOT_READY', 'the local target has not been applied')
    return this.emulator
  }

  async waitReady(outputs: HarnessOutput): Promise<void> {
    const ids = [...outputs.consumers, ...(outputs.producers ?? [])].map((c) => c.instance_id)
    await waitForInstancesOnline(this.client!, ids, { timeoutMs: 30_000, pollIntervalMs: 250 })
    const emulator = this.requireEmulator()
    // the NLB must see its targets healthy before traffic can flow (they are `initial` for their first checks, as on AWS)
    await waitUntil(() => Object.values(emulator.targetHealth()).every((state) => state === 'healthy'), {
      timeoutMs: 15_000,
      describe: () => `NLB targets not healthy: ${JSON.stringify(emulator.targetHealth())}`,
    })
  }

  transport(instance: InstanceRef): CommandTransport {
    if (!this.client) throw new InfrastructureError('NOT_READY', 'the local target has not been applied')
    return createSsmTransport({ client: this.client, instanceId: instance.instance_id, pollIntervalMs: this.options.pollIntervalMs ?? 100 })
  }

  async act(action: ActionStep): Promise<HarnessOutput> {
    const emulator = this.requireEmulator()
    switch (action.kind) {
      case 'accept-endpoint':
        await emulator.acceptEndpoints()
        break
      case 'set-target-health':
      case 'set-target-registration': {
        const wanted = action.kind === 'set-target-health' ? (action.healthy ? 'healthy' : 'unhealthy') : action.registered ? 'healthy' : 'unused'
        const everywhere = emulator.targetsInEveryAz()
        if (everywhere.length > 0) {
          // AWS registers IP targets outside the NLB's VPC in AZ "all": no one AZ can be taken out
          throw new InfrastructureError('NOT_READY', `${action.kind}: the NLB has targets registered in AZ "all" (${everywhere.join(', ')}): every NLB node sends to them, so ${action.az} alone cannot be taken out of service in this fixture`)
        }
        const ids = emulator.plan.instances.filter((i) => i.role === 'producer' && i.az === action.az).map((i) => i.id)
        if (ids.length === 0) throw new InfrastructureError('NOT_READY', `${action.kind}: no NLB target in ${action.az}`)
        if (action.kind === 'set-target-health') emulator.setTargetHealth(action.az, action.healthy)
        else emulator.setTargetRegistration(action.az, action.registered)
        // wait until the NLB has noticed (thresholds × interval); a target registered again is `initial` first
        await waitUntil(() => ids.every((id) => emulator.targetHealth()[id] === wanted), {
          timeoutMs: 10_000,
          describe: () => `NLB targets in ${action.az} are not ${wanted}: ${JSON.stringify(emulator.targetHealth())}`,
        })
        break
      }
      case 'wait':
        await sleep(action.seconds * 1000)
        break
      case 'expect-endpoint-state':
        break
    }
    return this.outputs()
  }

  caBundle(): string | undefined {
    return this.caFile
  }

  /** The latency model's time_starttransfer for this instance and name (the emulator applies the same figures). */
  expectedLatency(instance: InstanceRef, target: ProbeTarget, step: ProbeStep): ProbeResult['model'] | undefined {
    const plan = this.emulator?.plan
    const from = plan?.instances.find((i) => i.id === instance.instance_id)
    if (!plan || !from) return undefined
    const expected = modelStartTransferMs(plan, from, target.host, target.port, step.scheme)
    return expected === undefined ? undefined : { timing: 'time_starttransfer', expected_ms: Math.round(expected * 1000) / 1000 }
  }

  /** SSM requests the endpoint received, per operation; kept after destroy so the scenario's result can carry them (the benchmark reads them). */
  ssmCallsByOperation(): Record<string, number> {
    return this.endpoint?.apiCalls() ?? { ...this.servedSsmCalls }
  }

  /** Namespaces and helper processes this target created (leak checks read it). */
  resources(): { namespaces: string[]; pids: number[] } {
    return { namespaces: this.emulator?.createdNamespaces() ?? [], pids: this.emulator?.helperPids() ?? [] }
  }

  info(): LocalTargetInfo | null {
    if (!this.endpoint || !this.emulator) return null
    return {
      ssm_endpoint: this.endpoint.url,
      region: SSM_REGION,
      access_key_id: this.credentials.accessKeyId,
      secret_access_key: this.credentials.secretAccessKey,
      instances: this.emulator.plan.instances.map((i) => ({ instance_id: i.id, namespace: i.ns, role: i.role, ip: i.ip })),
    }
  }

  async destroy(): Promise<void> {
    this.client?.destroy()
    this.client = undefined
    if (this.endpoint) this.servedSsmCalls = this.endpoint.apiCalls()
    await this.endpoint?.close()
    this.endpoint = undefined
    const left = (await this.emulator?.destroy()) ?? []
    if (left.length > 0) throw new TeardownError(`namespaces left behind: ${left.join(', ')}; \`plh cleanup --dry-run\` lists what the run left, \`plh cleanup\` removes it`, { fields: { namespaces: left } })
  }
}
