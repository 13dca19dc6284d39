// Which tagged AWS resources the janitor removes, and in which order. Pure: it reads ARNs, tags,
// the runs alive on this machine and the clock; run-janitor.ts makes the calls.

/** The tag every fixture's providers put on everything (terraform/README.md, "Tags and names"). */
export const RUN_ID_TAG = 'plh:run-id'

/**
 * Kinds the janitor deletes, in the order it deletes them: what uses a thing goes before it.
 * Endpoints hold connections to endpoint services, which hold the NLB; the NLB holds its target
 * groups; instances hold ENIs, which hold subnets and security groups; subnets hold route table
 * associations; peering connections hold routes; the VPC goes last.
 */
export const DELETE_ORDER = [
  'vpc-endpoint',
  'vpc-endpoint-service',
  'loadbalancer',
  'targetgroup',
  'instance',
  'network-interface',
  'subnet',
  'route-table',
  'vpc-peering-connection',
  'security-group',
  'vpc',
] as const

export type ResourceKind = (typeof DELETE_ORDER)[number]

/** Kinds that go away with another resource: listed, never deleted on their own (per service). */
const GOES_WITH: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  elasticloadbalancing: {
    listener: 'goes with its load balancer',
    'listener-rule': 'goes with its load balancer',
  },
  // the fixtures' aws_vpc_security_group_*_rule resources carry the providers' default tags, so
  // the tagging API may list them: they are deleted with their group, never by hand
  ec2: {
    'security-group-rule': 'goes with its security group',
  },
}

/** One resource the Resource Groups Tagging API returned, with where it was found. */
export interface TaggedResource {
  arn: string
  /** the run configuration's account alias whose credentials found it */
  alias: string
  region: string
  tags: Record<string, string>
}

export interface PlannedResource extends TaggedResource {
  kind: ResourceKind
  /** the id the delete call takes (vpce-…, i-…, or the ARN for ELBv2) */
  id: string
  runId: string
}

export interface JanitorPlan {
  /** deletable resources, in DELETE_ORDER */
  remove: PlannedResource[]
  /** resources left alone, each with why */
  keep: Array<{ resource: TaggedResource; reason: string }>
  /** resources of finished runs the janitor cannot delete (IAM, ACM, Route 53, …): to remove by hand */
  unsupported: Array<{ resource: TaggedResource; reason: string }>
}

export interface PlanJanitorInput {
  resources: readonly TaggedResource[]
  /** run tags (the 6 hex digits at the end of a run id) alive on this machine */
  aliveTags: ReadonlySet<string>
  now: Date
  /**
   * --older-than: only runs that started this long ago count. Without it, every run not alive on
   * this machine counts (right where every run starts on this machine; a CI janitor needs it,
   * since other machines' live runs are not in this machine's registry).
   */
  olderThanMs?: number
}

/** The kind and delete id of an ARN, or why the janitor does not delete it. */
export function classifyArn(arn: string): { kind: ResourceKind; id: string } | { unsupported: string } | { goesWith: string } {
  const match = /^arn:aws[a-z-]*:([a-z0-9-]+):[^:]*:[^:]*:(.+)$/.exec(arn)
  if (!match) return { unsupported: 'not an ARN the janitor reads' }
  const [, service, resource] = match as unknown as [string, string, string]
  const [type = '', ...rest] = resource.split('/')
  const goesWith = GOES_WITH[service]?.[type]
  if (goesWith) return { goesWith }
  if (service === 'ec2') {
    const kind = DELETE_ORDER.find((k) => k === type && k !== 'loadbalancer' && k !== 'targetgroup')
    if (kind && rest.length === 1) return { kind, id: rest[0]! }
    return { unsupported: `EC2 ${type || resource} is not a kind the janitor deletes` }
  }
  if (service === 'elasticloadbalancing') {
    if (type === 'loadbalancer' || type === 'targetgroup') return { kind: type, id: arn }
  }
  return { unsupported: `${service} ${type} is not deleted by the janitor: remove it by hand (docs/aws-nightly.md, "The janitor")` }
}

/** When a run started, from its id (`20261125T123300-3f9a2c`, UTC), or undefined for ids of another shape. */
export function runStartedAt(runId: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})-[0-9a-f]{6}$/.exec(runId)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[]
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!))
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** Splits `resources` into what to delete (in dependency order), what to keep, and what needs a person. */
export function planJanitor(input: PlanJanitorInput): JanitorPlan {
  const plan: JanitorPlan = { remove: [], keep: [], unsupported: [] }
  for (const resource of input.resources) {
    const runId = resource.tags[RUN_ID_TAG]
    if (!runId) {
      plan.keep.push({ resource, reason: `no ${RUN_ID_TAG} tag` })
      continue
    }
    const verdict = runVerdict(runId, input)
    if (verdict !== undefined) {
      plan.keep.push({ resource, reason: verdict })
      continue
    }
    const kind = classifyArn(resource.arn)
    if ('goesWith' in kind) plan.keep.push({ resource, reason: kind.goesWith })
    else if ('unsupported' in kind) plan.unsupported.push({ resource, reason: kind.unsupported })
    else plan.remove.push({ ...resource, ...kind, runId })
  }
  plan.remove.sort((a, b) => DELETE_ORDER.indexOf(a.kind) - DELETE_ORDER.indexOf(b.kind) || a.arn.localeCompare(b.arn))
  return plan
}

/** Why the run's resources stay (undefined: they go). */
function runVerdict(runId: string, input: PlanJanitorInput): string | undefined {
  const tag = /-([0-9a-f]{6})$/.exec(runId)?.[1]
  const started = runStartedAt(runId)
  const age = started ? input.now.getTime() - started.getTime() : undefined
  const old = input.olderThanMs !== undefined && age !== undefined && age >= input.olderThanMs
  if (tag !== undefined && input.aliveTags.has(tag)) {
    // a run still alive past the limit is stuck: its resources go
    return old ? undefined : `run ${runId} is alive on this machine`
  }
  if (input.olderThanMs === undefined) return undefined
  if (age === undefined) return `run id ${runId} carries no start time, so its age is unknown`
  return old ? undefined : `run ${runId} started less than the --older-than limit ago (it may be alive on another machine)`
}

/** Groups a plan's removals by stage (kind), keeping DELETE_ORDER. */
export function stagesOf(remove: readonly PlannedResource[]): Array<{ kind: ResourceKind; resources: PlannedResource[] }> {
  return DELETE_ORDER.map((kind) => ({ kind, resources: remove.filter((r) => r.kind === kind) })).filter((s) => s.resources.length > 0)
}

/** Parses `90m`, `12h`, `2d`, `1w` into milliseconds; undefined for anything else. */
export function parseDuration(text: string): number | undefined {
  // four units cover what a janitor schedule needs; a library for this would be more than the code
  const m = /^(\d+)\s*(m|h|d|w)$/.exec(text.trim())
  if (!m) return undefined
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] as 'm' | 'h' | 'd' | 'w']
  const value = Number(m[1])
  return value > 0 ? value * unit : undefined
}
