// The two lines under a "file:line:col: problem" message: the offending source line and a caret
// under the column, as compilers print them, so a reader sees the spot without opening the file.
import type { InputError, SourcePosition } from './errors.js'

/** Widest stretch of a source line shown; longer lines are cut around the column. */
const maxShown = 100

/** The source line (with its number) and a caret line under `position.column`; none without the line's text. */
export function renderSourceExcerpt(position: SourcePosition): string[] {
  if (position.lineText === undefined) return []
  const text = position.lineText.replace(/\r$/, '')
  const index = Math.min(Math.max(position.column - 1, 0), text.length)
  // a long line (a minified or one-line file) is shown as a window that holds the column
  const start = text.length > maxShown ? Math.min(Math.max(index - maxShown / 2, 0), text.length - maxShown) : 0
  const end = Math.min(start + maxShown, text.length)
  const shown = `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`
  const before = `${start > 0 ? '…' : ''}${text.slice(start, index)}`
  const gutter = ` ${position.line} | `
  const blank = `${' '.repeat(gutter.length - 2)}| `
  // tabs stay tabs, so the caret lines up however the terminal renders them
  return [`${gutter}${shown}`, `${blank}${before.replace(/[^\t]/g, ' ')}^`]
}

/** Every line an InputError prints: its one-line message, then the source excerpt when it has one. */
export function inputErrorLines(error: InputError): string[] {
  return [error.message.split('\n')[0]!, ...(error.position ? renderSourceExcerpt(error.position) : [])]
}

/** The text a command writes for an InputError: `<prefix><one line>`, the excerpt under it, a final newline. */
export function renderInputError(error: InputError, prefix: string): string {
  const [first, ...excerpt] = inputErrorLines(error)
  return [`${prefix}${first}`, ...excerpt, ''].join('\n')
}
