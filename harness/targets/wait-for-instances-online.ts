// Readiness: a consumer instance can take commands only once SSM lists it Online. Until its agent
// registers it is simply absent from DescribeInstanceInformation, so absence means "wait".
import { DescribeInstanceInformationCommand, type SSMClient } from '@aws-sdk/client-ssm'
import { setTimeout as sleep } from 'node:timers/promises'
import { InfrastructureError } from '../core/errors.js'
import type { Logger } from '../core/target.js'
import { SsmCallError, callSsm } from './ssm-call.js'

/** How long and how often to ask SSM. */
export interface WaitForInstancesOptions {
  timeoutMs: number
  /** between DescribeInstanceInformation rounds (AWS: a few seconds) */
  pollIntervalMs: number
  signal?: AbortSignal
  log?: Logger
}

/** SSM accepts up to 100 values per filter; 50 keeps pages and requests small. */
const IDS_PER_REQUEST = 50

/** Resolves once SSM reports every id with PingStatus Online; InfrastructureError (NOT_READY) naming the missing ids on timeout. */
export async function waitForInstancesOnline(
  client: SSMClient,
  instanceIds: readonly string[],
  options: WaitForInstancesOptions,
): Promise<{ apiCalls: number; elapsedMs: number }> {
  const { timeoutMs, pollIntervalMs, signal, log } = options
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new TypeError('waitForInstancesOnline: options.timeoutMs must be > 0')
  if (!Number.isFinite(pollIntervalMs) || pollIntervalMs < 10) throw new TypeError('waitForInstancesOnline: options.pollIntervalMs must be ≥ 10 ms')
  const started = Date.now()
  const pending = new Set(instanceIds)
  const lastSeen = new Map<string, string>()
  let apiCalls = 0
  const callOptions = { minDelayMs: pollIntervalMs, retries: 2, signal, log, onAttempt: () => void (apiCalls += 1) }

  for (;;) {
    try {
      for (const [id, ping] of await describePingStatus(client, [...pending], callOptions)) {
        lastSeen.set(id, ping)
        if (ping === 'Online') pending.delete(id)
      }
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      if (!(error instanceof SsmCallError) || !error.transient) throw asNotReady(error, [...pending])
      // transient and out of retries: the next round tries again
      log?.warn({ error: error.errorName }, `waiting for SSM instances: ${error.message}`)
    }
    if (pending.size === 0) return { apiCalls, elapsedMs: Date.now() - started }
    if (Date.now() - started + pollIntervalMs > timeoutMs) {
      const missing = [...pending]
      const detail = missing.map((id) => `${id} (${lastSeen.has(id) ? `PingStatus ${lastSeen.get(id)}` : 'not registered'})`).join(', ')
      throw new InfrastructureError('NOT_READY', `SSM did not report ${missing.length} instance(s) Online within ${timeoutMs} ms: ${detail}; an unregistered instance lacks a path to SSM (its VPC's ssm, ssmmessages and ec2messages endpoints) or the AmazonSSMManagedInstanceCore policy`, {
        fields: { missing, timeoutMs, apiCalls },
      })
    }
    await sleep(pollIntervalMs, undefined, { signal })
  }
}

async function describePingStatus(
  client: SSMClient,
  instanceIds: string[],
  callOptions: Parameters<typeof callSsm>[2],
): Promise<Map<string, string>> {
  const seen = new Map<string, string>()
  for (let i = 0; i < instanceIds.length; i += IDS_PER_REQUEST) {
    const ids = instanceIds.slice(i, i + IDS_PER_REQUEST)
    let nextToken: string | undefined
    do {
      const token = nextToken
      const page = await callSsm(
        'DescribeInstanceInformation',
        () =>
          client.send(
            new DescribeInstanceInformationCommand({ Filters: [{ Key: 'InstanceIds', Values: ids }], MaxResults: 50, ...(token ? { NextToken: token } : {}) }),
            { abortSignal: callOptions.signal },
          ),
        callOptions,
      )
      for (const info of page.InstanceInformationList ?? []) {
        if (info.InstanceId) seen.set(info.InstanceId, info.PingStatus ?? 'unknown')
      }
      nextToken = page.NextToken
    } while (nextToken)
  }
  return seen
}

function asNotReady(error: unknown, missing: string[]): InfrastructureError {
  const message = error instanceof Error ? error.message : String(error)
  return new InfrastructureError('NOT_READY', `waiting for SSM instances ${missing.join(', ')}: ${message}`, {
    cause: error instanceof SsmCallError ? error.cause : error,
    fields: { missing, ...(error instanceof SsmCallError ? { errorName: error.errorName, reason: error.reason } : {}) },
  })
}
