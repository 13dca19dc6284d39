// Test-only: PLH_TEST_PAUSE_AT=<phase> makes a scenario stop at that phase boundary and wait to be
// signalled, so that the teardown-under-faults tests inject a signal at a known phase. It drops a
// marker file (recorded in the journal like anything else a run makes) that the test waits for.
// Without the variable it does nothing.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RunContext } from '../core/target.js'
import { stateDir } from './run-registry.js'

export type PausePhase = 'wait' | 'probe' | 'destroy'

/** Where the marker of a paused run goes: <state dir>/paused/<tag>-<phase>. */
export function pauseMarker(tag: string, phase: PausePhase): string {
  return join(stateDir(), 'paused', `${tag}-${phase}`)
}

/** Never returns when PLH_TEST_PAUSE_AT names `phase`; returns at once otherwise. */
export async function pauseForTestAt(phase: PausePhase, run: RunContext): Promise<void> {
  if (process.env.PLH_TEST_PAUSE_AT !== phase) return
  const marker = pauseMarker(run.tag, phase)
  await run.journal?.record({ kind: 'file', id: marker, path: marker })
  await mkdir(join(stateDir(), 'paused'), { recursive: true })
  await writeFile(marker, `${process.pid}\n`)
  run.log.warn({ phase }, 'PLH_TEST_PAUSE_AT: paused until signalled')
  // an interval keeps the event loop alive whatever else is (or is not) open
  await new Promise<never>(() => setInterval(() => undefined, 60_000))
}
