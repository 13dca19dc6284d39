// Readiness of the fixture's interface endpoints on AWS: poll DescribeVpcEndpoints (no faster than
// every 2 s) until each one is `available` — or `pendingAcceptance` where the scenario accepts it
// itself — then cross-check its DnsEntries against the fixture's outputs.
import { DescribeVpcEndpointsCommand, type EC2Client, type VpcEndpoint } from '@aws-sdk/client-ec2'
import { setTimeout as sleep } from 'node:timers/promises'
import type { EndpointOutput, HarnessOutput } from '../../core/contract.js'
import { InfrastructureError } from '../../core/errors.js'
import type { Logger } from '../../core/target.js'
import { callAws, type AwsCallTarget } from './aws-call.js'
import { checkEndpointDns } from './endpoint-dns.js'
import { isFinalEndpointState } from './endpoint-states.js'

/** DescribeVpcEndpoints is eventually consistent right after CreateVpcEndpoint. */
const NOT_FOUND_YET = { 'InvalidVpcEndpointId.NotFound': 'EC2 does not list the new endpoint yet (eventual consistency)' }

export interface EndpointClient {
  client: EC2Client
  /** account alias and region, for messages */
  target: AwsCallTarget
}

export interface EndpointReadinessOptions {
  outputs: HarnessOutput
  /** the EC2 client that sees `endpoint` (the consumer's account, the endpoint's region) */
  clientFor(endpoint: EndpointOutput): EndpointClient
  /** `pendingAcceptance` counts as ready: the scenario accepts the connection itself */
  acceptsPending: boolean
  timeoutMs: number
  /** between DescribeVpcEndpoints rounds (default 5000; AWS is polled no faster than every 2 s) */
  pollIntervalMs?: number
  /** names the file whose outputs disagree with AWS, e.g. terraform/<fixture>/outputs.tf */
  outputsFile: string
  signal?: AbortSignal
  log?: Logger
}

/** Resolves with each endpoint as EC2 describes it once ready; InfrastructureError otherwise. */
export async function waitForEndpointsReady(options: EndpointReadinessOptions): Promise<Map<string, VpcEndpoint>> {
  const pollIntervalMs = options.pollIntervalMs ?? 5000
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) throw new TypeError('waitForEndpointsReady: options.timeoutMs must be > 0')
  if (!Number.isFinite(pollIntervalMs) || pollIntervalMs < 10) throw new TypeError('waitForEndpointsReady: options.pollIntervalMs must be ≥ 10 ms')
  const started = Date.now()
  const ready = new Map<string, VpcEndpoint>()
  const lastState = new Map<string, string>()
  for (;;) {
    const pending = options.outputs.endpoints.filter((e) => !ready.has(e.id))
    for (const [client, endpoints] of groupByClient(pending, options.clientFor)) {
      for (const described of await describeEndpoints(client, endpoints.map((e) => e.id), pollIntervalMs, options)) {
        const id = described.VpcEndpointId!
        // EC2 answers in camelCase (`pendingAcceptance`); the SDK's enum type spells `PendingAcceptance`: compare case-insensitively
        const state: string = described.State ?? 'unknown'
        lastState.set(id, state)
        const endpoint = endpoints.find((e) => e.id === id)!
        if (isFinalEndpointState(state)) {
          const reason = described.LastError?.Message ? `: ${described.LastError.Message}` : ''
          throw new InfrastructureError('NOT_READY', `interface endpoint ${id} is ${state} in account "${client.target.alias}" (${client.target.region})${reason}`, {
            fields: { endpointId: id, state },
          })
        }
        if (state.toLowerCase() === 'available') {
          assertDnsMatches(endpoint, described, options)
          ready.set(id, described)
        } else if (state.toLowerCase() === 'pendingacceptance' && options.acceptsPending) {
          ready.set(id, described)
        }
      }
    }
    if (ready.size === options.outputs.endpoints.length) return ready
    if (Date.now() - started + pollIntervalMs > options.timeoutMs) {
      const waiting = options.outputs.endpoints.filter((e) => !ready.has(e.id))
      const detail = waiting.map((e) => `${e.id} (${lastState.get(e.id) ?? 'not listed'})`).join(', ')
      throw new InfrastructureError('NOT_READY', `interface endpoint(s) not available within ${options.timeoutMs / 1000} s: ${detail}`, {
        fields: { endpoints: waiting.map((e) => ({ id: e.id, state: lastState.get(e.id) ?? null })) },
      })
    }
    await sleep(pollIntervalMs, undefined, { signal: options.signal })
  }
}

/** Throws CONTRACT_VIOLATION naming the output field when the endpoint's DnsEntries disagree with the outputs. */
export function assertDnsMatches(endpoint: EndpointOutput, described: VpcEndpoint, options: Pick<EndpointReadinessOptions, 'outputs' | 'outputsFile'>): void {
  const index = options.outputs.endpoints.findIndex((e) => e.id === endpoint.id)
  const problems = checkEndpointDns(endpoint, described.DnsEntries ?? [], `harness.endpoints[${index}]`)
  if (problems.length === 0) return
  const [first] = problems
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more: ${problems.slice(1).map((p) => p.field).join(', ')})` : ''
  throw new InfrastructureError('CONTRACT_VIOLATION', `${options.outputsFile}: ${first!.field}: ${first!.problem}${more}`, {
    fields: { file: options.outputsFile, problems },
  })
}

/** DescribeVpcEndpoints for `ids` through one client (every page). */
export async function describeEndpoints(
  client: EndpointClient,
  ids: string[],
  minDelayMs: number,
  options: { signal?: AbortSignal; log?: Logger },
): Promise<VpcEndpoint[]> {
  const found: VpcEndpoint[] = []
  let token: string | undefined
  do {
    const next = token
    const page = await callAws(
      client.target,
      'ec2:DescribeVpcEndpoints',
      () => client.client.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: ids, ...(next ? { NextToken: next } : {}) }), { abortSignal: options.signal }),
      { minDelayMs: Math.max(minDelayMs, 1), alsoRetry: NOT_FOUND_YET, signal: options.signal, log: options.log },
    )
    found.push(...(page.VpcEndpoints ?? []))
    token = page.NextToken
  } while (token)
  return found
}

function groupByClient(endpoints: EndpointOutput[], clientFor: (e: EndpointOutput) => EndpointClient): Map<EndpointClient, EndpointOutput[]> {
  const byKey = new Map<string, { client: EndpointClient; endpoints: EndpointOutput[] }>()
  for (const endpoint of endpoints) {
    const client = clientFor(endpoint)
    const key = `${client.target.alias}:${client.target.region}`
    const group = byKey.get(key) ?? { client, endpoints: [] }
    group.endpoints.push(endpoint)
    byKey.set(key, group)
  }
  return new Map([...byKey.values()].map((g) => [g.client, g.endpoints]))
}
