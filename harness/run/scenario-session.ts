// The lifecycle of one scenario: apply → wait ready → steps (probes, actions) → destroy, with
// timings and a ScenarioResult. Vitest drives it step by step (scenario-suite.ts); `--keep` on
// the local target drives it in the CLI's own process. Destroy runs whatever happened before.
import { createHash } from 'node:crypto'
import type { HarnessOutput } from '../core/contract.js'
import { HarnessError, InputError, TeardownError } from '../core/errors.js'
import type { ApplyErrorExpectation, ProbeResult, ScenarioResult, StepRecord } from '../core/results.js'
import type { ActionStep, Scenario, Step } from '../core/scenario.js'
import type { Fixture, RunContext, Target } from '../core/target.js'
import { resolveScenarioInputs } from './load-scenario.js'
import { expectationsOf } from './progress/format-run-summary.js'
import { openProgressWriter, type ProgressWriter } from './progress/write-progress.js'
import { runProbeStep } from './run-probe-step.js'
import { removeScenarioLeftovers } from './tear-down-run.js'
import { pauseForTestAt } from './test-pause.js'

/** A readable title for a step. */
export function stepTitle(step: Step, index: number): string {
  if (step.title) return step.title
  if (step.kind === 'probe') return `step ${index + 1}: probe ${step.names.join(', ')} from ${step.from}${step.port ? ` on port ${step.port}` : ''}`
  if (step.kind === 'set-target-health') return `step ${index + 1}: targets in ${step.az} ${step.healthy ? 'pass' : 'fail'} their health checks`
  if (step.kind === 'set-target-registration') return `step ${index + 1}: ${step.registered ? 'register' : 'deregister'} targets in ${step.az}`
  if (step.kind === 'wait') return `step ${index + 1}: wait ${step.seconds} s`
  if (step.kind === 'expect-endpoint-state') return `step ${index + 1}: endpoint is ${step.state}`
  return `step ${index + 1}: ${step.kind}`
}

const seconds = (ms: number): number => Math.round(ms) / 1000

/** The name of a scenario's apply-error expectation: its vitest test and its line in results. */
export function applyErrorExpectationName(pattern: string): string {
  return `apply fails with /${pattern}/`
}

export interface SessionOptions {
  root: string
  file: string
  scenario: Scenario
  target: Target
  run: RunContext
  reportDir: string
  samples?: number
}

export class ScenarioSession {
  outputs: HarnessOutput | undefined
  applyError: unknown
  private fixture: Fixture | undefined
  private vars: Record<string, unknown> = {}
  private readonly probes: ProbeResult[] = []
  private readonly steps: StepRecord[] = []
  private readonly phases = { apply_s: 0, ready_s: 0, probe_s: 0, destroy_s: 0 }
  private readonly startedAt = new Date()
  private finishedAt: Date | undefined
  private apiCalls = 0
  private destroyError: unknown
  private destroyed = false
  private readonly progress: ProgressWriter

  constructor(readonly options: SessionOptions) {
    // live progress for `plh run` (harness/run/progress/); terraform's own events feed it too
    this.progress = openProgressWriter(options.reportDir, options.scenario.name)
    options.run.onTerraformEvent ??= (event) => this.progress.terraform(event)
    // scenarios of one run share the run tag; the scope keeps their names apart
    options.run.scope ??= createHash('sha256').update(options.scenario.name).digest('hex').slice(0, 4)
  }

  get scenario(): Scenario {
    return this.options.scenario
  }

  /** Loads the fixture and merges variables: bad input fails here, before anything is applied. */
  async prepare(): Promise<void> {
    const { root, scenario, file, run, target } = this.options
    const resolved = await resolveScenarioInputs({ root, scenario, file, target: target.name, runVars: { run_id: run.runId, name_prefix: `plh-${run.tag}` } })
    this.fixture = resolved.fixture
    this.vars = resolved.vars
  }

