// The fixture contract's `harness` output for an emulated topology, as Terraform would output it.
import type { HarnessOutput } from '../../core/contract.js'
import type { TopologyPlan } from './topology/plan-types.js'

/** Builds the `harness` output from the plan and the endpoints' current states. */
export function buildHarnessOutput(plan: TopologyPlan, endpointState: (id: string) => HarnessOutput['endpoints'][number]['state']): HarnessOutput {
  const service = plan.services[0]!
  const nlb = plan.nlbs.find((n) => n.key === service.nlb)!
  const instance = (i: TopologyPlan['instances'][number]) => ({ instance_id: i.id, region: i.region, az: i.az, account: i.account, private_ip: i.ip })
  return {
    service: {
      name: service.name,
      region: service.region,
      ports: nlb.listenerPorts,
      expected: { status: service.expected.status, body_pattern: service.expected.bodyPattern },
      nlb_ips: nlb.nodes.map((n) => n.ip),
    },
    endpoints: plan.endpoints.map((e) => ({
      id: e.id,
      region: e.region,
      service_region: e.serviceRegion,
      regional_dns: e.regionalDns,
      zonal: e.zonal,
      eni_ips: e.enis,
      state: endpointState(e.id),
    })),
    consumers: plan.instances.filter((i) => i.role === 'consumer').map(instance),
    producers: plan.instances.filter((i) => i.role === 'producer').map(instance),
    bystanders: plan.instances.filter((i) => i.role === 'bystander').map(instance),
    hostnames: { ...plan.hostnames },
  }
}
