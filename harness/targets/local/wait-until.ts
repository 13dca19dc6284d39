// Polls a condition of the emulator until it holds, or fails with what it was waiting for.
import { setTimeout as sleep } from 'node:timers/promises'
import { InfrastructureError } from '../../core/errors.js'

/** Resolves once `condition()` is true; InfrastructureError (NOT_READY) with `describe()` after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, options: { timeoutMs: number; intervalMs?: number; describe: () => string }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new InfrastructureError('NOT_READY', `${options.describe()} (waited ${options.timeoutMs / 1000} s)`)
    await sleep(options.intervalMs ?? 100)
  }
}
