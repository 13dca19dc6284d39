// The local AWS benchmark: the same-region fixture applied by real terraform against the local AWS
// API, then readiness, then destroy, in this process so that the control plane's own cost is
// measurable. Prints one JSON line: phase times, API requests per apply and destroy (by
// service:Action), the API's answer latency (p50/p99 of handler + codec time as the server saw it),
// and this process's CPU time and peak RSS (API, reconciler and data plane; terraform's own
// processes are not counted). Run: `node bin/run-ts.mjs bench/local-aws.ts` with
// PLH_TF_PROVIDER_MIRROR set. Always tears down.
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { quantile } from 'simple-statistics'
import { createRunId } from '../harness/run/create-run-id.js'
import { loadFixture } from '../harness/run/load-fixture.js'
import { registerRun } from '../harness/run/run-registry.js'
import type { ApiRequestRecord } from '../harness/targets/local/api/server/start-aws-api.js'
import { LocalAwsTarget } from '../harness/targets/local/local-aws-target.js'
import { startMemorySampler } from './memory-sampler.js'
import { toMiB } from './proc-status.js'

const FIXTURE = 'same-region-cross-account'
const root = resolve(import.meta.dirname, '..')
const seconds = (ms: number): number => Math.round(ms) / 1000
const { runId, tag } = createRunId()
const unregister = await registerRun(tag, runId)
const work = await mkdtemp(join(tmpdir(), 'plh-bench-local-aws-'))
const fixture = await loadFixture(root, FIXTURE)
const vars = Object.fromEntries(Object.entries(fixture.variables).map(([k, v]) => [k, v.default]))
const records: Array<ApiRequestRecord & { phase: string }> = []
let phase = 'apply'
const target = new LocalAwsTarget({ source: 'bench', root, onRequest: (r) => records.push({ ...r, phase }) })
const log = { info() {}, warn() {}, error() {}, debug() {} }
const memory = startMemorySampler({ helperPids: () => [] })
const cpuStart = process.cpuUsage()
const times: Record<string, number> = {}
let error: string | undefined
try {
  let t = performance.now()
  const outputs = await target.apply(fixture, vars, { runId, tag, workDir: work, logDir: work, log })
  times.apply_s = seconds(performance.now() - t)
  phase = 'ready'
  t = performance.now()
  await target.waitReady(outputs)
  times.ready_s = seconds(performance.now() - t)
} catch (e) {
  error = (e as Error).message
} finally {
  phase = 'destroy'
  const t = performance.now()
  await target.destroy().catch((e: Error) => (error ??= e.message))
  times.destroy_s = seconds(performance.now() - t)
  await rm(work, { recursive: true, force: true })
  await unregister()
}
const cpu = process.cpuUsage(cpuStart)
const peak = await memory.stop()
const count = (p: string) => records.filter((r) => r.phase === p).length
const byAction = (p: string) => Object.fromEntries(Object.entries(records.filter((r) => r.phase === p).reduce<Record<string, number>>((m, r) => ((m[`${r.service}:${r.action}`] = (m[`${r.service}:${r.action}`] ?? 0) + 1), m), {})).sort((a, b) => b[1] - a[1]))
const ms = records.map((r) => r.ms)
console.log(
  JSON.stringify({
    bench: 'local-aws',
    fixture: FIXTURE,
    ok: error === undefined,
    ...(error ? { error } : {}),
    ...times,
    api_requests: { apply: count('apply'), ready: count('ready'), destroy: count('destroy') },
    api_requests_by_action_apply: byAction('apply'),
    api_latency_ms: ms.length ? { p50: Math.round(quantile(ms, 0.5) * 100) / 100, p99: Math.round(quantile(ms, 0.99) * 100) / 100, max: Math.round(Math.max(...ms) * 100) / 100 } : null,
    api_errors: records.filter((r) => r.errorCode).length,
    process_cpu_s: seconds((cpu.user + cpu.system) / 1000),
    process_peak_rss_mib: toMiB(peak.mainHwmBytes),
    // terraform, its provider plugin, socket agents, ip/nft/curl: every process this one started
    descendants_peak_rss_mib: toMiB(peak.descendantsRssPeakBytes),
    load_avg_1m: Math.round(loadavg()[0]! * 100) / 100,
  }),
)
process.exit(error === undefined ? 0 : 1)
