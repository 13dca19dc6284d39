// Pure part of the scale benchmark's "every consumer's names answer": which names each consumer
// instance must reach (regional and every zonal name of its own endpoint), the curl argument
// list that asks each once with short timeouts, and the judging of curl's output.
import type { TopologyPlan } from '../harness/targets/local/topology/plan-types.js'

export interface NameCheck {
  kind: 'regional' | 'zonal'
  az: string | null
  dns: string
  url: string
  /** the ENI IPs the name may resolve to */
  allowedIps: string[]
}

export interface ConsumerChecks {
  instanceId: string
  ns: string
  vpc: string
  names: NameCheck[]
}

/** Output marker after each response body (curl -w); a body never starts a line with it. */
export const CHECK_MARKER = '@@plh-scale'

/** One entry per consumer instance: its endpoint's regional name and each zonal name. */
export function buildNameChecks(plan: TopologyPlan): ConsumerChecks[] {
  return plan.instances
    .filter((i) => i.role === 'consumer')
    .map((inst) => {
      const endpoint = plan.endpoints.find((e) => e.vpc === inst.vpc)
      if (!endpoint) throw new Error(`consumer ${inst.id} has no endpoint in its VPC ${inst.vpc}`)
      const port = endpoint.ports[0]!
      const url = (host: string) => `http://${host}${port === 80 ? '' : `:${port}`}/`
      return {
        instanceId: inst.id,
        ns: inst.ns,
        vpc: inst.vpc,
        names: [
          { kind: 'regional' as const, az: null, dns: endpoint.regionalDns, url: url(endpoint.regionalDns), allowedIps: endpoint.enis.map((e) => e.ip) },
          ...endpoint.zonal.map((z) => ({
            kind: 'zonal' as const,
            az: z.az,
            dns: z.dns,
            url: url(z.dns),
            allowedIps: endpoint.enis.filter((e) => e.az === z.az).map((e) => e.ip),
          })),
        ],
      }
    })
}

/** curl's arguments: every name once, body then a marker line per transfer, bounded by timeouts. */
export function buildCurlArgs(checks: ConsumerChecks, timeouts: { connectS: number; maxS: number }): string[] {
  return [
    '--silent',
    '--connect-timeout',
    String(timeouts.connectS),
    '--max-time',
    String(timeouts.maxS),
    '--write-out',
    `\\n${CHECK_MARKER} %{url_effective} %{http_code} %{remote_ip} %{exitcode}\\n`,
    ...checks.names.map((n) => n.url),
  ]
}

export interface NameAnswer {
  url: string
  ok: boolean
  http_code: number
  remote_ip: string
  detail: string
}

/** Judges curl's output: a name answers when it gave HTTP 200, the producer's body, from an allowed ENI IP. */
export function judgeCurlOutput(checks: ConsumerChecks, stdout: string, bodyPattern: RegExp): NameAnswer[] {
  const seen = new Map<string, { code: number; ip: string; exit: number; body: string }>()
  let body = ''
  for (const line of stdout.split('\n')) {
    if (line.startsWith(`${CHECK_MARKER} `)) {
      const [, url = '', code = '0', ip = '', exit = '-1'] = line.split(' ')
      seen.set(url, { code: Number(code), ip, exit: Number(exit), body })
      body = ''
    } else body += line + '\n'
  }
  return checks.names.map((name) => {
    const got = seen.get(name.url)
    if (!got) return { url: name.url, ok: false, http_code: 0, remote_ip: '', detail: 'no answer line from curl' }
    const problems: string[] = []
    if (got.exit !== 0) problems.push(`curl exit ${got.exit}`)
    if (got.code !== 200) problems.push(`HTTP ${got.code}`)
    if (!bodyPattern.test(got.body.trim())) problems.push('body does not match the producer')
    if (!name.allowedIps.includes(got.ip)) problems.push(`answered from ${got.ip || 'nowhere'}, expected ${name.allowedIps.join(' or ')}`)
    return { url: name.url, ok: problems.length === 0, http_code: got.code, remote_ip: got.ip, detail: problems.join('; ') || 'ok' }
  })
}
