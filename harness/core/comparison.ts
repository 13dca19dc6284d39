// Comparisons between two scenarios of one run (scenarios/*.comparison.ts): the latency of two
// topologies side by side, optionally with an expectation ("a is faster by at least 5 ms") that
// fails the run when it does not hold. The schema validates comparison files like scenario files.
import { z } from 'zod'
import type { SampleComparison } from '../stats/compare-samples.js'
import { timings, type Timing } from './scenario.js'

/** Which probed names a comparison pools: the endpoint's regional name, its zonal names, or the extra hostname (TLS CNAME). */
export const comparisonNameKinds = ['regional', 'zonal', 'hostname'] as const
export type ComparisonNameKind = (typeof comparisonNameKinds)[number]

const scenarioName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes (a scenario name)')

export const comparisonExpectSchema = z
  .object({
    /** the side that must be faster: the rank test and the bootstrap interval must both say so */
    faster: z.enum(['a', 'b']),
    /** and its median must be lower by at least this much (ms) */
    by_at_least_ms: z.number().min(0).max(600_000).optional(),
  })
  .strict()

export const comparisonSchema = z
  .object({
    name: scenarioName,
    description: z.string().min(1),
    a: scenarioName,
    b: scenarioName,
    name_kind: z.enum(comparisonNameKinds).default('regional'),
    /** default: the latency model's timing of the probes when both sides have the same one, else time_starttransfer */
    timing: z.enum(timings).optional(),
    expect: comparisonExpectSchema.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.a === c.b) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['b'], message: `must name another scenario than a ("${c.a}")` })
  })

export type ComparisonInput = z.input<typeof comparisonSchema>
export type Comparison = z.output<typeof comparisonSchema>
export type ComparisonExpect = z.output<typeof comparisonExpectSchema>

/** Comparison files default-export this: the input is typed, so the editor completes and checks it. */
export function defineComparison(input: ComparisonInput): ComparisonInput {
  return input
}

/** One evaluated comparison, as results.json carries it. */
export interface ComparisonResult {
  name: string
  description: string
  a: string
  b: string
  name_kind: ComparisonNameKind
  timing: Timing
  /** null when a side has no successful sample of that kind of name */
  stats: SampleComparison | null
  expect?: ComparisonExpect
  /** passed/failed judge the expectation (failed too when a side has no sample to judge); `informational` has none; `skipped`: no expectation and no samples */
  status: 'passed' | 'failed' | 'informational' | 'skipped'
  /** one line saying why */
  detail: string
}
