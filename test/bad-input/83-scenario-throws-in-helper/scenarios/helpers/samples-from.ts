// Bad input on purpose (test/bad-input.e2e.test.ts): a helper that throws for a word

export function samplesFrom(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n)) throw new RangeError(`samples must be a whole number, got "${value}"`)
  return n
}
