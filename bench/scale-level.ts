// One level of the scale benchmark, in a process of its own so that its memory peak is its own:
// `node bin/run-ts.mjs bench/scale-level.ts N` builds one service consumed by N consumer VPCs with
// the real emulator, checks that every consumer's regional and zonal names answer (real curl in
// each consumer's namespace), tears everything down (always), and prints one JSON line.
import { execa } from 'execa'
import { loadavg } from 'node:os'
import { createRunId } from '../harness/run/create-run-id.js'
import { registerRun } from '../harness/run/run-registry.js'
import { Emulator } from '../harness/targets/local/emulator.js'
import { listNamespaces } from '../harness/targets/local/netns/run-batches.js'
import { PRODUCER_BODY_PATTERN } from '../harness/targets/local/topology/build-privatelink.js'
import { planScale } from '../harness/targets/local/topology/plan-scale.js'
import pMap from 'p-map'
import { startMemorySampler } from './memory-sampler.js'
import { toMiB } from './proc-status.js'
import { timeBuildPhases } from './time-build-phases.js'
import { buildCurlArgs, buildNameChecks, judgeCurlOutput, type NameAnswer } from './scale-name-checks.js'

const consumerVpcs = Number(process.argv[2])
if (!Number.isInteger(consumerVpcs) || consumerVpcs < 1) {
  console.error('usage: scale-level.ts CONSUMER_VPCS')
  process.exit(2)
}
const CHECK_CONCURRENCY = 8
const TIMEOUTS = { connectS: 2, maxS: 4 }
const HEALTHY_TIMEOUT_MS = 30_000

const seconds = (ms: number) => Math.round(ms) / 1000
const { runId, tag } = createRunId()
const plan = planScale({ tag, seed: runId, consumerVpcs })
const planned = [...plan.vpcs.map((v) => v.ns), ...plan.instances.map((i) => i.ns)]
const clash = (await listNamespaces()).filter((n) => planned.includes(n))
if (clash.length) throw new Error(`namespaces of this bench already exist (${clash.slice(0, 3).join(', ')}…): refusing to touch them`)

// registered like a plh run, so `plh cleanup` leaves it alone while alive and reclaims it if it dies
const unregister = await registerRun(tag, runId)
const emulator = new Emulator(plan, { tag })
const sampler = startMemorySampler({ helperPids: () => emulator.helperPids() })
const phaseTimer = timeBuildPhases(emulator, { beforeFirstAgentStop: () => sampler.sample() })
// a level killed for its time limit (or Ctrl-C) still removes what it made
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void emulator.destroy().finally(async () => {
      await unregister()
      process.exit(3)
    })
  })
}
const result: Record<string, unknown> = { consumer_vpcs: consumerVpcs, namespaces: planned.length, tag, loadavg_1m_at_start: Number(loadavg()[0]!.toFixed(2)) }
let answers: NameAnswer[] = []
let exitCode = 0
try {
  const t0 = performance.now()
  await emulator.build()
  result.apply_s = seconds(performance.now() - t0)
  result.apply_profile = phaseTimer.read()
  const t1 = performance.now()
  while (!Object.values(emulator.targetHealth()).every((state) => state === 'healthy')) {
    if (performance.now() - t1 > HEALTHY_TIMEOUT_MS) throw new Error(`NLB targets not healthy after ${HEALTHY_TIMEOUT_MS / 1000} s`)
    await new Promise((r) => setTimeout(r, 50))
  }
  result.ready_s = seconds(performance.now() - t1)
  const t2 = performance.now()
  const checks = buildNameChecks(plan)
  const body = new RegExp(PRODUCER_BODY_PATTERN)
  const perConsumer = await pMap(
    checks,
    async (c) => {
      const out = await execa('ip', ['netns', 'exec', c.ns, 'curl', ...buildCurlArgs(c, TIMEOUTS)], { reject: false, timeout: (TIMEOUTS.maxS * c.names.length + 5) * 1000 })
      return judgeCurlOutput(c, out.stdout, body)
    },
    { concurrency: CHECK_CONCURRENCY },
  )
  answers = perConsumer.flat()
  result.check_s = seconds(performance.now() - t2)
} catch (error) {
  result.error = (error as Error).message
  if (process.env.PLH_BENCH_DEBUG) console.error(error)
  exitCode = 3
} finally {
  const peaks = await sampler.stop()
  const t3 = performance.now()
  const left = await emulator.destroy()
  result.destroy_s = seconds(performance.now() - t3)
  const stillThere = (await listNamespaces()).filter((n) => planned.includes(n))
  result.left_behind = [...new Set([...left, ...stillThere])]
  await unregister()
  const failed = answers.filter((a) => !a.ok)
  result.names = { expected: plan.instances.filter((i) => i.role === 'consumer').length * (1 + plan.endpoints[0]!.zonal.length), checked: answers.length, answered: answers.length - failed.length, failures: failed.slice(0, 5) }
  result.memory = {
    main_hwm_mib: toMiB(peaks.mainHwmBytes),
    helper_pids_rss_peak_mib: toMiB(peaks.helperRssPeakBytes),
    helper_pids_peak: peaks.helperCountPeak,
    descendants_rss_peak_mib: toMiB(peaks.descendantsRssPeakBytes),
    descendants_peak: peaks.descendantsCountPeak,
    total_rss_peak_mib: toMiB(peaks.totalRssPeakBytes),
    // the kernel's peak of this process plus the sampled peak of its helpers: an upper bound
    peak_upper_bound_mib: toMiB(peaks.mainHwmBytes + peaks.descendantsRssPeakBytes),
    total_pss_peak_mib: toMiB(peaks.totalPssPeakBytes),
    samples: peaks.samples,
  }
  if ((result.left_behind as string[]).length) exitCode = 4
}
console.log(JSON.stringify(result))
process.exitCode = exitCode
