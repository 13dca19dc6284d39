// What a scenario's worker tells the `plh run` process about its progress: one JSON object per
// line (see write-progress.ts). Phases follow the lifecycle of scenario-session.ts; probe batches
// carry samples done out of total per instance; terraform events carry its own resource counts.
import { z } from 'zod'

export const phases = ['apply', 'ready', 'probe', 'destroy'] as const
export type Phase = (typeof phases)[number]

const base = { scenario: z.string().min(1), at: z.number() }

export const progressEventSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('phase'),
    phase: z.enum(phases),
    state: z.enum(['start', 'done', 'failed']),
    detail: z.string().optional(),
    /** a failure the scenario expects (expect_apply_error): the part of the error its pattern matched */
    expected: z.string().optional(),
  }),
  /** terraform's own `-json` progress, counted: resources done out of those planned */
  z.object({ ...base, kind: z.literal('resources'), operation: z.enum(['apply', 'destroy']), done: z.number().int().min(0), total: z.number().int().min(0) }),
  /** one terraform `-json` message, for --verbose */
  z.object({ ...base, kind: z.literal('terraform'), type: z.string(), message: z.string() }),
  z.object({
    ...base,
    kind: z.literal('step'),
    index: z.number().int().min(0),
    title: z.string(),
    state: z.enum(['start', 'done', 'failed']),
    /** the failure class a probe step expects (expect.failure): its samples pass by failing this way */
    expects: z.string().optional(),
  }),
  /** one probe batch came back from one instance: samples done out of that instance's total for the step */
  z.object({
    ...base,
    kind: z.literal('probe-batch'),
    step: z.number().int().min(0),
    instance: z.string(),
    az: z.string(),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
  /** the scenario is over: its result's status and expectations, counted as the run summary counts them */
  z.object({ ...base, kind: z.literal('outcome'), status: z.enum(['passed', 'failed', 'error']), held: z.number().int().min(0), total: z.number().int().min(0) }),
])

export type ProgressEvent = z.infer<typeof progressEventSchema>

/** Distributes Omit over the union, so callers can build an event without `scenario` and `at`. */
export type ProgressEventBody = ProgressEvent extends infer E ? (E extends ProgressEvent ? Omit<E, 'scenario' | 'at'> : never) : never

/** Parses one line of a progress file; null for a line that is not an event (a torn write, another writer's noise). */
export function parseProgressLine(line: string): ProgressEvent | null {
  if (!line.trim()) return null
  try {
    const parsed = progressEventSchema.safeParse(JSON.parse(line))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
