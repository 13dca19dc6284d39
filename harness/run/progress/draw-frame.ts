// Redraws a block of lines in place at the bottom of a terminal: the rows of the previous frame
// are erased one by one going up (not with "erase to the end of the screen", which tmux turns into
// scrolling the whole screen into its history when the cursor is at the top), then the new frame
// is written, all in one write. After a
// resize the terminal may have rewrapped the previous frame's lines, so the rows to go back over
// are counted at the new width (rowsTaken). The cursor is hidden while frames are drawn and shown
// again at the end, or when the process exits first.
import ansiEscapes from 'ansi-escapes'
import stringWidth from 'string-width'

/** The stream a frame is drawn on: stdout of a terminal, or a stand-in in tests. */
export interface FrameStream {
  write(chunk: string): unknown
  columns?: number
  rows?: number
}

/** Rows that `lines` take on a terminal `columns` wide (a line wider than that wraps). */
export function rowsTaken(lines: readonly string[], columns: number): number {
  const width = Math.max(1, columns)
  return lines.reduce((rows, line) => rows + Math.max(1, Math.ceil(stringWidth(line) / width)), 0)
}

export interface Frame {
  /** Replaces the previous frame with `lines` (each already fitted to the terminal). */
  draw(lines: readonly string[]): void
  /** Puts complete lines someone else wrote (through `write`) above the frame, and the frame back below them. */
  above(text: string, write: (text: string) => unknown): void
  /** Leaves the last frame on screen and shows the cursor again. */
  end(): void
}

export function openFrame(out: FrameStream): Frame {
  let previous: readonly string[] = []
  let started = false
  const showCursor = (): void => {
    out.write(ansiEscapes.cursorShow)
  }
  const erase = (): string => (previous.length ? ansiEscapes.eraseLines(rowsTaken(previous, out.columns ?? 80) + 1) : '')
  return {
    above(text, write) {
      if (previous.length) out.write(erase())
      write(text)
      if (previous.length) out.write(previous.map((l) => l + '\n').join(''))
    },
    draw(lines) {
      let text = ''
      if (!started) {
        started = true
        text += ansiEscapes.cursorHide
        process.once('exit', showCursor)
      }
      // the frame's rows and the row the cursor rests on below them
      text += erase()
      text += lines.map((l) => l + '\n').join('')
      previous = lines
      out.write(text)
    },
    end() {
      if (!started) return
      process.off('exit', showCursor)
      showCursor()
    },
  }
}
