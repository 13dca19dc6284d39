// Account ids are not secret but are not for every reader of a shared report either: the HTML can
// show them as ****1234. Masking happens on a copy of the results, before rendering.
import type { RunResults } from '../core/results.js'

// 12 digits standing alone (not part of a longer number, a hex id or a dashed UUID segment)
const accountPattern = /(?<![\w-])(\d{8})(\d{4})(?![\w-])/g

/** Replaces each stand-alone 12-digit account id in a string with ****<last four>. */
export function maskAccountIds(text: string): string {
  return text.replace(accountPattern, (_m, _head: string, tail: string) => `****${tail}`)
}

// invocations[].log and logs[].path are links to files: masking them would break the links
const linkKeys = new Set(['log', 'path'])

function maskValue(value: unknown, key: string | null): unknown {
  if (typeof value === 'string') return key !== null && linkKeys.has(key) ? value : maskAccountIds(value)
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1e11 && value < 1e12) {
    return maskAccountIds(String(value))
  }
  if (Array.isArray(value)) return value.map((v) => maskValue(v, null))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v, k)]))
  }
  return value
}

/** Returns a deep copy of the results with account ids masked everywhere but in log paths (links must keep working). */
export function maskRunResults(results: RunResults): RunResults {
  return maskValue(results, null) as RunResults
}
