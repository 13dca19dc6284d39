// Projected harness overhead per scenario on AWS, beyond terraform's own time, from the SSM
// commands the local run made (same transport code, same batching) and figures for AWS:
//
//   per command: SendCommand (L), then the transport sleeps P and polls (L) until the invocation
//   is final; the script ends D + T after the send returns (D: delivery to the agent and plugin
//   start, T: the probes' own time from the latency model). So
//     polls n = max(1, ⌈(D + T) / (P + L)⌉),  wall = L + n·(P + L),  overhead = wall − T
//   per step: consumers run in parallel, a consumer's batches one after another →
//     step overhead = max over consumers of Σ over its commands; scenario = Σ over steps.
//
// Not included: the readiness wait (DescribeInstanceInformation until Online) overlaps instance
// boot, which belongs to terraform apply on AWS; actions between steps (EC2/ELBv2 calls, waits).
// Pure: reads results.
import type { ScenarioResult } from '../harness/core/results.js'
import { perSampleMs } from './overhead.js'

export interface AwsFigures {
  /** GetCommandInvocation poll interval on AWS (the transport's setting; DESIGN.md: poll every 2 s or more) */
  poll_interval_s: number
  /** one SSM API call's latency, seconds */
  api_call_s: number
  /** SendCommand returning → the script running on the instance, seconds */
  delivery_s: number
}

/** The figures used and where each comes from. */
export const AWS_FIGURES: AwsFigures & { sources: Record<keyof AwsFigures, string> } = {
  poll_interval_s: 2,
  api_call_s: 0.1,
  delivery_s: 1,
  sources: {
    poll_interval_s: "the AWS target's transport polls every 2 s (DESIGN.md: tight polling draws ThrottlingException; poll every 2 s or more)",
    api_call_s:
      'ASSUMPTION (named): AWS publishes no latency figure for SSM API calls, and none was found in public material; 100 ms for one signed HTTPS call to the regional SSM endpoint from a runner in the same region',
    delivery_s:
      'ASSUMPTION (named): AWS publishes no delivery latency for Run Command; the agent long-polls for messages (aws/amazon-ssm-agent issue #80: a ~20 s long poll that returns when a message arrives), so delivery is taken as 1 s including the AWS-RunShellScript plugin start',
  },
}

export interface CommandProjection {
  polls: number
  wall_s: number
  overhead_s: number
}

const round = (n: number, d = 3) => Number(n.toFixed(d))

/** One command on AWS: how many polls, its wall time and what lies above the script's own time. */
export function projectCommand(scriptS: number, f: AwsFigures): CommandProjection {
  const polls = Math.max(1, Math.ceil((f.delivery_s + scriptS) / (f.poll_interval_s + f.api_call_s)))
  const wall = f.api_call_s + polls * (f.poll_interval_s + f.api_call_s)
  return { polls, wall_s: wall, overhead_s: wall - scriptS }
}

export interface ScenarioProjection {
  commands: number
  projected_api_calls: number
  projected_calls_per_sample: number | null
  probe_model_s: number
  projected_probe_wall_s: number
  projected_overhead_s: number
}

/** One scenario: its commands grouped by step and consumer, projected with `figures`. */
export function projectScenario(scenario: ScenarioResult, figures: AwsFigures = AWS_FIGURES): ScenarioProjection {
  const groups = new Map<number, Map<string, { commands: Set<string>; scriptMs: number }>>()
  let samples = 0
  for (const p of scenario.probes) {
    samples += p.samples
    const step = groups.get(p.step) ?? new Map()
    const g = step.get(p.consumer) ?? { commands: new Set<string>(), scriptMs: 0 }
    for (const i of p.invocations) g.commands.add(i.command_id)
    g.scriptMs += p.samples * perSampleMs(p).ms
    step.set(p.consumer, g)
    groups.set(p.step, step)
  }
  let commands = 0
  let calls = 0
  let overhead = 0
  let wall = 0
  let model = 0
  for (const consumers of groups.values()) {
    let stepOverhead = 0
    let stepWall = 0
    let stepModel = 0
    for (const g of consumers.values()) {
      const n = Math.max(1, g.commands.size)
      const each = projectCommand(g.scriptMs / 1000 / n, figures)
      commands += n
      calls += n * (1 + each.polls)
      stepOverhead = Math.max(stepOverhead, n * each.overhead_s)
      stepWall = Math.max(stepWall, n * each.wall_s)
      stepModel = Math.max(stepModel, g.scriptMs / 1000)
    }
    overhead += stepOverhead
    wall += stepWall
    model += stepModel
  }
  return {
    commands,
    projected_api_calls: calls,
    projected_calls_per_sample: samples ? round(calls / samples, 4) : null,
    probe_model_s: round(model),
    projected_probe_wall_s: round(wall),
    projected_overhead_s: round(overhead),
  }
}

/** Every scenario, with the figures and their sources. */
export function computeAwsProjection(scenarios: readonly ScenarioResult[], figures: typeof AWS_FIGURES = AWS_FIGURES) {
  return {
    figures,
    formula:
      'per command: polls = max(1, ceil((delivery + script) / (poll + api))), wall = api + polls·(poll + api), overhead = wall − script; per step: max over consumers of the sum over its commands; per scenario: sum over steps',
    excluded: 'terraform apply/destroy, the readiness wait (overlaps instance boot), actions between steps',
    scenarios: Object.fromEntries(scenarios.map((s) => [s.name, projectScenario(s, figures)])),
  }
}
