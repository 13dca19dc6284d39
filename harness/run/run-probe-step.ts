// One probe step: one batch script per instance (split only to stay under SSM's output limit),
// sent through the target's transport, parsed, grouped per probed name and judged.
import { mkdir, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { HarnessOutput, InstanceRef } from '../core/contract.js'
import { InfrastructureError } from '../core/errors.js'
import type { ProbeResult, ProbeSample, ProbeTarget } from '../core/results.js'
import type { ProbeStep, Timing } from '../core/scenario.js'
import type { Target } from '../core/target.js'
import { countFailures, evaluateExpectations, isSampleOk } from '../assert/evaluate-expectations.js'
import { buildProbePlan } from '../probe/build-probe-plan.js'
import { planProbeBatches } from '../probe/build-probe-script.js'
import { parseProbeOutput } from '../probe/parse-probe-output.js'
import { summarizeLatency, median } from '../stats/summarize-latency.js'

export interface ProbeStepInput {
  step: ProbeStep
  stepIndex: number
  title: string
  outputs: HarnessOutput
  target: Target
  /** where SSM outputs are written; results link to them relative to `reportDir` */
  logDir: string
  reportDir: string
  /** probe results of the scenario's earlier steps (median_exceeds compares with them) */
  earlierProbes?: ProbeResult[]
  /** called before the first batch and after each one: samples done out of the instance's total (live progress) */
  onBatch?: (progress: { instance: string; az: string; done: number; total: number }) => void
}

/** The instances a step probes from. */
export function probeInstances(step: ProbeStep, outputs: HarnessOutput): InstanceRef[] {
  if (step.from === 'consumers') return outputs.consumers
  const instances = outputs[step.from]
  if (!instances?.length) throw new InfrastructureError('CONTRACT_VIOLATION', `the step probes from ${step.from} but the fixture outputs none`)
  return instances
}

/** Runs the step from every instance in parallel and returns one ProbeResult per instance × name. */
export async function runProbeStep(input: ProbeStepInput): Promise<{ probes: ProbeResult[]; apiCalls: number }> {
  const { step, outputs } = input
  const instances = probeInstances(step, outputs)
  let apiCalls = 0
  const caBundle = input.target.caBundle?.()
  await mkdir(input.logDir, { recursive: true })
  const perInstance = await Promise.all(
    instances.map(async (instance) => {
      const targets = buildProbePlan(step, outputs, instance)
      const batches = planProbeBatches(targets, {
        samples: step.samples,
        timeoutS: step.timeout_s,
        connectTimeoutS: step.connect_timeout_s,
        ...(caBundle ? { caBundle } : {}),
      })
      const transport = input.target.transport(instance)
      // the latency model of each name, once: it sizes the first status poll and goes into results
      const models = new Map(targets.map((t) => [t.key, input.target.expectedLatency?.(instance, t, step)]))
      const perSampleS = estimateSampleSeconds(step, [...models.values()])
      const samples: ProbeSample[] = []
      const invocations: Array<{ command_id: string; log: string; keys: Set<string> }> = []
      const total = batches.reduce((n, b) => n + b.lines, 0)
      let done = 0
      input.onBatch?.({ instance: instance.instance_id, az: instance.az, done, total })
      for (const batch of batches) {
        const result = await transport.run(batch.script, {
          // worst case: every request of the batch runs to its max time
          timeoutSeconds: Math.min(3600, batch.maxSeconds),
          comment: `plh probe step ${input.stepIndex + 1}`,
          // a little under the estimate: the first status poll should rarely be too late
          expectedSeconds: 0.8 * batch.lines * perSampleS,
        })
        apiCalls += result.apiCalls
        const logFile = join(input.logDir, `ssm-${instance.instance_id}-${result.commandId}.log`)
        await writeFile(logFile, `# ${result.status} (response code ${result.responseCode})\n# stdout\n${result.stdout}\n# stderr\n${result.stderr}\n`)
        if (result.status !== 'Success') {
          throw new InfrastructureError('TRANSPORT_FAILED', `probe script on ${instance.instance_id} ended ${result.status} (code ${result.responseCode}): ${result.stderr.slice(0, 300)}`, {
            fields: { commandId: result.commandId, log: logFile },
          })
        }
        const parsed = parseProbeOutput(result.stdout)
        if (parsed.truncated || parsed.malformed > 0 || parsed.samples.length !== batch.lines) {
          // the batch is sized to stay under SSM's limit: a shortfall means lost samples, which the expectations will count
          await writeFile(logFile + '.warning', `expected ${batch.lines} samples, parsed ${parsed.samples.length} (malformed ${parsed.malformed}, truncated ${parsed.truncated})\n`)
        }
        samples.push(...parsed.samples)
        input.onBatch?.({ instance: instance.instance_id, az: instance.az, done: (done += batch.lines), total })
        invocations.push({ command_id: result.commandId, log: relative(input.reportDir, logFile), keys: new Set(parsed.samples.map((s) => s.target)) })
      }
      return targets.map((t) => buildProbeResult(input, instance, t, models.get(t.key), samples.filter((s) => s.target === t.key), invocations))
    }),
  )
  return { probes: perInstance.flat(), apiCalls }
}

/** What starting curl costs per sample, roughly, on top of the request itself. */
const CURL_START_S = 0.015

/**
 * The mean time one sample of this step should take, from the latency model where the target has
 * one (nothing where it has not), or the connect timeout for a step that expects timeouts.
 */
function estimateSampleSeconds(step: ProbeStep, models: Array<ProbeResult['model'] | undefined>): number {
  if (step.expect.failure === 'timeout') return step.connect_timeout_s
  const perTarget = models.map((m) => (m?.expected_ms ?? 0) / 1000 + CURL_START_S)
  return perTarget.reduce((a, b) => a + b, 0) / Math.max(1, perTarget.length)
}

function buildProbeResult(
  input: ProbeStepInput,
  instance: InstanceRef,
  target: ProbeTarget,
  model: ProbeResult['model'] | undefined,
  samples: ProbeSample[],
  invocations: Array<{ command_id: string; log: string; keys: Set<string> }>,
): ProbeResult {
  const { step, outputs } = input
  const stepValues = (stepNumber: number, timing: Timing): number[] =>
    (input.earlierProbes ?? [])
      .filter((p) => p.step === stepNumber - 1)
      .flatMap((p) => p.raw.filter((s) => s.exitcode === 0 && s.http_code === outputs.service.expected.status).map((s) => s[timing]))
  const expectations = evaluateExpectations({ target, samples, expect: step.expect, service: outputs.service, ...(model ? { model } : {}), stepValues })
  const status = step.expect.status ?? outputs.service.expected.status
  const body = new RegExp(step.expect.body ?? outputs.service.expected.body_pattern)
  const ok = samples.filter((s) => isSampleOk(s, { status, body })).length
  const good = samples.filter((s) => s.failure === null)
  const failures = countFailures(samples, status)
  const result: ProbeResult = {
    step: input.stepIndex,
    step_title: input.title,
    consumer: instance.instance_id,
    consumer_az: instance.az,
    dns_name: target.host,
    url: target.url,
    name_kind: target.name_kind,
    az: target.az ?? null,
    samples: samples.length,
    ok,
    success_ratio: samples.length ? ok / samples.length : 0,
    latency_ms: summarizeLatency(good.map((s) => s.time_total)),
    starttransfer_ms: summarizeLatency(good.map((s) => s.time_starttransfer)),
    expectations,
    failures,
    invocations: invocations.filter((i) => i.keys.has(target.key)).map(({ command_id, log }) => ({ command_id, log })),
    raw: samples,
  }
  if (model) {
    result.model = model
    result.measured_ms = median(good.map((s) => s[model.timing] - s.time_namelookup)) ?? undefined
  }
  return result
}
