// `npm run bench`: the benchmarks of issue 7 on the local target, each timed part run N times
// (`--runs N` or PLH_BENCH_RUNS, default 3), as one JSON object printed as the last line and
// written to bench/results.json, from which both READMEs' figure blocks are generated. Wires the
// pieces together; each is its own module (suite, scale, combine-runs, targets, …). Method and
// formulas: bench/README.md. Not part of `npm test` (the unit tests of the pure parts are).
//   --skip-suite / --skip-scale   for working on one part (results.json and the READMEs are then not written,
//                                 nor with fewer than 3 runs)
import { cpus, loadavg, totalmem } from 'node:os'
import { writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { combineRuns, type TimedSuiteRun } from './combine-runs.js'
import { MIN_REPETITIONS_FOR_RESULTS, parseRepetitions } from './repeat.js'
import { SCALE_LEVELS, runScale, type ScaleLevelResult } from './scale.js'
import { runSuite } from './suite.js'
import { writeFigureDocs } from './write-figure-docs.js'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const skipSuite = process.argv.includes('--skip-suite')
const skipScale = process.argv.includes('--skip-scale')
const parsed = parseRepetitions(process.argv.slice(2), process.env)
if ('error' in parsed) {
  console.error(parsed.error)
  process.exit(2)
}
const repetitions = parsed.runs
const started = performance.now()
/** `npm run bench` ends within this, whatever happens: 6 minutes per repetition (a suite limit, the scale levels that fit) */
const BENCH_LIMIT_MS = repetitions * 6 * 60_000
const deadline = started + BENCH_LIMIT_MS
/** a suite run is not started with less than this left */
const SUITE_MIN_MS = 90_000
// the machine is shared: the load around the run says how much to trust its times
const load = () => loadavg().map((l) => Number(l.toFixed(2)))
const loadAtStart = load()

const log = (msg: string) => console.error(`bench: ${msg}`)
const suites: TimedSuiteRun[] = []
const scaleRuns: ScaleLevelResult[][] = []
// the parts alternate, so that a change in the machine's load falls on both
for (let i = 0; i < repetitions; i++) {
  const label = `run ${i + 1} of ${repetitions}`
  if (!skipSuite) {
    const left = deadline - performance.now()
    const loadavg_1m_at_start = load()[0]!
    if (left < SUITE_MIN_MS) {
      suites.push({ wall_s: 0, status: 'skipped', exit_code: -1, scenarios: [], error: "skipped: it could not finish within the bench's time limit", loadavg_1m_at_start })
    } else {
      log(`${label}: the local suite (plh run --target local)…`)
      const suite = await runSuite(root, { timeoutMs: left - 30_000 })
      suites.push({ ...suite, loadavg_1m_at_start })
      log(`${label}: suite ${suite.wall_s} s, ${suite.status}`)
    }
  }
  if (!skipScale) {
    log(`${label}: scale, ${SCALE_LEVELS.join(', ')} consumer VPCs…`)
    scaleRuns.push(await runScale(root, { deadline }))
  }
}

const result = {
  bench: 'local',
  at: new Date().toISOString(),
  command: `npm run bench -- --runs ${repetitions}`,
  repetitions,
  machine: { cpus: cpus().length, memory_gib: Math.round(totalmem() / 2 ** 30), node: process.version, loadavg_at_start: loadAtStart, loadavg_at_end: load() },
  bench_wall_s: Math.round(performance.now() - started) / 1000,
  ...(skipSuite || skipScale ? { skipped: [...(skipSuite ? ['suite'] : []), ...(skipScale ? ['scale'] : [])] } : {}),
  ...combineRuns(suites, scaleRuns),
}
const line = JSON.stringify(result)
if (!skipSuite && !skipScale && repetitions >= MIN_REPETITIONS_FOR_RESULTS) {
  await writeFile(join(root, 'bench', 'results.json'), JSON.stringify(result, null, 2) + '\n')
  // both READMEs show exactly these figures
  await writeFigureDocs(root, result)
} else log(`results.json and the READMEs are written only by a full run of at least ${MIN_REPETITIONS_FOR_RESULTS} repetitions`)
console.log(line)
process.exitCode = suites.some((s) => s.error && s.status !== 'skipped') || scaleRuns.flat().some((l) => l.error) ? 3 : 0
