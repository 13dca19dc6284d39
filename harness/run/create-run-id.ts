// Run ids: sortable by time, unique by a random tag short enough for Linux link names.
import { randomBytes } from 'node:crypto'

/** A new run id `20261125T123300-3f9a2c` and its tag `3f9a2c`. */
export function createRunId(now: Date = new Date()): { runId: string; tag: string } {
  const tag = randomBytes(3).toString('hex')
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '')
  return { runId: `${stamp}-${tag}`, tag }
}
