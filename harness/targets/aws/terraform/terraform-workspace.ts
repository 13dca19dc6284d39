// One fixture applied by terraform in a run's own scratch directory: a copy of the fixture (and
// its sibling modules/ folder, so `../modules/*` sources resolve), its own local state or its own
// S3 key, so that parallel runs never share state. Retries follow terraform-retry.ts's table.
import { cp, mkdir, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import pRetry from 'p-retry'
import { HarnessError, InfrastructureError, TeardownError } from '../../../core/errors.js'
import type { RunConfig } from '../../../core/run-config.js'
import { describeErrorDiagnostic, errorDiagnosticText, firstErrorInText, parseTerraformEvent, type TerraformEvent } from './terraform-events.js'
import {
  backendConfigFileName,
  backendOverrideFileName,
  buildStateKey,
  buildTerraformArgs,
  cliConfigFileName,
  readOutputValues,
  readStateResources,
  renderBackendOverride,
  renderMirrorCliConfig,
  renderS3BackendConfig,
  renderTfvars,
  tfvarsFileName,
  type StateResource,
} from './terraform-files.js'
import { backoffMs, findRetryRule, maxAttempts, mergeRetryTable, shouldRetryAttempt, type RetryTable, type TerraformCommand } from './terraform-retry.js'
import { runTerraform, type TerraformRunResult } from './run-terraform.js'

export type { TerraformEvent } from './terraform-events.js'

export interface TerraformWorkspaceOptions {
  /** terraform/<fixture> */
  fixtureDir: string
  /** per-run scratch directory; the copy and local state live here */
  workDir: string
  /** written as plh.auto.tfvars.json in the copy (never on the command line) */
  vars: Record<string, unknown>
  /** s3: a backend override and -backend-config file; key defaults to <key_prefix>/<run-id>/<fixture>[-<scope>].tfstate */
  backend?: RunConfig['state_backend'] & { key?: string }
  /** every terraform stdout/stderr line is appended here */
  logFile: string
  onEvent?: (e: TerraformEvent) => void
  /** aborts apply (terraform gets one SIGINT and writes its state); destroy is never aborted */
  signal?: AbortSignal
  env?: Record<string, string>
  /** for tests: rules replacing the default table's */
  retry?: Partial<RetryTable>
  /** the scenario's expect_apply_error: an apply failing with it fails at once, whatever the retry table says */
  expectedApplyError?: RegExp
  /** shown in errors and part of the default S3 key (default: the work dir's name) */
  runId?: string
  /** the scenario's scope inside the run, part of the default S3 key */
  scope?: string
  /** folder holding registry.terraform.io/hashicorp/* (default: PLH_TF_PROVIDER_MIRROR); init then installs from it only */
  providerMirror?: string
}

/** One stage of a staged apply: the addresses to apply first, then what must hold before the rest is applied. */
export interface ApplyStage {
  targets: readonly string[]
  then: (workspace: TerraformWorkspace) => Promise<void>
}

/** A failed terraform command: its exit code, the first error diagnostic, the text the retry table reads. */
class TerraformCommandError extends Error {
  constructor(
    readonly command: TerraformCommand | 'output' | 'show',
    readonly firstError: string,
    readonly errorText: string,
    readonly interrupted: boolean,
  ) {
    super(`terraform ${command} failed: ${firstError}`)
  }
}

export class TerraformWorkspace {
  readonly fixture: string
  /** the copy terraform runs in: workDir/<fixture> */
  readonly dir: string
  private readonly options: TerraformWorkspaceOptions
  private readonly retryTable: RetryTable
  private readonly runId: string
  private initialized = false
  private applyStarted = false
  private destroyedSinceApply = false

  constructor(options: TerraformWorkspaceOptions) {
    if (!options.fixtureDir) throw new TypeError('TerraformWorkspace: options.fixtureDir is required')
    if (!options.workDir) throw new TypeError('TerraformWorkspace: options.workDir is required')
    if (!options.logFile) throw new TypeError('TerraformWorkspace: options.logFile is required')
    this.options = { ...options, fixtureDir: resolve(options.fixtureDir), workDir: resolve(options.workDir) }
    this.fixture = basename(this.options.fixtureDir)
    this.dir = join(this.options.workDir, this.fixture)
    this.retryTable = mergeRetryTable(options.retry)
    this.runId = options.runId ?? basename(this.options.workDir)
  }

  /** Whether apply was started, so destroy must run. */
  get applied(): boolean {
    return this.applyStarted
  }

  /** Copies the fixture, writes variables, backend and CLI config, and runs `terraform init`. */
  async init(): Promise<void> {
    if (this.initialized) return
    await this.prepareCopy()
    const backendConfigFile = this.options.backend?.type === 's3' ? backendConfigFileName : undefined
    await this.withRetry('init', () => this.runChecked('init', buildTerraformArgs('init', backendConfigFile ? { backendConfigFile } : {})))
    this.initialized = true
  }

  /**
   * `apply -json` (events to onEvent), then the outputs as { name: value }. With `stages`, each
   * stage first applies only its addresses (`-target`, with what they depend on) and runs its
   * `then` (a wait on AWS) before the next stage; the full apply comes last.
   */
  async apply(options: { stages?: ReadonlyArray<ApplyStage> } = {}): Promise<Record<string, unknown>> {
    await this.init()
    if (this.options.signal?.aborted) {
      throw new InfrastructureError('APPLY_FAILED', `terraform apply of fixture ${this.fixture} not started: the run was interrupted (run ${this.runId})`, { cause: this.options.signal.reason, fields: { fixture: this.fixture, runId: this.runId, interrupted: true } })
    }
    this.applyStarted = true
    this.destroyedSinceApply = false
    for (const [index, stage] of (options.stages ?? []).entries()) {
      this.options.onEvent?.({ type: 'stage', level: 'info', message: `apply stage ${index + 1} of ${this.fixture}: ${stage.targets.join(', ')}`, raw: { stage: index + 1, targets: stage.targets } })
      await this.withRetry('apply', () => this.runChecked('apply', buildTerraformArgs('apply', { targets: stage.targets }), this.options.signal))
      await stage.then(this)
    }
    await this.withRetry('apply', () => this.runChecked('apply', buildTerraformArgs('apply'), this.options.signal))
    return this.output()
  }

  /** Every resource in the state (`show -json`), root and module ones, with its values. */
  async stateResources(): Promise<StateResource[]> {
    try {
      const result = await this.runChecked('show', buildTerraformArgs('show'))
      return readStateResources(result.stdout.join('\n'))
    } catch (error) {
      if (error instanceof HarnessError) throw error
      const first = error instanceof TerraformCommandError ? error.firstError : `unreadable state: ${(error as Error).message}`
      throw new InfrastructureError('APPLY_FAILED', `terraform show of fixture ${this.fixture} failed: ${first} (run ${this.runId})`, { cause: error, fields: { fixture: this.fixture, runId: this.runId } })
    }
  }

  async output(): Promise<Record<string, unknown>> {
    try {
      const result = await this.runChecked('output', buildTerraformArgs('output'))
      return readOutputValues(result.stdout.join('\n'))
    } catch (error) {
      if (error instanceof HarnessError) throw error
      const first = error instanceof TerraformCommandError ? error.firstError : `unreadable output: ${(error as Error).message}`
      throw new InfrastructureError('APPLY_FAILED', `terraform output of fixture ${this.fixture} failed: ${first} (run ${this.runId}, work dir ${this.options.workDir})`, { cause: error, fields: { fixture: this.fixture, runId: this.runId } })
    }
  }

  /** Destroys what any apply created, failed or partial ones included; a no-op when nothing was applied. Idempotent. */
  async destroy(): Promise<void> {
    if (this.destroyedSinceApply || !(this.applyStarted || (await this.mayHoldState()))) return
    try {
      await this.withRetry('destroy', () => this.runChecked('destroy', buildTerraformArgs('destroy')))
    } catch (error) {
      const first = error instanceof TerraformCommandError ? error.firstError : (error as Error).message
      throw new TeardownError(
        `terraform destroy of fixture ${this.fixture} (run ${this.runId}) failed: ${first}; resources may be left: finish with \`terraform -chdir=${this.dir} destroy -auto-approve\` (log: ${this.options.logFile})`,
        { cause: error, fields: { fixture: this.fixture, runId: this.runId, dir: this.dir } },
      )
    }
    this.destroyedSinceApply = true
  }

  /**
   * Whether an earlier apply in this work dir (by a workspace object made before a crash) may have
   * left state: a local state file, or for S3 a completed init (the lock file is written once
   * providers are installed). An init that failed leaves neither, so its destroy stays a no-op.
   */
  private async mayHoldState(): Promise<boolean> {
    if (await isFile(join(this.dir, 'terraform.tfstate'))) return true
    return this.options.backend?.type === 's3' && (await isFile(join(this.dir, '.terraform.lock.hcl')))
  }

  private async prepareCopy(): Promise<void> {
    const { fixtureDir, workDir, backend } = this.options
    await mkdir(workDir, { recursive: true })
    await cp(fixtureDir, this.dir, { recursive: true, filter: copyFilter })
    const modules = join(dirname(fixtureDir), 'modules')
    if (await isDirectory(modules)) await cp(modules, join(workDir, 'modules'), { recursive: true, filter: copyFilter })
    await writeFile(join(this.dir, tfvarsFileName), renderTfvars(this.options.vars))
    if (backend?.type === 's3') {
      const key = backend.key ?? buildStateKey(backend.key_prefix, this.runId, this.fixture, this.options.scope)
      await writeFile(join(this.dir, backendOverrideFileName), renderBackendOverride())
      await writeFile(join(this.dir, backendConfigFileName), renderS3BackendConfig(backend, key))
    }
    const mirror = this.providerMirror()
    if (mirror) await writeFile(join(workDir, cliConfigFileName), renderMirrorCliConfig(resolve(mirror)))
  }

  private providerMirror(): string | undefined {
    return this.options.providerMirror ?? (process.env.PLH_TF_PROVIDER_MIRROR || undefined)
  }

  private env(): Record<string, string> {
    const mirror = this.providerMirror()
    return { ...(mirror ? { TF_CLI_CONFIG_FILE: join(this.options.workDir, cliConfigFileName) } : {}), ...this.options.env }
  }

  /** Runs one command; a non-zero exit becomes a TerraformCommandError carrying its first error. */
  private async runChecked(command: TerraformCommand | 'output' | 'show', args: string[], signal?: AbortSignal): Promise<TerraformRunResult> {
    const diagnostics: TerraformEvent[] = []
    const onStdoutLine = (line: string): void => {
      const event = parseTerraformEvent(line)
      if (!event) return
      if (event.type === 'diagnostic') diagnostics.push(event)
      this.options.onEvent?.(event)
    }
    const result = await runTerraform({ cwd: this.dir, args, env: this.env(), logFile: this.options.logFile, onStdoutLine, ...(signal ? { signal } : {}) })
    if (result.exitCode === 0 && !result.interrupted) return result
    const described = diagnostics.map(describeErrorDiagnostic).filter((d): d is string => d !== undefined)
    const texts = diagnostics.map(errorDiagnosticText).filter((d): d is string => d !== undefined)
    const firstError = result.interrupted ? 'interrupted (SIGINT)' : (described[0] ?? firstErrorInText(result.stderr) ?? `exit code ${result.exitCode}`)
    throw new TerraformCommandError(command, firstError, [...texts, ...result.stderr].join('\n'), result.interrupted)
  }

  /** Runs `attempt` until it succeeds or fails with an error the retry table does not name. */
  private async withRetry(command: TerraformCommand, attempt: () => Promise<unknown>): Promise<void> {
    let last: unknown
    const decide = (error: unknown, attemptNumber: number) => {
      if (!(error instanceof TerraformCommandError) || error.interrupted || this.options.signal?.aborted) return undefined
      const found = findRetryRule(this.retryTable, command, error.errorText, this.options.expectedApplyError ? { expectedError: this.options.expectedApplyError } : {})
      return found && shouldRetryAttempt(found.rule, attemptNumber) ? found : undefined
    }
    try {
      await pRetry(
        async () => {
          try {
            await attempt()
          } catch (error) {
            last = error
            throw error
          }
        },
        {
          retries: maxAttempts(this.retryTable, command) - 1,
          // Each rule has its own backoff, waited in onFailedAttempt; p-retry's own is off.
          minTimeout: 0,
          factor: 1,
          shouldRetry: (error) => decide(error, error.attemptNumber) !== undefined,
          onFailedAttempt: async (error) => {
            const found = decide(error, error.attemptNumber)
            if (!found) return
            const wait = backoffMs(found.rule, error.attemptNumber)
            const message = `terraform ${command} of ${this.fixture} failed (${found.name}: ${found.rule.reason}); attempt ${error.attemptNumber + 1} of ${found.rule.attempts} in ${Math.round(wait / 1000)} s`
            this.options.onEvent?.({ type: 'retry', level: 'warn', message, raw: { command, rule: found.name, attempt: error.attemptNumber, wait_ms: wait, error: (error as unknown as TerraformCommandError).firstError } })
            await sleep(wait, undefined, command === 'destroy' || !this.options.signal ? {} : { signal: this.options.signal }).catch(() => undefined)
          },
        },
      )
    } catch (error) {
      const failure = last ?? error
      // terraform missing (PrerequisiteError) and the like keep their own class and exit code.
      if (command === 'destroy' || failure instanceof HarnessError) throw failure
      const first = failure instanceof TerraformCommandError ? failure.firstError : (failure as Error).message
      throw new InfrastructureError(
        'APPLY_FAILED',
        `terraform ${command} of fixture ${this.fixture} failed: ${first} (run ${this.runId}, work dir ${this.options.workDir}, log ${this.options.logFile})`,
        { cause: failure, fields: { fixture: this.fixture, command, runId: this.runId, workDir: this.options.workDir, interrupted: failure instanceof TerraformCommandError && failure.interrupted } },
      )
    }
  }
}

/** What a copy leaves out: terraform's working files, should the source folder hold any. */
function copyFilter(from: string): boolean {
  return !['.terraform', '.terraform.lock.hcl', 'terraform.tfstate', 'terraform.tfstate.backup'].includes(basename(from))
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false)
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false)
}
