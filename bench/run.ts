// `npm run bench`: runs the local nightly suite once and prints one JSON object as its last line
// (also written to bench/results.json). Measures what a run can tell about itself: wall time,
// per-scenario phases, and SSM API calls per probe sample. Method: bench/README.md.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startRun } from '../harness/run/start-run.js'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const reportDir = await mkdtemp(join(tmpdir(), 'plh-bench-'))
try {
  const t0 = performance.now()
  const outcome = await startRun({ root, target: 'local', reportDir, quiet: true })
  const wallS = (performance.now() - t0) / 1000
  const scenarios = outcome.results.scenarios
  const samples = scenarios.reduce((n, s) => n + s.probes.reduce((m, p) => m + p.samples, 0), 0)
  const apiCalls = scenarios.reduce((n, s) => n + s.ssm_api_calls, 0)
  const result = {
    bench: 'local-suite',
    at: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    status: outcome.results.status,
    suite: {
      wall_s: Number(wallS.toFixed(2)),
      target_s: 60,
      scenarios: Object.fromEntries(scenarios.map((s) => [s.name, s.phases])),
    },
    ssm: {
      probe_samples: samples,
      api_calls: apiCalls,
      calls_per_sample: samples ? Number((apiCalls / samples).toFixed(4)) : null,
      target_calls_per_sample: 0.1,
    },
  }
  await writeFile(join(root, 'bench', 'results.json'), JSON.stringify(result, null, 2) + '\n')
  console.log(JSON.stringify(result))
  process.exitCode = outcome.exitCode
} finally {
  await rm(reportDir, { recursive: true, force: true })
}
