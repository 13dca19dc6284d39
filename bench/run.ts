// `npm run bench`: the benchmarks of issue 7 on the local target, as one JSON object printed as
// the last line and written to bench/results.json. Wires the pieces together; each is its own
// module (suite, scale, fidelity, overhead, ssm-calls, aws-projection, targets). Method and
// formulas: bench/README.md. Not part of `npm test` (the unit tests of the pure parts are).
//   --skip-suite / --skip-scale   for working on one part (results.json and the README's figures are then not written)
import { cpus, loadavg, totalmem } from 'node:os'
import { readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { computeAwsProjection } from './aws-projection.js'
import { computeFidelity } from './fidelity.js'
import { computeOverhead } from './overhead.js'
import { renderFigures, replaceFigures } from './render-figures.js'
import { SCALE_LEVELS, runScale } from './scale.js'
import { computeSsmCalls } from './ssm-calls.js'
import { runSuite, summarizeSuite, type SuiteRun } from './suite.js'
import { judgeTargets } from './targets.js'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const skipSuite = process.argv.includes('--skip-suite')
const skipScale = process.argv.includes('--skip-scale')
const started = performance.now()
/** `npm run bench` ends within this, whatever happens (suite limit + the scale levels that fit) */
const BENCH_LIMIT_MS = 10 * 60_000
// the machine is shared: the load around the run says how much to trust its times
const loadAtStart = loadavg().map((l) => Number(l.toFixed(2)))

const log = (msg: string) => console.error(`bench: ${msg}`)
log('running the local suite (plh run --target local)…')
const suite: SuiteRun = skipSuite ? { wall_s: 0, status: 'skipped', exit_code: 0, scenarios: [] } : await runSuite(root)
log(`suite: ${suite.wall_s} s, ${suite.status}`)
log(`scale: ${SCALE_LEVELS.join(', ')} consumer VPCs…`)
const scale = skipScale ? [] : await runScale(root, { deadline: started + BENCH_LIMIT_MS })

const scenarios = suite.scenarios
const overhead = computeOverhead(scenarios)
const fidelity = computeFidelity(scenarios)
const ssm = computeSsmCalls(scenarios)
const result = {
  bench: 'local',
  at: new Date().toISOString(),
  command: 'npm run bench',
  machine: { cpus: cpus().length, memory_gib: Math.round(totalmem() / 2 ** 30), node: process.version, loadavg_at_start: loadAtStart, loadavg_at_end: loadavg().map((l) => Number(l.toFixed(2))) },
  bench_wall_s: Math.round(performance.now() - started) / 1000,
  ...(skipSuite || skipScale ? { skipped: [...(skipSuite ? ['suite'] : []), ...(skipScale ? ['scale'] : [])] } : {}),
  targets: judgeTargets({
    suiteWallS: skipSuite ? null : suite.wall_s,
    overhead,
    fidelity,
    callsPerSample: ssm.calls_per_sample,
    scale: scale as Parameters<typeof judgeTargets>[0]['scale'],
  }),
  suite: summarizeSuite(suite),
  overhead_ratio: overhead,
  fidelity,
  ssm,
  scale: { levels: scale },
  aws_projection: computeAwsProjection(scenarios),
}
const line = JSON.stringify(result)
if (!skipSuite && !skipScale) {
  await writeFile(join(root, 'bench', 'results.json'), JSON.stringify(result, null, 2) + '\n')
  // bench/README.md shows exactly these figures
  const readmePath = join(root, 'bench', 'README.md')
  await writeFile(readmePath, replaceFigures(await readFile(readmePath, 'utf8'), renderFigures(result)))
}
console.log(line)
process.exitCode = suite.error || scale.some((l) => l.error) ? 3 : 0
