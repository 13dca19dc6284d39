// An endpoint service's supported regions, which AWS brings up one by one after the service itself
// is Available: each `SupportedRegionDetail.ServiceState` starts `Pending`. The provider waits only
// for the service (and keeps only regions that are already Available), and a consumer's
// CreateVpcEndpoint with `service_region` can be refused while its region is still Pending. So a
// fixture that lists supported regions applies its service first (manifest `apply_stages`) and the
// AWS target waits here, with DescribeVpcEndpointServiceConfigurations, before the endpoints.
import { DescribeVpcEndpointServiceConfigurationsCommand, type EC2Client } from '@aws-sdk/client-ec2'
import { setTimeout as sleep } from 'node:timers/promises'
import { InfrastructureError } from '../../core/errors.js'
import type { Logger } from '../../core/target.js'
import { callAws, type AwsCallTarget } from './aws-call.js'
import type { AwsClients } from './aws-clients.js'
import type { StateResource } from './terraform/terraform-files.js'

/** Supported-region states from which the region never becomes Available by itself (EC2 documents Closed beside the SDK's ServiceState). */
const FINAL_REGION_STATES = new Set(['failed', 'deleting', 'deleted', 'closed'])

/** An endpoint service in terraform's state: where it lives and the regions it lists. */
export interface StateEndpointService {
  serviceId: string
  accountId: string
  region: string
  supportedRegions: string[]
}

/** The aws_vpc_endpoint_service resources of a state, read from their id, ARN and supported_regions. */
export function endpointServicesInState(resources: readonly StateResource[]): StateEndpointService[] {
  return resources
    .filter((r) => r.type === 'aws_vpc_endpoint_service')
    .map((r) => {
      const arn = /^arn:[a-z-]+:ec2:([a-z0-9-]+):(\d{12}):vpc-endpoint-service\/(vpce-svc-[0-9a-z]+)$/.exec(String(r.values.arn ?? ''))
      if (!arn) throw new InfrastructureError('APPLY_FAILED', `${r.address}: no endpoint service ARN in the state (arn = ${JSON.stringify(r.values.arn ?? null)})`, { fields: { address: r.address } })
      const regions = Array.isArray(r.values.supported_regions) ? r.values.supported_regions.map(String) : []
      return { serviceId: arn[3]!, accountId: arn[2]!, region: arn[1]!, supportedRegions: regions }
    })
}

export interface SupportedRegionsWaitOptions {
  /** EC2 client of the service owner's account in the service's region */
  client: EC2Client
  target: AwsCallTarget
  serviceId: string
  /** the regions that must be Available (the service's own region included or not) */
  regions: readonly string[]
  timeoutMs: number
  /** between polls (≥ 2000 against AWS) */
  pollIntervalMs: number
  signal?: AbortSignal
  log?: Logger
}

/** Resolves once every region of `regions` is Available for the service; NOT_READY naming the region and its state otherwise. */
export async function waitForSupportedRegionsAvailable(options: SupportedRegionsWaitOptions): Promise<void> {
  const { client, target, serviceId } = options
  const started = Date.now()
  for (;;) {
    const out = await callAws(target, 'ec2:DescribeVpcEndpointServiceConfigurations', () => client.send(new DescribeVpcEndpointServiceConfigurationsCommand({ ServiceIds: [serviceId] }), { abortSignal: options.signal }), {
      minDelayMs: options.pollIntervalMs,
      signal: options.signal,
      log: options.log,
    })
    const details = out.ServiceConfigurations?.find((c) => c.ServiceId === serviceId)?.SupportedRegions ?? []
    const states = options.regions.map((region) => ({ region, state: details.find((d) => d.Region === region)?.ServiceState ?? 'not listed' }))
    const dead = states.find((s) => FINAL_REGION_STATES.has(s.state.toLowerCase()))
    if (dead) {
      throw new InfrastructureError('NOT_READY', `endpoint service ${serviceId} in account "${target.alias}" (${target.region}): supported region ${dead.region} is ${dead.state}`, {
        fields: { serviceId, region: dead.region, state: dead.state },
      })
    }
    const waiting = states.filter((s) => s.state.toLowerCase() !== 'available')
    if (waiting.length === 0) {
      options.log?.info({ serviceId, regions: options.regions }, 'endpoint service available in its supported regions')
      return
    }
    options.log?.debug({ serviceId, waiting }, 'waiting for the endpoint service\'s supported regions')
    if (Date.now() - started + options.pollIntervalMs > options.timeoutMs) {
      throw new InfrastructureError(
        'NOT_READY',
        `endpoint service ${serviceId} in account "${target.alias}" (${target.region}) not available in its supported regions within ${options.timeoutMs / 1000} s: ${waiting.map((s) => `${s.region} ${s.state}`).join(', ')}`,
        { fields: { serviceId, waiting } },
      )
    }
    await sleep(options.pollIntervalMs, undefined, { signal: options.signal })
  }
}

/** After an apply stage: every endpoint service the state holds Available in each of its supported regions (its owner's credentials, found by account id). */
export async function waitForStateEndpointServices(
  resources: readonly StateResource[],
  options: { clients: AwsClients; manifestFile: string; timeoutMs: number; pollIntervalMs: number; signal?: AbortSignal; log?: Logger },
): Promise<void> {
  const services = endpointServicesInState(resources)
  if (services.length === 0) {
    throw new InfrastructureError('APPLY_FAILED', `${options.manifestFile}: apply_stages: wait_for endpoint-service-regions-available found no aws_vpc_endpoint_service in the state after its stage`)
  }
  for (const service of services) {
    const alias = await options.clients.aliasOf(service.accountId)
    options.log?.info({ serviceId: service.serviceId, regions: service.supportedRegions }, 'waiting for the endpoint service in its supported regions')
    await waitForSupportedRegionsAvailable({
      client: options.clients.ec2(alias, service.region),
      target: { alias, region: service.region },
      serviceId: service.serviceId,
      regions: service.supportedRegions,
      timeoutMs: options.timeoutMs,
      pollIntervalMs: options.pollIntervalMs,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.log ? { log: options.log } : {}),
    })
  }
}
