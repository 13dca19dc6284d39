// SSM API calls per probe sample, split by operation. The per-operation counts come from the
// scenario's results where they carry what the local endpoint itself received
// (`ssm_calls_by_operation`: the server's view, the SDK's internal retries included), checked
// against the transport's own counter (`ssm_api_calls`), which cannot see those retries and so
// can never exceed the server's count. Without the endpoint's count they are derived from what
// results.json has: one SendCommand per distinct command id the probes name, and the rest of the
// transport's calls are its GetCommandInvocation polls. The readiness wait's
// DescribeInstanceInformation is per instance, not per sample: reported apart, not counted. Pure.
import type { ScenarioResult } from '../harness/core/results.js'

/** Issue 7's target. */
export const CALLS_PER_SAMPLE_TARGET = 0.1

export interface SsmCalls {
  probe_samples: number
  api_calls: number
  by_operation: { SendCommand: number; GetCommandInvocation: number; others: number }
  calls_per_sample: number | null
  /** GetCommandInvocation polls per command */
  polls_per_command: number | null
  source: 'endpoint' | 'derived-from-results'
  /** the endpoint's count against the transport's (source "endpoint" only) */
  check?: TransportCheck
}

/** What the server saw against what the transport counted: the server sees the SDK's retries too, so it may see more, never fewer. */
export interface TransportCheck {
  /** probe calls the endpoint received (readiness excluded) */
  endpoint_calls: number
  /** calls the transport counted (`ssm_api_calls`) */
  transport_calls: number
  /** endpoint − transport: requests the transport did not see (the SDK's own retries) */
  unseen_by_transport: number
  /** DescribeInstanceInformation calls of the readiness wait, not counted per sample */
  readiness_calls: number
  /** false when the endpoint saw fewer calls than the transport made: a count is wrong */
  consistent: boolean
}

/** The readiness wait's operation: per instance, not per probe sample. */
const READINESS_OPERATION = 'DescribeInstanceInformation'

const round = (n: number, d = 4) => Number(n.toFixed(d))

type WithEndpointCounts = ScenarioResult & { ssm_calls_by_operation?: Record<string, number> }

/** The calls of one scenario. */
export function ssmCallsOfScenario(scenario: ScenarioResult): SsmCalls {
  const samples = scenario.probes.reduce((n, p) => n + p.samples, 0)
  const counted = (scenario as WithEndpointCounts).ssm_calls_by_operation
  let by: SsmCalls['by_operation']
  let source: SsmCalls['source']
  let check: TransportCheck | undefined
  if (counted) {
    const send = counted.SendCommand ?? 0
    const get = counted.GetCommandInvocation ?? 0
    const readiness = counted[READINESS_OPERATION] ?? 0
    const all = Object.values(counted).reduce((a, b) => a + b, 0) - readiness
    by = { SendCommand: send, GetCommandInvocation: get, others: all - send - get }
    source = 'endpoint'
    check = { endpoint_calls: all, transport_calls: scenario.ssm_api_calls, unseen_by_transport: all - scenario.ssm_api_calls, readiness_calls: readiness, consistent: all >= scenario.ssm_api_calls }
  } else {
    const commands = new Set(scenario.probes.flatMap((p) => p.invocations.map((i) => i.command_id)))
    by = { SendCommand: commands.size, GetCommandInvocation: Math.max(0, scenario.ssm_api_calls - commands.size), others: 0 }
    source = 'derived-from-results'
  }
  const apiCalls = by.SendCommand + by.GetCommandInvocation + by.others
  return {
    probe_samples: samples,
    api_calls: apiCalls,
    by_operation: by,
    calls_per_sample: samples ? round(apiCalls / samples) : null,
    polls_per_command: by.SendCommand ? round(by.GetCommandInvocation / by.SendCommand, 2) : null,
    source,
    ...(check ? { check } : {}),
  }
}

/** Per scenario and for the whole suite, with the target. */
export function computeSsmCalls(scenarios: readonly ScenarioResult[]): {
  scenarios: Record<string, SsmCalls>
  probe_samples: number
  api_calls: number
  by_operation: SsmCalls['by_operation']
  calls_per_sample: number | null
  /** the floor with one command per consumer per batch: one SendCommand and at least one poll each */
  floor_calls_per_sample: number | null
  target_calls_per_sample: number
  met: boolean | null
  /** where the counts come from: "endpoint" when every scenario carried the endpoint's count */
  source: SsmCalls['source'] | 'mixed' | null
  /** the endpoint's count against the transport's, summed over the scenarios that carry both */
  transport_check: (TransportCheck & { inconsistent_scenarios: string[] }) | null
} {
  const per = Object.fromEntries(scenarios.map((s) => [s.name, ssmCallsOfScenario(s)]))
  const all = Object.values(per)
  const sum = (pick: (c: SsmCalls) => number) => all.reduce((n, c) => n + pick(c), 0)
  const samples = sum((c) => c.probe_samples)
  const calls = sum((c) => c.api_calls)
  const perSample = samples ? round(calls / samples) : null
  // a scenario that made no call and took no sample (an apply that failed as expected) says nothing about the source
  const sources = new Set(all.filter((c) => c.api_calls > 0 || c.probe_samples > 0).map((c) => c.source))
  const checked = Object.entries(per).filter(([, c]) => c.check)
  const sumCheck = (pick: (c: TransportCheck) => number) => checked.reduce((n, [, c]) => n + pick(c.check!), 0)
  const transportCheck = checked.length
    ? {
        endpoint_calls: sumCheck((c) => c.endpoint_calls),
        transport_calls: sumCheck((c) => c.transport_calls),
        unseen_by_transport: sumCheck((c) => c.unseen_by_transport),
        readiness_calls: sumCheck((c) => c.readiness_calls),
        consistent: checked.every(([, c]) => c.check!.consistent),
        inconsistent_scenarios: checked.filter(([, c]) => !c.check!.consistent).map(([name]) => name),
      }
    : null
  return {
    scenarios: per,
    probe_samples: samples,
    api_calls: calls,
    by_operation: {
      SendCommand: sum((c) => c.by_operation.SendCommand),
      GetCommandInvocation: sum((c) => c.by_operation.GetCommandInvocation),
      others: sum((c) => c.by_operation.others),
    },
    calls_per_sample: perSample,
    floor_calls_per_sample: samples ? round((2 * sum((c) => c.by_operation.SendCommand)) / samples) : null,
    target_calls_per_sample: CALLS_PER_SAMPLE_TARGET,
    met: perSample === null ? null : perSample <= CALLS_PER_SAMPLE_TARGET,
    source: sources.size === 0 ? null : sources.size === 1 ? [...sources][0]! : 'mixed',
    transport_check: transportCheck,
  }
}
