// SSM API calls per probe sample, split by operation. The per-operation counts come from the
// scenario's results where they carry the local endpoint's own count (`ssm_calls_by_operation`);
// otherwise they are derived from what results.json has: one SendCommand per distinct command id
// the probes name, and the rest of the transport's calls are its GetCommandInvocation polls
// (the transport makes no other call; the readiness wait's DescribeInstanceInformation is per
// instance, not per sample, and is not in `ssm_api_calls`). Pure: reads results.
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
}

const round = (n: number, d = 4) => Number(n.toFixed(d))

type WithEndpointCounts = ScenarioResult & { ssm_calls_by_operation?: Record<string, number> }

/** The calls of one scenario. */
export function ssmCallsOfScenario(scenario: ScenarioResult): SsmCalls {
  const samples = scenario.probes.reduce((n, p) => n + p.samples, 0)
  const counted = (scenario as WithEndpointCounts).ssm_calls_by_operation
  let by: SsmCalls['by_operation']
  let source: SsmCalls['source']
  if (counted) {
    const send = counted.SendCommand ?? 0
    const get = counted.GetCommandInvocation ?? 0
    const all = Object.values(counted).reduce((a, b) => a + b, 0)
    by = { SendCommand: send, GetCommandInvocation: get, others: all - send - get }
    source = 'endpoint'
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
} {
  const per = Object.fromEntries(scenarios.map((s) => [s.name, ssmCallsOfScenario(s)]))
  const all = Object.values(per)
  const sum = (pick: (c: SsmCalls) => number) => all.reduce((n, c) => n + pick(c), 0)
  const samples = sum((c) => c.probe_samples)
  const calls = sum((c) => c.api_calls)
  const perSample = samples ? round(calls / samples) : null
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
  }
}
