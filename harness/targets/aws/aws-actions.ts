// The scenario actions (harness/core/scenario.ts) on AWS: accept a pending endpoint connection on
// the service owner's account, make one AZ's NLB targets fail their health checks or take them out
// of the target groups (nlb-target-actions.ts), read the endpoints' state.
import { AcceptVpcEndpointConnectionsCommand, DescribeNetworkInterfacesCommand, type VpcEndpoint } from '@aws-sdk/client-ec2'
import type { TargetDescription } from '@aws-sdk/client-elastic-load-balancing-v2'
import { setTimeout as sleep } from 'node:timers/promises'
import type { EndpointOutput, HarnessOutput, InstanceRef } from '../../core/contract.js'
import { InfrastructureError } from '../../core/errors.js'
import type { ActionStep } from '../../core/scenario.js'
import type { CommandResult } from '../../core/target.js'
import { callAws } from './aws-call.js'
import { describeEndpoints, waitForEndpointsReady, type EndpointClient } from './endpoint-readiness.js'
import { toContractState } from './endpoint-states.js'
import { setTargetHealth, setTargetRegistration } from './nlb-target-actions.js'
import { findServiceOwner, type NlbContext } from './nlb-targets.js'

/** What the actions of one applied fixture share. */
export interface AwsActionContext extends NlbContext {
  /** targets this run deregistered, per AZ, so that `registered: true` registers exactly them again */
  removed: Map<string, Array<{ targetGroupArn: string; target: TargetDescription }>>
  /** runs a shell script on an SSM-managed instance of the fixture (the same transport as the probes) */
  runCommand(instance: InstanceRef, script: string): Promise<CommandResult>
}

/** Runs one action; returns the outputs with fresh endpoint states (and ENI addresses after an accept). */
export async function runAwsAction(action: ActionStep, outputs: HarnessOutput, ctx: AwsActionContext): Promise<HarnessOutput> {
  switch (action.kind) {
    case 'accept-endpoint':
      return acceptEndpoints(outputs, ctx)
    case 'set-target-health':
      await setTargetHealth(action.az, action.healthy, outputs, ctx)
      return outputs
    case 'set-target-registration':
      await setTargetRegistration(action.az, action.registered, outputs, ctx)
      return outputs
    case 'expect-endpoint-state':
      return refreshEndpoints(outputs, ctx)
    case 'wait':
      await sleep(action.seconds * 1000, undefined, { signal: ctx.signal })
      return outputs
  }
}

/** The consumer-side EC2 client of an endpoint: the account of the consumers in its region. */
export function endpointClient(endpoint: EndpointOutput, outputs: HarnessOutput, ctx: Pick<AwsActionContext, 'clients' | 'aliasOf'>): EndpointClient {
  const consumer = outputs.consumers.find((c) => c.region === endpoint.region) ?? outputs.consumers[0]!
  const alias = ctx.aliasOf(consumer.account)
  return { client: ctx.clients.ec2(alias, endpoint.region), target: { alias, region: endpoint.region } }
}

async function acceptEndpoints(outputs: HarnessOutput, ctx: AwsActionContext): Promise<HarnessOutput> {
  const owner = await findServiceOwner(outputs, ctx)
  const current = await refreshEndpoints(outputs, ctx)
  const pending = current.endpoints.filter((e) => e.state === 'pendingAcceptance').map((e) => e.id)
  if (pending.length > 0) {
    const result = await callAws(
      owner.target,
      'ec2:AcceptVpcEndpointConnections',
      () => ctx.clients.ec2(owner.target.alias, owner.target.region).send(new AcceptVpcEndpointConnectionsCommand({ ServiceId: owner.serviceId, VpcEndpointIds: pending })),
      { minDelayMs: ctx.pollIntervalMs, code: 'NOT_READY', signal: ctx.signal, log: ctx.log },
    )
    const refused = result.Unsuccessful ?? []
    if (refused.length > 0) {
      const detail = refused.map((u) => `${u.ResourceId}: ${u.Error?.Code ?? 'error'} ${u.Error?.Message ?? ''}`.trim()).join('; ')
      throw new InfrastructureError('NOT_READY', `AcceptVpcEndpointConnections on ${owner.serviceId} in account "${owner.target.alias}" refused: ${detail}`)
    }
    ctx.log?.info({ serviceId: owner.serviceId, endpoints: pending }, 'accepted endpoint connections')
  }
  const described = await waitForEndpointsReady({
    outputs: current,
    clientFor: (e) => endpointClient(e, current, ctx),
    acceptsPending: false,
    timeoutMs: ctx.timeoutMs,
    pollIntervalMs: ctx.pollIntervalMs,
    outputsFile: ctx.outputsFile,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...(ctx.log ? { log: ctx.log } : {}),
  })
  return withEnis(current, described, ctx)
}

/** The outputs with each endpoint's state as EC2 reports it now. */
export async function refreshEndpoints(outputs: HarnessOutput, ctx: AwsActionContext): Promise<HarnessOutput> {
  const endpoints = await Promise.all(
    outputs.endpoints.map(async (endpoint) => {
      const [described] = await describeEndpoints(endpointClient(endpoint, outputs, ctx), [endpoint.id], ctx.pollIntervalMs, ctx)
      const state = described?.State ?? 'deleted'
      return { ...endpoint, state: toContractState(state, endpoint.id) }
    }),
  )
  return { ...outputs, endpoints }
}

/** Fills `eni_ips` of endpoints whose outputs left them empty (the fixture cannot read them before acceptance). */
async function withEnis(outputs: HarnessOutput, described: Map<string, VpcEndpoint>, ctx: AwsActionContext): Promise<HarnessOutput> {
  const endpoints = await Promise.all(
    outputs.endpoints.map(async (endpoint) => {
      const vpce = described.get(endpoint.id)
      const state = vpce?.State ? toContractState(vpce.State, endpoint.id) : endpoint.state
      const eniIds = vpce?.NetworkInterfaceIds ?? []
      if (endpoint.eni_ips.length > 0 || eniIds.length === 0) return { ...endpoint, state }
      const client = endpointClient(endpoint, outputs, ctx)
      const enis = await callAws(client.target, 'ec2:DescribeNetworkInterfaces', () => client.client.send(new DescribeNetworkInterfacesCommand({ NetworkInterfaceIds: eniIds })), {
        minDelayMs: ctx.pollIntervalMs,
        signal: ctx.signal,
        log: ctx.log,
      })
      const eniIps = (enis.NetworkInterfaces ?? [])
        .filter((n) => n.AvailabilityZone && n.PrivateIpAddress)
        .map((n) => ({ az: n.AvailabilityZone!, ip: n.PrivateIpAddress! }))
        .sort((a, b) => a.az.localeCompare(b.az))
      return { ...endpoint, state, eni_ips: eniIps }
    }),
  )
  return { ...outputs, endpoints }
}