  /** Applies the fixture and waits until it is ready; records (does not throw) an apply failure. */
  async applyAndWait(): Promise<void> {
    const t0 = performance.now()
    let phase: 'apply' | 'ready' = 'apply'
    this.progress.emit({ kind: 'phase', phase, state: 'start' })
    try {
      this.outputs = await this.options.target.apply(this.fixture!, this.vars, this.options.run)
      this.phases.apply_s = seconds(performance.now() - t0)
      this.progress.emit({ kind: 'phase', phase, state: 'done' })
      const t1 = performance.now()
      this.progress.emit({ kind: 'phase', phase: (phase = 'ready'), state: 'start' })
      await pauseForTestAt('wait', this.options.run)
      await this.options.target.waitReady(this.outputs)
      this.phases.ready_s = seconds(performance.now() - t1)
      this.progress.emit({ kind: 'phase', phase, state: 'done' })
    } catch (error) {
      if (!(error instanceof InputError)) this.applyError = error
      const expected = phase === 'apply' ? this.expectedApplyFailure() : undefined
      this.progress.emit({ kind: 'phase', phase, state: 'failed', detail: String((error as Error).message ?? error).split('\n')[0]!.slice(0, 200), ...(expected ? { expected } : {}) })
      if (error instanceof InputError) throw error
      this.phases.apply_s ||= seconds(performance.now() - t0)
      this.options.run.log.error({ err: error }, 'apply failed')
    }
  }

  /** Runs one step; probe results are recorded and returned, actions return []. */
  async runStep(index: number): Promise<ProbeResult[]> {
    const step = this.scenario.steps[index]!
    const title = stepTitle(step, index)
    await pauseForTestAt('probe', this.options.run)
    const t0 = performance.now()
    const expects = step.kind === 'probe' ? step.expect.failure : undefined
    this.progress.emit({ kind: 'step', index, title, state: 'start', ...(expects ? { expects } : {}) })
    try {
      if (step.kind === 'probe') {
        const probeStep = this.options.samples ? { ...step, samples: this.options.samples } : step
        const { probes, apiCalls } = await runProbeStep({
          step: probeStep,
          stepIndex: index,
          title,
          outputs: this.outputs!,
          target: this.options.target,
          logDir: this.options.run.logDir,
          reportDir: this.options.reportDir,
          earlierProbes: this.probes,
          onBatch: (batch) => this.progress.emit({ kind: 'probe-batch', step: index, ...batch }),
        })
        this.apiCalls += apiCalls
        this.probes.push(...probes)
        const failed = probes.flatMap((p) => p.expectations).filter((e) => e.status === 'failed')
        this.steps.push({ index, kind: step.kind, title, status: failed.length ? 'failed' : 'passed', detail: `${probes.length} names probed, ${failed.length} expectations failed` })
        this.progress.emit({ kind: 'step', index, title, state: failed.length ? 'failed' : 'done' })
        return probes
      }
      await this.act(step)
      this.steps.push({ index, kind: step.kind, title, status: 'passed', detail: 'done' })
      this.progress.emit({ kind: 'step', index, title, state: 'done' })
      return []
    } catch (error) {
      this.steps.push({ index, kind: step.kind, title, status: 'error', detail: (error as Error).message })
      this.progress.emit({ kind: 'step', index, title, state: 'failed' })
      throw error
    } finally {
      this.phases.probe_s = seconds(this.phases.probe_s * 1000 + (performance.now() - t0))
    }
  }

  private async act(step: ActionStep): Promise<void> {
    this.outputs = await this.options.target.act(step, this.outputs!)
    if (step.kind === 'expect-endpoint-state') {
      const states = this.outputs.endpoints.map((e) => e.state)
      if (!states.every((s) => s === step.state)) throw new Error(`expected every endpoint ${step.state}, found ${states.join(', ')}`)
    }
  }

  /** Tears down; idempotent. Records (does not throw) a teardown failure. */
  async destroy(): Promise<void> {
    if (this.destroyed) return
    this.destroyed = true
    await pauseForTestAt('destroy', this.options.run)
    const t0 = performance.now()
    this.progress.emit({ kind: 'phase', phase: 'destroy', state: 'start' })
    try {
      await this.options.target.destroy()
      this.progress.emit({ kind: 'phase', phase: 'destroy', state: 'done' })
    } catch (error) {
      this.progress.emit({ kind: 'phase', phase: 'destroy', state: 'failed', detail: String((error as Error).message ?? error).split('\n')[0]!.slice(0, 200) })
      this.destroyError = error
      this.options.run.log.error({ err: error }, 'destroy failed')
    } finally {
      await this.removeLeftovers()
      this.phases.destroy_s = seconds(performance.now() - t0)
      this.finishedAt = new Date()
      const result = this.result()
      this.progress.emit({ kind: 'outcome', status: result.status, ...expectationsOf(result) })
    }
  }

