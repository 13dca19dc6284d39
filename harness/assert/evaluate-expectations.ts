// Judges one probe target's samples against a step's expectations. The names come from
// (target, expect, service) alone, because the runner registers one vitest test per expectation
// before anything is probed; evaluateExpectations returns results in exactly that order.
//
// Tolerance is one number: the success ratio (default 1). "HTTP 200" asks that share of the
// samples that got a response; "body matches" that share of those with the right status;
// "N% success" that share of all samples (exit 0, right status, body matches). Latency bounds
// are judged on successful samples only. Details always carry what was measured.
import type { HarnessOutput } from '../core/contract.js'
import type { ExpectationResult, ProbeResult, ProbeSample, ProbeTarget } from '../core/results.js'
import type { Expectations, FailureClass, Timing } from '../core/scenario.js'
import { median, quantileOf } from '../stats/summarize-latency.js'

/** One target's samples with the step's expectations and the service defaults they fall back to. */
export interface EvaluateInput {
  target: ProbeTarget
  samples: ProbeSample[]
  expect: Expectations
  service: HarnessOutput['service']
  /** what the target's latency model says this path shows (within_model) */
  model?: ProbeResult['model']
  /** the successful samples' `timing` values of an earlier step (median_exceeds), 1-based step number */
  stepValues?: (step: number, timing: Timing) => number[]
}

/** What only evaluation needs (names never depend on it). */
type EvaluationContext = Pick<EvaluateInput, 'model' | 'stepValues'>

/** What one sample must show to count as a success. */
export interface SuccessCriteria {
  status: number
  /** null: any body */
  body: RegExp | null
}

interface Check {
  name: string
  evaluate(samples: ProbeSample[]): { passed: boolean; detail: string }
}

/** A sample's failure as scenarios name it: curl's class, or http-status for a response with the wrong status. */
export function effectiveFailure(sample: ProbeSample, expectedStatus: number): FailureClass | null {
  if (sample.exitcode !== 0) return sample.failure ?? 'other'
  return sample.http_code === expectedStatus ? null : 'http-status'
}

/** Exit 0, the expected status, and a body head matching the pattern: the definition of "ok" everywhere. */
export function isSampleOk(sample: ProbeSample, criteria: SuccessCriteria): boolean {
  return sample.exitcode === 0 && sample.http_code === criteria.status && (criteria.body === null || criteria.body.test(sample.body_head))
}

/** Counts of failure classes (ProbeResult.failures), successful samples left out. */
export function countFailures(samples: readonly ProbeSample[], expectedStatus: number): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const s of samples) {
    const f = effectiveFailure(s, expectedStatus)
    if (f) counts[f] = (counts[f] ?? 0) + 1
  }
  return counts
}

/** "12.3 ms": one decimal under 100 ms, two under 1 ms, none above. */
export function formatMs(ms: number): string {
  return `${ms < 1 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : Math.round(ms)} ms`
}

