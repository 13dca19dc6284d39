// The bench runs each timed part N times, because one run on a shared machine says little: the
// same code gave a 55.6 s suite once and 64.9 s at a similar load later. Figures are reported as
// the median with the spread (min, max and every run), and a target is judged on the median.
// Pure: the number of repetitions from the command line, spreads, the run a median comes from.
import { median } from '../harness/stats/summarize-latency.js'

/** Repetitions when nothing says otherwise; the README's figures need at least this many. */
export const DEFAULT_REPETITIONS = 3
export const MIN_REPETITIONS_FOR_RESULTS = 3

/** A figure over repetitions: the median, the range, and each run's value in run order (null: that run gave none). */
export interface Spread {
  median: number
  min: number
  max: number
  /** how many runs gave a value */
  n: number
  runs: Array<number | null>
}

const round = (n: number) => Number(n.toFixed(4))

/** The spread of the runs' values; null when no run gave one. */
export function spreadOf(runs: ReadonlyArray<number | null | undefined>): Spread | null {
  const values = runs.filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
  if (values.length === 0) return null
  return { median: round(median(values)!), min: Math.min(...values), max: Math.max(...values), n: values.length, runs: runs.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)) }
}

/**
 * The index of the run whose value is the median (for an even count, the lower of the two middle
 * runs), so that the detail tables come from one real run; -1 when no run gave a value.
 */
export function medianRunIndex(runs: ReadonlyArray<number | null | undefined>): number {
  const indexed = runs.flatMap((v, i) => (typeof v === 'number' && Number.isFinite(v) ? [{ v, i }] : []))
  if (indexed.length === 0) return -1
  indexed.sort((a, b) => a.v - b.v || a.i - b.i)
  return indexed[Math.floor((indexed.length - 1) / 2)]!.i
}

/**
 * N from `--runs N` or PLH_BENCH_RUNS (the flag wins), DEFAULT_REPETITIONS otherwise. A value that
 * is not a whole number from 1 to 20 is bad input: the message names where it came from.
 */
export function parseRepetitions(argv: readonly string[], env: NodeJS.ProcessEnv): { runs: number } | { error: string } {
  const at = argv.indexOf('--runs')
  const fromFlag = at === -1 ? undefined : (argv[at + 1] ?? '')
  const [text, source] = fromFlag !== undefined ? [fromFlag, '--runs'] : env.PLH_BENCH_RUNS !== undefined ? [env.PLH_BENCH_RUNS, 'PLH_BENCH_RUNS'] : [undefined, '']
  if (text === undefined) return { runs: DEFAULT_REPETITIONS }
  const runs = Number(text)
  if (!/^\d+$/.test(text) || runs < 1 || runs > 20) return { error: `bench: ${source} must be a whole number from 1 to 20, got '${text}'` }
  return { runs }
}