  /** Removes what the journal still lists after the target's destroy (a partial apply, a fault mid-destroy). */
  private async removeLeftovers(): Promise<void> {
    const report = await removeScenarioLeftovers(this.options.run.journal).catch((error: Error) => ({ left: [error.message], manual: [] as string[] }))
    if (report.left.length === 0 || this.destroyError) return
    this.destroyError = new TeardownError(`left behind: ${report.left.join('; ')}`, { fields: { left: report.left, finish_with: report.manual } })
    this.options.run.log.error({ left: report.left, finish_with: report.manual }, 'destroy left resources behind')
  }

  /** The part of the apply error that the scenario's expect_apply_error matched; undefined when apply did not fail as expected. */
  expectedApplyFailure(): string | undefined {
    const pattern = this.scenario.expect_apply_error
    if (pattern === undefined || !this.applyError) return undefined
    const match = new RegExp(pattern).exec(String((this.applyError as Error).message ?? this.applyError))
    // a pattern that matched nothing visible is named by itself
    return match ? match[0] || `/${pattern}/` : undefined
  }

  /** Whether the apply outcome is what the scenario expects (an expected apply error counts as passing). */
  applyOutcome(): { ok: boolean; detail: string } {
    const pattern = this.scenario.expect_apply_error
    const message = this.applyError ? String((this.applyError as Error).message ?? this.applyError) : ''
    if (pattern !== undefined) {
      if (!this.applyError) return { ok: false, detail: `apply succeeded, but it should have failed with /${pattern}/` }
      return new RegExp(pattern).test(message) ? { ok: true, detail: `apply failed as expected: ${message}` } : { ok: false, detail: `apply failed with "${message}", which does not match /${pattern}/` }
    }
    return this.applyError ? { ok: false, detail: message } : { ok: true, detail: 'applied and ready' }
  }

  /** The apply-error expectation as results carry it, with the error the target gave. */
  private applyExpectation(pattern: string, apply: { ok: boolean; detail: string }): ApplyErrorExpectation {
    const error = this.applyError ? String((this.applyError as Error).message ?? this.applyError) : null
    return { name: applyErrorExpectationName(pattern), pattern, status: apply.ok ? 'passed' : 'failed', detail: apply.detail, error }
  }

  result(): ScenarioResult {
    const apply = this.applyOutcome()
    const pattern = this.scenario.expect_apply_error
    const failedExpectation = this.probes.some((p) => p.expectations.some((e) => e.status === 'failed'))
    const stepError = this.steps.find((s) => s.status === 'error')
    let status: ScenarioResult['status'] = 'passed'
    let error: ScenarioResult['error']
    if (!apply.ok && this.scenario.expect_apply_error === undefined) {
      status = 'error'
      error = { code: this.applyError instanceof HarnessError ? this.applyError.code : 'APPLY_FAILED', message: apply.detail }
    } else if (!apply.ok) {
      status = 'failed'
      error = { code: 'EXPECTATION_FAILED', message: apply.detail }
    } else if (stepError) {
      status = 'error'
      error = { code: 'STEP_FAILED', message: `${stepError.title}: ${stepError.detail}` }
    } else if (failedExpectation) status = 'failed'
    if (this.destroyError) {
      status = 'error'
      error = { code: this.destroyError instanceof HarnessError ? this.destroyError.code : 'TEARDOWN_INCOMPLETE', message: String((this.destroyError as Error).message) }
    }
    const served = this.options.target.ssmCallsByOperation?.()
    return {
      name: this.scenario.name,
      fixture: this.scenario.fixture,
      description: this.scenario.description,
      status,
      phases: { ...this.phases },
      probes: this.probes,
      steps: this.steps,
      ...(error ? { error } : {}),
      ...(pattern !== undefined ? { apply_expectation: this.applyExpectation(pattern, apply) } : {}),
      ...(this.outputs ? { outputs: this.outputs } : {}),
      vars: Object.fromEntries(Object.entries(this.vars).filter(([k]) => !/profile|role_arn|secret|token/i.test(k))),
      ssm_api_calls: this.apiCalls,
      ...(served && Object.keys(served).length > 0 ? { ssm_calls_by_operation: served } : {}),
      started_at: this.startedAt.toISOString(),
      finished_at: (this.finishedAt ?? new Date()).toISOString(),
    }
  }
}
