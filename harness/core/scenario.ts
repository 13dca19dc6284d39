// The scenario schema: a fixture, variable overrides, and a sequence of steps (probes with
// expectations, actions on the topology). Scenario files call `defineScenario`, so the editor
// completes and checks them; the same schema validates them at load time with a message that
// names the file and the field.
import { z } from 'zod'

export const nameKinds = ['regional', 'zonal', 'tls', 'consumer-ips', 'producer-ips', 'nlb-ips'] as const
export type NameKind = (typeof nameKinds)[number]

export const failureClasses = ['timeout', 'refused', 'dns', 'tls-verify', 'tls-name', 'http-status', 'no-route', 'other'] as const
export type FailureClass = (typeof failureClasses)[number]

export const timings = ['time_namelookup', 'time_connect', 'time_appconnect', 'time_starttransfer', 'time_total'] as const
export type Timing = (typeof timings)[number]

const pattern = z
  .union([z.string(), z.instanceof(RegExp)])
  .transform((p) => (typeof p === 'string' ? p : p.source))
  .refine(
    (p) => {
      try {
        new RegExp(p)
        return true
      } catch {
        return false
      }
    },
    { message: 'not a valid regular expression' },
  )

const ms = z.number().positive().max(600_000)

export const latencyBoundsSchema = z
  .object({
    timing: z.enum(timings).default('time_total'),
    p50: ms.optional(),
    p95: ms.optional(),
    p99: ms.optional(),
    max: ms.optional(),
  })
  .strict()

export const expectationsSchema = z
  .object({
    /** HTTP status every successful sample must carry (default: the service's expected status) */
    status: z.number().int().min(100).max(599).optional(),
    /** body pattern (default: the service's expected body pattern) */
    body: pattern.optional(),
    /** minimum share of samples that succeed (default 1 unless `failure` is set) */
    success_ratio: z.number().min(0).max(1).optional(),
    /** every sample must fail, and fail in this way: the probe passes because the failure happens */
    failure: z.enum(failureClasses).optional(),
    /** a zonal name must resolve to the endpoint ENI of its own AZ (and only that) */
    resolves_to_own_az: z.boolean().optional(),
    /** upper bounds on latency percentiles, in ms */
    latency: latencyBoundsSchema.optional(),
    /** the body (the producer's /whoami answer: the source address it saw) is one of the NLB's own IPs */
    source_is_nlb: z.boolean().optional(),
    /** the median of the model's timing is within max(ms, ratio × model) of the target's latency model */
    within_model: z
      .object({ ms: ms.default(2), ratio: z.number().min(0).max(1).default(0.05) })
      .strict()
      .optional(),
    /** the median of `timing` exceeds the median of an earlier probe step's (1-based `step`) by at least `by_ms` */
    median_exceeds: z
      .object({ step: z.number().int().min(1), by_ms: z.number().min(0).max(600_000), timing: z.enum(timings).default('time_starttransfer') })
      .strict()
      .optional(),
  })
  .strict()

export const probeStepSchema = z
  .object({
    kind: z.literal('probe'),
    title: z.string().min(1).optional(),
    /** which instances run the probe (bystanders: instances of the fixture that are neither, e.g. a third peered VPC) */
    from: z.enum(['consumers', 'producers', 'bystanders']).default('consumers'),
    /** which names to probe: the endpoint's regional name, each zonal name, the TLS hostname, the consumers' private IPs */
    names: z.array(z.enum(nameKinds)).min(1).default(['regional', 'zonal']),
    /** only the zonal names of these AZs (default: every AZ's) */
    zonal_azs: z.array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d[a-z]$/, 'expected an availability zone such as us-east-1a')).min(1).optional(),
    scheme: z.enum(['http', 'https']).default('http'),
    /** TCP port (default: the service's first listener port) */
    port: z.number().int().min(1).max(65535).optional(),
    path: z
      .string()
      .regex(/^\/[^\s]*$/, 'must start with / and contain no white space')
      .default('/'),
    samples: z.number().int().min(1).max(1000).default(20),
    /** curl --max-time per request, seconds */
    timeout_s: z.number().positive().max(120).default(5),
    /** curl --connect-timeout per request, seconds */
    connect_timeout_s: z.number().positive().max(60).default(2),
    expect: expectationsSchema.default({}),
  })
  .strict()

