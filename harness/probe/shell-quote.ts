// POSIX sh quoting for every value the probe scripts embed: a scenario or a fixture output can
// never inject shell, whatever bytes its names, paths or bodies carry.

/**
 * Quotes `s` as one sh word: single quotes keep every byte literal (newlines, `$`, backticks,
 * non-ASCII), and an embedded `'` becomes `'\''`. NUL cannot live in a shell word or an argv
 * entry, so it is rejected rather than silently cut.
 */
export function quoteForSh(s: string): string {
  if (s.includes('\0')) throw new Error(`quoteForSh: value contains a NUL byte, which no shell word can carry: ${JSON.stringify(s.slice(0, 80))}`)
  return `'${s.replaceAll("'", `'\\''`)}'`
}
