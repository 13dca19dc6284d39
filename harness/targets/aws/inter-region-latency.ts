// AWS's own figure for the latency between two regions (Infrastructure Performance,
// EC2 GetAwsNetworkPerformanceData): results.json puts it beside the measured latency of probes
// through cross-region endpoints, so a reader sees whether PrivateLink adds anything to the path.
import {
  GetAwsNetworkPerformanceDataCommand,
  type EC2Client,
  type GetAwsNetworkPerformanceDataCommandInput,
  type GetAwsNetworkPerformanceDataCommandOutput,
} from '@aws-sdk/client-ec2'
import { median } from 'simple-statistics'
import type { EndpointOutput } from '../../core/contract.js'
import type { ProbeResult, ProbeTarget } from '../../core/results.js'
import type { ProbeStep } from '../../core/scenario.js'
import { callAws, type AwsCallTarget } from './aws-call.js'

const HOUR_MS = 3_600_000

/** The request: aggregate-latency, p50 (the only statistic AWS offers), five-minute points over the last hour. */
export function networkPerformanceQuery(source: string, destination: string, now: Date): GetAwsNetworkPerformanceDataCommandInput {
  return {
    StartTime: new Date(now.getTime() - HOUR_MS),
    EndTime: now,
    DataQueries: [{ Id: 'plh', Source: source, Destination: destination, Metric: 'aggregate-latency', Statistic: 'p50', Period: 'five-minutes' }],
  }
}

/** The median of the hour's five-minute p50 points, in ms; undefined when AWS has no point for the pair. */
export function readP50(output: GetAwsNetworkPerformanceDataCommandOutput): number | undefined {
  const values = (output.DataResponses ?? [])
    .flatMap((r) => r.MetricPoints ?? [])
    .map((p) => p.Value)
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0)
  return values.length === 0 ? undefined : median(values)
}

/** AWS's p50 latency between regions `a` and `b` over the last hour, in ms (undefined: no data). */
export async function awsInterRegionP50(
  ec2: EC2Client,
  a: string,
  b: string,
  options: { target?: AwsCallTarget; now?: Date; minDelayMs?: number; signal?: AbortSignal } = {},
): Promise<number | undefined> {
  const query = networkPerformanceQuery(a, b, options.now ?? new Date())
  const output = await callAws(options.target ?? { alias: 'default', region: a }, 'ec2:GetAwsNetworkPerformanceData', () => ec2.send(new GetAwsNetworkPerformanceDataCommand(query), { abortSignal: options.signal }), {
    minDelayMs: options.minDelayMs,
    retries: 3,
    signal: options.signal,
  })
  return readP50(output)
}

/** Endpoints whose service lives in another region: their probes cross AWS's backbone between the two. */
export function crossRegionEndpoints(endpoints: readonly EndpointOutput[]): EndpointOutput[] {
  return endpoints.filter((e) => e.service_region !== e.region)
}

/**
 * The expected time to first byte of an HTTP probe through a cross-region endpoint, from AWS's p50
 * (a round-trip figure: AWS's own example, us-east-1↔us-west-2 ≈ 62 ms, matches public RTT
 * measurements). The consumer's TCP handshake crosses the end-to-end path (endpoint ENI → NLB in
 * the service's region → target) once, and the request and its first byte cross it once more:
 * two round trips, so 2 × p50. HTTPS adds TLS round trips whose count depends on the TLS version,
 * so it gets no figure rather than a guessed one; nor do names that are not the endpoint's.
 */
export function expectedCrossRegionLatency(
  endpoints: readonly EndpointOutput[],
  p50ByEndpoint: ReadonlyMap<string, number>,
  target: ProbeTarget,
  step: Pick<ProbeStep, 'scheme'>,
): ProbeResult['model'] | undefined {
  if (step.scheme !== 'http') return undefined
  const host = target.host.toLowerCase().replace(/\.$/, '')
  const endpoint = endpoints.find((e) => e.regional_dns.toLowerCase() === host || e.zonal.some((z) => z.dns.toLowerCase() === host))
  const p50 = endpoint && p50ByEndpoint.get(endpoint.id)
  return p50 === undefined || p50 === 0 ? undefined : { timing: 'time_starttransfer', expected_ms: 2 * p50 }
}
