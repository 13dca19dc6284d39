// The worker's end of the progress channel: one JSON-lines file per scenario under the run's
// report directory, which the `plh run` process tails (tail-progress.ts).
//
// Why a file and not vitest's channel: vitest 3.2 hands custom data to reporters through
// `task.meta` (sent only when a task finishes) and `annotate` (inside a running test, and
// written into junit.xml). Apply and wait-ready run while the scenario's file is collected,
// before any test exists, and probe batches run in beforeAll hooks, so neither reaches the main
// process while the work is under way. Appending a line is synchronous and survives a worker
// that dies.
import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { countTerraformEvent, toTerraformMessage, type TerraformCount } from './count-terraform-progress.js'
import type { ProgressEventBody } from './progress-event.js'

/** Folder of the progress files inside a run's report directory. */
export function progressFolder(runDir: string): string {
  return join(runDir, 'progress')
}

export interface ProgressWriter {
  emit(body: ProgressEventBody): void
  /** Takes terraform's `-json` UI messages (raw, or as the AWS target's `onEvent` parses them) and counts resources. */
  terraform(event: { type: string; [key: string]: unknown }): void
}

/** A writer for one scenario; never throws (progress must not break a run). */
export function openProgressWriter(runDir: string, scenario: string, now: () => number = Date.now): ProgressWriter {
  const file = join(progressFolder(runDir), `${scenario}.jsonl`)
  let usable = true
  try {
    mkdirSync(progressFolder(runDir), { recursive: true })
  } catch {
    usable = false
  }
  let operation: 'apply' | 'destroy' = 'apply'
  let count: TerraformCount = { done: 0, total: 0 }
  const emit = (body: ProgressEventBody): void => {
    if (!usable) return
    if (body.kind === 'phase' && body.state === 'start') {
      // terraform's counts start again with each phase that runs it
      operation = body.phase === 'destroy' ? 'destroy' : 'apply'
      count = { done: 0, total: 0 }
    }
    try {
      appendFileSync(file, JSON.stringify({ scenario, at: now(), ...body }) + '\n')
    } catch {
      usable = false
    }
  }
  return {
    emit,
    terraform(received) {
      const event = toTerraformMessage(received)
      emit({ kind: 'terraform', type: String(event.type), message: String(event['@message'] ?? '') })
      const next = countTerraformEvent(count, event)
      if (next !== count) {
        count = next
        emit({ kind: 'resources', operation, done: count.done, total: count.total })
      }
    },
  }
}
