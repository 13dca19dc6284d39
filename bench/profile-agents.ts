// Profiling aid (not part of `npm run bench`): what the emulator's socket agents cost when many
// are started at once, as Emulator.startServices does for a scale topology (one per VPC, all at
// once), against a bounded pool that stops each agent once its sockets are handed over.
//   node bin/run-ts.mjs bench/profile-agents.ts [AGENTS=100] [POOL=8]
// Uses one namespace of its own (plh-<tag>-agents, registered like a run), removed at the end.
import { createRunId } from '../harness/run/create-run-id.js'
import { registerRun } from '../harness/run/run-registry.js'
import { deleteNamespaces, runIpBatch } from '../harness/targets/local/netns/run-batches.js'
import { SocketAgent } from '../harness/targets/local/netns/socket-agent.js'
import pMap from 'p-map'
import { startMemorySampler } from './memory-sampler.js'
import { toMiB } from './proc-status.js'

const agents = Number(process.argv[2] ?? 100)
const pool = Number(process.argv[3] ?? 8)
const { runId, tag } = createRunId()
const ns = `plh-${tag}-agents`
const unregister = await registerRun(tag, runId)
await runIpBatch({ ns: null, lines: [`netns add ${ns}`] })
try {
  await runIpBatch({ ns, lines: ['link set lo up'] })
  const measure = async (concurrency: number) => {
    const sampler = startMemorySampler({ helperPids: () => [], intervalMs: 25 })
    const t0 = performance.now()
    await pMap(
      Array.from({ length: agents }, (_, i) => i),
      async () => {
        const agent = await SocketAgent.start(ns)
        const server = await agent.listenTcp('127.0.0.1', 0)
        server.close()
        // all-at-once keeps every agent until the end, as the emulator does; the pool stops each at once
        if (concurrency < agents) await agent.stop()
        return agent
      },
      { concurrency },
    ).then(async (all) => {
      await sampler.sample()
      await Promise.all(all.map((a) => a.stop()))
    })
    const wall = (performance.now() - t0) / 1000
    const peaks = await sampler.stop()
    return { concurrency, wall_s: Number(wall.toFixed(2)), helpers_peak: peaks.descendantsCountPeak, helpers_rss_peak_mib: toMiB(peaks.descendantsRssPeakBytes), total_pss_peak_mib: toMiB(peaks.totalPssPeakBytes), samples: peaks.samples }
  }
  const allAtOnce = await measure(agents)
  const bounded = await measure(pool)
  console.log(JSON.stringify({ agents, all_at_once: allAtOnce, bounded_pool: bounded }))
} finally {
  await deleteNamespaces([ns])
  await unregister()
}
