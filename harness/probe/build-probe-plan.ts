// Expands a probe step into the concrete names one instance curls: the endpoint's regional and
// zonal DNS names, the TLS hostname, the consumers' private IPs. Pure, so the plan (and the
// vitest test names built from it) exists before anything is probed.
import type { HarnessOutput, InstanceRef } from '../core/contract.js'
import type { NameKind, ProbeStep } from '../core/scenario.js'
import type { ProbeTarget } from '../core/results.js'

type Name = Pick<ProbeTarget, 'host' | 'name_kind' | 'az' | 'expected_ip'>

/** The names one kind stands for in these outputs, in the order the outputs list them. */
function namesOf(kind: NameKind, outputs: HarnessOutput, instance: InstanceRef, zonalAzs?: string[]): Name[] {
  switch (kind) {
    case 'regional':
      return outputs.endpoints.map((e) => ({ host: e.regional_dns, name_kind: 'regional' }))
    case 'zonal':
      return outputs.endpoints.flatMap((e) =>
        e.zonal.filter((z) => !zonalAzs || zonalAzs.includes(z.az)).map((z) => {
          const eni = e.eni_ips.find((i) => i.az === z.az)
          return eni ? { host: z.dns, name_kind: 'zonal' as const, az: z.az, expected_ip: eni.ip } : { host: z.dns, name_kind: 'zonal' as const, az: z.az }
        }),
      )
    case 'tls': {
      const tls = outputs.hostnames.tls
      if (!tls) throw new Error(`probe names include 'tls' but the fixture output has no hostnames.tls (probing from ${instance.instance_id})`)
      return [{ host: tls, name_kind: 'hostname' }]
    }
    case 'consumer-ips':
      return privateIps(kind, outputs.consumers, instance)
    case 'producer-ips':
      return privateIps(kind, outputs.producers ?? [], instance)
    case 'nlb-ips': {
      const ips = outputs.service.nlb_ips ?? []
      if (ips.length === 0) throw new Error(`probe names include 'nlb-ips' but the fixture output has no service.nlb_ips (probing from ${instance.instance_id})`)
      return ips.map((ip) => ({ host: ip, name_kind: 'ip' }))
    }
  }
}

function privateIps(kind: NameKind, instances: InstanceRef[], from: InstanceRef): Name[] {
  if (instances.length === 0) throw new Error(`probe names include '${kind}' but the fixture output lists no such instance (probing from ${from.instance_id})`)
  return instances.map((i) => {
    if (!i.private_ip) throw new Error(`probe names include '${kind}' but ${i.instance_id} has no private_ip in the fixture output (probing from ${from.instance_id})`)
    return { host: i.private_ip, name_kind: 'ip' }
  })
}

/**
 * The targets one instance probes for a step: one per name, keyed `t0`, `t1`… in the order of
 * `step.names` then of the outputs, so keys are short, shell- and JSON-safe, and the same for the
 * same step and outputs. A name listed twice (two kinds resolving to one host) is probed once.
 */
export function buildProbePlan(step: ProbeStep, outputs: HarnessOutput, instance: InstanceRef): ProbeTarget[] {
  const port = step.port ?? outputs.service.ports[0]
  if (port === undefined) throw new Error('the fixture output lists no service port and the probe step sets none')
  const targets: ProbeTarget[] = []
  const seen = new Set<string>()
  for (const kind of new Set(step.names)) {
    for (const name of namesOf(kind, outputs, instance, step.zonal_azs)) {
      if (seen.has(name.host)) continue
      seen.add(name.host)
      targets.push({ key: `t${targets.length}`, url: `${step.scheme}://${name.host}:${port}${step.path}`, port, ...name })
    }
  }
  if (targets.length === 0) throw new Error(`probe names [${step.names.join(', ')}] give no name to probe in this fixture output (probing from ${instance.instance_id})`)
  return targets
}
