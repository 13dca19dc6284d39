// Sharded runs (`plh run --shard i/n`): every CI machine picks its part of the suite from the same
// checkout, so the split must depend on nothing but the scenario names.
import { InputError } from '../core/errors.js'

/** One shard of a sharded run: `index` counts from 1, as `--shard 2/3` reads. */
export interface Shard {
  index: number
  count: number
}

/** Parses `--shard i/n` (1 ≤ i ≤ n ≤ 64); InputError naming --shard otherwise. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  if (!match) throw new InputError('plh run', '--shard', `expected i/n such as 2/3, got "${text}"`)
  const index = Number(match[1])
  const count = Number(match[2])
  if (count < 1 || count > 64) throw new InputError('plh run', '--shard', `the shard count must be from 1 to 64, got ${count}`)
  if (index < 1 || index > count) throw new InputError('plh run', '--shard', `the shard index must be from 1 to ${count}, got ${index}`)
  return { index, count }
}

/**
 * The items of shard `index` of `count`: sorted by name, dealt round-robin, so that the split is
 * the same on every machine whatever order the files were listed in, every shard gets one when
 * there are at least `count` items, and shard sizes differ by at most one.
 */
export function selectShard<T>(items: readonly T[], index: number, count: number, nameOf: (item: T) => string): T[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`selectShard: count must be a whole number ≥ 1, got ${count}`)
  if (!Number.isInteger(index) || index < 1 || index > count) throw new RangeError(`selectShard: index must be from 1 to ${count}, got ${index}`)
  const sorted = [...items].sort((x, y) => (nameOf(x) < nameOf(y) ? -1 : nameOf(x) > nameOf(y) ? 1 : 0))
  return sorted.filter((_, i) => i % count === index - 1)
}
