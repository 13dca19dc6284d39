// "did you mean …?" for a misspelt key, enum value or name: the closest valid one by edit
// distance (leven), offered only when it is close enough to be a typo rather than another word.
import { closestMatch } from 'leven'

/** The candidate `received` is most likely a typo of, or undefined when none is close. */
export function closestName(received: string, candidates: readonly string[]): string | undefined {
  if (received.length < 2) return undefined
  // one edit per three characters, one to three in all: "sample"→"samples", "regonal"→"regional", not "open"→"pending"
  const maxDistance = Math.min(3, Math.max(1, Math.floor(received.length / 3)))
  const best = closestMatch(received, candidates, { maxDistance })
  return best === received ? undefined : best
}

/** `; did you mean "x"?` to end a message with, or nothing when no candidate is close. */
export function didYouMean(received: unknown, candidates: readonly string[]): string {
  const best = typeof received === 'string' ? closestName(received, candidates) : undefined
  return best === undefined ? '' : `; did you mean "${best}"?`
}
