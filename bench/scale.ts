// The scale benchmark: runs scale-level.ts once per level (10, 50, 100 consumer VPCs), each in a
// process of its own so that each level's memory peak is its own, bounded in time; a level that
// fails or times out is reported as such and the next one still runs; levels that could not
// finish within the bench's overall limit are skipped and said to be.
import { execa } from 'execa'
import { fileURLToPath } from 'node:url'

export const SCALE_LEVELS = [10, 50, 100] as const
/** One level's time limit (then SIGTERM: the level destroys what it built). */
export const LEVEL_TIMEOUT_MS = 100_000

/** What one level printed, or why it printed nothing usable. */
export type ScaleLevelResult = Record<string, unknown> & { consumer_vpcs: number; error?: string }

/** Parses the JSON object a level printed as its last line. */
export function parseLevelOutput(consumerVpcs: number, stdout: string): ScaleLevelResult {
  const last = stdout.trim().split('\n').pop() ?? ''
  try {
    const value = JSON.parse(last) as ScaleLevelResult
    if (value && typeof value === 'object' && value.consumer_vpcs === consumerVpcs) return value
  } catch {
    // reported below
  }
  return { consumer_vpcs: consumerVpcs, error: `no result line from the level's process: ${last.slice(0, 200) || '(no output)'}` }
}

/** Runs every level in order; a level that could not finish before `deadline` (performance.now() ms) is skipped. */
export async function runScale(root: string, options: { levels?: readonly number[]; deadline?: number } = {}): Promise<ScaleLevelResult[]> {
  const runner = fileURLToPath(new URL('../bin/run-ts.mjs', import.meta.url))
  const results: ScaleLevelResult[] = []
  for (const n of options.levels ?? SCALE_LEVELS) {
    if (options.deadline !== undefined && performance.now() + LEVEL_TIMEOUT_MS > options.deadline) {
      results.push({ consumer_vpcs: n, error: "skipped: it could not finish within the bench's time limit" })
      continue
    }
    const child = await execa(process.execPath, [runner, 'bench/scale-level.ts', String(n)], { cwd: root, reject: false, timeout: LEVEL_TIMEOUT_MS, killSignal: 'SIGTERM' })
    const parsed = parseLevelOutput(n, child.stdout)
    if (child.timedOut) parsed.error = `timed out after ${LEVEL_TIMEOUT_MS / 1000} s${parsed.error ? `; ${parsed.error}` : ''}`
    else if (parsed.error && child.stderr) parsed.error += ` (stderr: ${child.stderr.trim().slice(-300)})`
    results.push(parsed)
  }
  return results
}
