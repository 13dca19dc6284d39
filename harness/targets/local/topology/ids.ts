// AWS-shaped identifiers for emulated resources (instance, endpoint, service ids and the random
// label in endpoint DNS names), from a seeded generator so a plan is reproducible in tests.
import { createHash } from 'node:crypto'

/** Deterministic id source: the same seed yields the same ids in the same order. */
export function createIdSource(seed: string): { hex(length: number): string; label(length: number): string } {
  let counter = 0
  const next = (): string => createHash('sha256').update(`${seed}:${counter++}`).digest('hex')
  return {
    hex: (length) => next().slice(0, length),
    // endpoint DNS labels are 8 lower-case letters and digits
    label: (length) =>
      Array.from(Buffer.from(next(), 'hex').subarray(0, length))
        .map((b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36])
        .join(''),
  }
}
