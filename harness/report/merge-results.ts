// Joins the partial results.json files of a sharded run (`plh run --shard i/n` on several
// machines) into the results of one logical run, after checking that they are shards of the same
// suite: same target, same shard count and revision, each shard once, each scenario once.
import { evaluateComparisons } from '../core/comparison-evaluate.js'
import type { Comparison } from '../core/comparison.js'
import { InputError } from '../core/errors.js'
import type { RunResults } from '../core/results.js'
import { runStatusOf } from '../run/summarize-run.js'

/** One shard's results and the file they came from (for messages). */
export interface ShardPart {
  source: string
  results: RunResults
}

/** Options of mergeShardResults. */
export interface MergeOptions {
  /** the merged run's id */
  runId: string
  /** comparisons to evaluate over the joined scenarios (those whose two scenarios ran) */
  comparisons?: readonly Comparison[]
  /** join even when some shards of 1..n are missing (default: refuse) */
  allowMissing?: boolean
}

function byTime(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b)
}

/** Checks that `parts` are distinct shards of one run; InputError naming the file and field otherwise. */
export function checkShards(parts: readonly ShardPart[], allowMissing = false): { target: string; count: number } {
  const first = parts[0]
  if (!first) throw new InputError('plh report', '--merge', 'give at least one report directory')
  for (const { source, results } of parts) {
    if (!results.shard) throw new InputError(source, 'shard', 'not the results of a shard (run with `plh run --shard i/n`)')
  }
  const { target } = first.results
  const count = first.results.shard!.count
  const revision = parts.find((p) => p.results.git_revision)?.results.git_revision
  const shardOf = new Map<number, string>()
  const scenarioOf = new Map<string, string>()
  for (const { source, results } of parts) {
    if (results.target !== target) throw new InputError(source, 'target', `"${results.target}" but ${first.source} ran on "${target}": shards of one run share a target`)
    if (results.shard!.count !== count) throw new InputError(source, 'shard.count', `${results.shard!.count} but ${first.source} is one of ${count}`)
    if (revision && results.git_revision && results.git_revision !== revision) {
      throw new InputError(source, 'git_revision', `${results.git_revision.slice(0, 12)} but another shard ran ${revision.slice(0, 12)}: shards of one run come from one checkout`)
    }
    const other = shardOf.get(results.shard!.index)
    if (other) throw new InputError(source, 'shard.index', `shard ${results.shard!.index}/${count} again (also ${other})`)
    shardOf.set(results.shard!.index, source)
    for (const s of results.scenarios) {
      const seen = scenarioOf.get(s.name)
      if (seen) throw new InputError(source, 'scenarios', `scenario "${s.name}" is also in ${seen}`)
      scenarioOf.set(s.name, source)
    }
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !shardOf.has(i))
  if (missing.length && !allowMissing) {
    throw new InputError('plh report', '--merge', `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing (pass --allow-missing to join the others)`)
  }
  return { target, count }
}

/** The results of the logical run the shards make up: scenarios in shard order, status and comparisons recomputed. */
export function mergeShardResults(parts: readonly ShardPart[], options: MergeOptions): RunResults {
  const { target } = checkShards(parts, options.allowMissing)
  const ordered = [...parts].sort((a, b) => a.results.shard!.index - b.results.shard!.index)
  const scenarios = ordered.flatMap((p) => p.results.scenarios)
  const comparisons = evaluateComparisons(options.comparisons ?? [], scenarios)
  const status = runStatusOf(scenarios, comparisons)
  const revision = ordered.find((p) => p.results.git_revision)?.results.git_revision
  return {
    run_id: options.runId,
    target,
    started_at: ordered.map((p) => p.results.started_at).sort(byTime)[0]!,
    finished_at: ordered.map((p) => p.results.finished_at).sort(byTime).at(-1)!,
    status,
    scenarios,
    ...(comparisons.length ? { comparisons } : {}),
    merged_from: ordered.map((p) => p.results.run_id),
    ...(revision ? { git_revision: revision } : {}),
  }
}
