// One probe step: one batch script per instance (split only to stay under SSM's output limit),
// sent through the target's transport, parsed, grouped per probed name and judged.
import { mkdir, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { HarnessOutput, InstanceRef } from '../core/contract.js'
import { InfrastructureError } from '../core/errors.js'
import type { ProbeResult, ProbeSample, ProbeTarget } from '../core/results.js'
import type { ProbeStep } from '../core/scenario.js'
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
}

/** The instances a step probes from. */
export function probeInstances(step: ProbeStep, outputs: HarnessOutput): InstanceRef[] {
  if (step.from === 'producers') {
    if (!outputs.producers?.length) throw new InfrastructureError('CONTRACT_VIOLATION', 'the step probes from producers but the fixture outputs none')
    return outputs.producers
  }
  return outputs.consumers
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
      const samples: ProbeSample[] = []
      const invocations: Array<{ command_id: string; log: string; keys: Set<string> }> = []
      for (const batch of batches) {
        const result = await transport.run(batch.script, {
          // worst case: every request of the batch runs to its max time
          timeoutSeconds: Math.min(3600, batch.maxSeconds),
          comment: `plh probe step ${input.stepIndex + 1}`,
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
        invocations.push({ command_id: result.commandId, log: relative(input.reportDir, logFile), keys: new Set(parsed.samples.map((s) => s.target)) })
      }
      return targets.map((t) => buildProbeResult(input, instance, t, samples.filter((s) => s.target === t.key), invocations))
    }),
  )
  return { probes: perInstance.flat(), apiCalls }
}

function buildProbeResult(
  input: ProbeStepInput,
  instance: InstanceRef,
  target: ProbeTarget,
  samples: ProbeSample[],
  invocations: Array<{ command_id: string; log: string; keys: Set<string> }>,
): ProbeResult {
  const { step, outputs } = input
  const expectations = evaluateExpectations({ target, samples, expect: step.expect, service: outputs.service })
  const status = step.expect.status ?? outputs.service.expected.status
  const body = new RegExp(step.expect.body ?? outputs.service.expected.body_pattern)
  const ok = samples.filter((s) => isSampleOk(s, { status, body })).length
  const good = samples.filter((s) => s.failure === null)
  const failures = countFailures(samples, status)
  const model = input.target.expectedLatency?.(instance, target, step)
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