function formatPercent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(2))}%`
}

function quote(s: string, max = 120): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s)
}

/** One sample in a detail line: its exit code and message, or its status and body head. */
function describeSample(s: ProbeSample): string {
  if (s.exitcode !== 0) return `seq ${s.seq}: curl exit ${s.exitcode} (${s.failure ?? 'other'}) ${quote(s.errormsg)}`
  return `seq ${s.seq}: HTTP ${s.http_code}, body ${quote(s.body_head, 60)}`
}

function describeCounts(counts: Map<string, number>): string {
  return [...counts].map(([k, n]) => `${k} ×${n}`).join(', ')
}

function meetsRatio(count: number, total: number, ratio: number): boolean {
  return total > 0 && count >= ratio * total - 1e-9
}

function compile(pattern: string): RegExp | null | Error {
  if (pattern === '') return null
  try {
    return new RegExp(pattern)
  } catch (error) {
    return error as Error
  }
}

/** The ordered checks for these expectations; names and evaluation come from the same place. */
function planChecks(target: ProbeTarget, expect: Expectations, service: HarnessOutput['service'], context: EvaluationContext = {}): Check[] {
  const status = expect.status ?? service.expected.status
  const pattern = expect.body ?? service.expected.body_pattern
  const ratio = expect.success_ratio ?? 1
  const regex = compile(pattern)
  const criteria: SuccessCriteria = { status, body: regex instanceof Error ? null : regex }

  if (expect.failure !== undefined) {
    const wanted = expect.failure
    return [
      {
        name: `fails with ${wanted}`,
        evaluate(samples) {
          const seen = new Map<string, number>()
          for (const s of samples) {
            const f = effectiveFailure(s, status) ?? 'ok'
            seen.set(f, (seen.get(f) ?? 0) + 1)
          }
          const hits = seen.get(wanted) ?? 0
          const passed = samples.length > 0 && hits === samples.length
          const example = samples.find((s) => effectiveFailure(s, status) !== wanted) ?? samples[0]
          const detail = samples.length === 0 ? 'no samples' : `${hits}/${samples.length} failed with ${wanted}; seen ${describeCounts(seen)}; ${example ? describeSample(example) : ''}`
          return { passed, detail }
        },
      },
    ]
  }

  const checks: Check[] = [
    {
      name: `HTTP ${status}`,
      evaluate(samples) {
        const responses = samples.filter((s) => s.exitcode === 0)
        const matched = responses.filter((s) => s.http_code === status).length
        const noResponse = samples.length - responses.length
        const firstBad = responses.find((s) => s.http_code !== status) ?? samples.find((s) => s.exitcode !== 0)
        const parts = [`${matched}/${responses.length} responses HTTP ${status}`]
        if (noResponse > 0) parts.push(`${noResponse}/${samples.length} samples got no response`)
        if (firstBad) parts.push(describeSample(firstBad))
        return { passed: meetsRatio(matched, responses.length, ratio), detail: parts.join('; ') }
      },
    },
  ]
  if (regex !== null) {
    checks.push({
      name: `body matches /${pattern}/`,
      evaluate(samples) {
        if (regex instanceof Error) return { passed: false, detail: `invalid body pattern: ${regex.message}` }
        const candidates = samples.filter((s) => s.exitcode === 0 && s.http_code === status)
        const mismatch = candidates.filter((s) => !regex.test(s.body_head))
        const matched = candidates.length - mismatch.length
        const parts = [`${matched}/${candidates.length} HTTP ${status} bodies match (first 256 bytes)`]
        if (mismatch[0]) parts.push(describeSample(mismatch[0]))
        return { passed: meetsRatio(matched, candidates.length, ratio), detail: parts.join('; ') }
      },
    })
  }
  checks.push({
    name: ratio === 1 ? '100% success' : `≥ ${formatPercent(ratio)} success`,
    evaluate(samples) {
      const failing = samples.filter((s) => !isSampleOk(s, criteria))
      const ok = samples.length - failing.length
      const parts = [`${ok}/${samples.length} ok`]
      const counts = new Map(Object.entries(countFailures(failing, status)))
      const bodyMismatch = failing.filter((s) => effectiveFailure(s, status) === null).length
      if (bodyMismatch > 0) counts.set('body mismatch', bodyMismatch)
      if (counts.size > 0) parts.push(describeCounts(counts))
      if (failing[0]) parts.push(describeSample(failing[0]))
      return { passed: meetsRatio(ok, samples.length, ratio), detail: parts.join('; ') }
    },
  })
  if (expect.resolves_to_own_az && target.name_kind === 'zonal') {
    const ip = target.expected_ip
    checks.push({
      name: `resolves to ${target.az ?? '(unknown AZ)'} ENI ${ip ?? '(none listed)'}`,
      evaluate(samples) {
        if (!ip) return { passed: false, detail: `the fixture output lists no ENI IP for ${target.az ?? 'this zonal name'}` }
        const seen = new Map<string, number>()
        for (const s of samples) seen.set(s.remote_ip || '(no connection)', (seen.get(s.remote_ip || '(no connection)') ?? 0) + 1)
        const hits = seen.get(ip) ?? 0
        return { passed: samples.length > 0 && hits === samples.length, detail: `${hits}/${samples.length} connected to ${ip}; seen ${describeCounts(seen) || 'nothing'}` }
      },
    })
  }
  if (expect.source_is_nlb) {
    const nlbIps = new Set(service.nlb_ips ?? [])
    checks.push({
      name: 'the service sees an NLB IP as source',
      evaluate(samples) {
        if (nlbIps.size === 0) return { passed: false, detail: 'the fixture output lists no service.nlb_ips to compare with' }
        const responses = samples.filter((s) => isSampleOk(s, { status, body: null }))
        const seen = new Map<string, number>()
        for (const s of responses) {
          const source = s.body_head.trim().split(/\s+/)[0] ?? ''
          seen.set(source, (seen.get(source) ?? 0) + 1)
        }
        const hits = [...seen].filter(([ip]) => nlbIps.has(ip)).reduce((n, [, c]) => n + c, 0)
        return {
          passed: responses.length > 0 && hits === responses.length,
          detail: `${hits}/${responses.length} responses name an NLB IP (${[...nlbIps].join(', ')}); seen ${describeCounts(seen) || 'nothing'}`,
        }
      },
    })
  }
  if (expect.within_model) {
    const { ms: absolute, ratio: relative } = expect.within_model
    checks.push({
      name: `median within ${absolute} ms or ${formatPercent(relative)} of the latency model`,
      evaluate(samples) {
        const model = context.model
        if (!model) return { passed: false, detail: 'the target has no latency model for this path' }
        // DNS is not part of the path the model describes
        const values = samples.filter((s) => isSampleOk(s, criteria)).map((s) => s[model.timing] - s.time_namelookup)
        const measured = median(values)
        if (measured === null) return { passed: false, detail: `no successful sample to measure (of ${samples.length})` }
        const tolerance = Math.max(absolute, relative * model.expected_ms)
        const error = measured - model.expected_ms
        return {
          passed: Math.abs(error) <= tolerance,
          detail: `median ${model.timing} (less DNS) ${formatMs(measured)}, model ${formatMs(model.expected_ms)}, error ${error >= 0 ? '+' : ''}${formatMs(error)} (tolerance ${formatMs(tolerance)}, ${values.length} samples)`,
        }
      },
    })
  }
  if (expect.median_exceeds) {
    const { step, by_ms: by, timing } = expect.median_exceeds
    checks.push({
      name: `median ${timing} exceeds step ${step}'s by ≥ ${by} ms`,
      evaluate(samples) {
        const mine = median(samples.filter((s) => isSampleOk(s, criteria)).map((s) => s[timing]))
        const theirs = median(context.stepValues?.(step, timing) ?? [])
        if (mine === null || theirs === null) return { passed: false, detail: `nothing to compare: this probe's median ${mine === null ? 'is missing' : formatMs(mine)}, step ${step}'s ${theirs === null ? 'is missing' : formatMs(theirs)}` }
        return { passed: mine - theirs >= by, detail: `median ${formatMs(mine)} vs step ${step}'s ${formatMs(theirs)}: difference ${formatMs(mine - theirs)} (at least ${by} ms expected)` }
      },
    })
  }
  const latency = expect.latency
  if (latency) {
    const timing = latency.timing
    for (const [label, p] of [['p50', 0.5], ['p95', 0.95], ['p99', 0.99], ['max', 1]] as const) {
      const bound = latency[label]
      if (bound === undefined) continue
      checks.push({
        name: `${label} < ${bound} ms (${timing})`,
        evaluate(samples) {
          const values = samples.filter((s) => isSampleOk(s, criteria)).map((s) => s[timing])
          const value = quantileOf(values, p)
          if (value === null) return { passed: false, detail: `no successful sample to measure (of ${samples.length})` }
          return { passed: value < bound, detail: `${label} = ${formatMs(value)} over ${values.length} successful samples (bound ${bound} ms)` }
        },
      })
    }
  }
  return checks
}

/** The names of the expectations, in evaluation order: what the vitest tests are called before probing. */
export function expectationNames(target: ProbeTarget, expect: Expectations, service: HarnessOutput['service']): string[] {
  return planChecks(target, expect, service).map((c) => c.name)
}

/** Every expectation judged on the samples of one target, named and ordered as expectationNames. */
export function evaluateExpectations(input: EvaluateInput): ExpectationResult[] {
  const samples = input.samples.filter((s) => s.target === input.target.key)
  return planChecks(input.target, input.expect, input.service, { ...(input.model ? { model: input.model } : {}), ...(input.stepValues ? { stepValues: input.stepValues } : {}) }).map((check) => {
    const { passed, detail } = check.evaluate(samples)
    return { name: check.name, status: passed ? 'passed' : 'failed', detail }
  })
}