const actionSchemas = [
  z.object({ kind: z.literal('accept-endpoint'), title: z.string().optional() }).strict(),
  z.object({ kind: z.literal('wait'), title: z.string().optional(), seconds: z.number().min(0).max(3600) }).strict(),
  z
    .object({
      // the NLB targets in `az` fail their health checks for real or pass them again; they stay registered
      kind: z.literal('set-target-health'),
      title: z.string().optional(),
      az: z.string().min(1),
      healthy: z.boolean(),
    })
    .strict(),
  z
    .object({
      // the NLB targets in `az` leave their target groups or join them again
      kind: z.literal('set-target-registration'),
      title: z.string().optional(),
      az: z.string().min(1),
      registered: z.boolean(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('expect-endpoint-state'),
      title: z.string().optional(),
      state: z.enum(['pendingAcceptance', 'pending', 'available', 'rejected', 'failed']),
    })
    .strict(),
] as const

export const actionStepSchema = z.discriminatedUnion('kind', [...actionSchemas])

// one discriminated union, so a bad field is reported at its own path, not as "invalid union"
export const stepSchema = z.discriminatedUnion('kind', [probeStepSchema, ...actionSchemas])

const varValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(varValue), z.record(varValue)]),
)

export const scenarioSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes'),
    fixture: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes'),
    description: z.string().min(1),
    /** the behaviour this scenario demonstrates, in one line */
    proves: z.string().min(1).optional(),
    /** targets that can run it (default both) */
    targets: z.array(z.enum(['local', 'aws'])).min(1).default(['local', 'aws']),
    /** an assumption of the local emulator that this scenario depends on (AWS does not document the behaviour) */
    assumes: z.string().optional(),
    vars: z.record(varValue).default({}),
    /** when set, apply must fail with an error matching this pattern (the scenario passes because it does) */
    expect_apply_error: pattern.optional(),
    steps: z.array(stepSchema).default([]),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.expect_apply_error === undefined && s.steps.length === 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['steps'], message: 'a scenario needs at least one step' })
    }
    s.steps.forEach((step, i) => {
      const ref = step.kind === 'probe' ? step.expect.median_exceeds?.step : undefined
      if (ref === undefined) return
      if (ref > i || s.steps[ref - 1]?.kind !== 'probe') {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['steps', i, 'expect', 'median_exceeds', 'step'], message: `must name an earlier probe step (1 to ${i}), got ${ref}` })
      }
    })
  })

export type ScenarioInput = z.input<typeof scenarioSchema>
export type Scenario = z.output<typeof scenarioSchema>
export type Step = z.output<typeof stepSchema>
export type ProbeStep = z.output<typeof probeStepSchema>
export type ProbeStepInput = z.input<typeof probeStepSchema>
export type ActionStep = z.output<typeof actionStepSchema>
export type Expectations = z.output<typeof expectationsSchema>

/** Scenario files default-export this: the input is typed, so the editor completes and checks it. */
export function defineScenario(input: ScenarioInput): ScenarioInput {
  return input
}

/** A probe step, typed without spelling `kind`. */
export function probe(input: Omit<ProbeStepInput, 'kind'>): ProbeStepInput {
  return { kind: 'probe', ...input }
}

/** Accept every pending connection to the fixture's endpoint service. */
export function acceptEndpoint(title?: string): z.input<typeof actionStepSchema> {
  return title ? { kind: 'accept-endpoint', title } : { kind: 'accept-endpoint' }
}
