// The live display on a terminal: every tick (and at once when the terminal is resized) lays out
// the run's progress for the terminal's current size (layout-live-screen.ts) and redraws it in
// place (draw-frame.ts). The events arrive through update(); stop() draws the final frame, in
// which every scenario has its one-line outcome, and leaves it above the run summary.
import pc from 'picocolors'
import { openFrame, type FrameStream } from './draw-frame.js'
import { layoutLiveScreen, lineText, type ScreenLine, type Tone } from './layout-live-screen.js'
import type { RunProgress } from './progress-state.js'
import { routeForeignOutput, type InterceptableStream } from './route-foreign-output.js'

const tickMs = 200

export interface LiveDisplay {
  update(state: RunProgress): void
  /** Draws the final frame (the run is over) and gives the terminal back. */
  stop(): Promise<void>
}

/** A terminal's stdout as the live display uses it: written to, sized, and telling of resizes. */
export interface LiveStream extends FrameStream {
  on?(event: 'resize', listener: () => void): unknown
  off?(event: 'resize', listener: () => void): unknown
}

/** Paints a line: its mark (and, for a waiting scenario, the whole line) in the colour of its tone. */
export function paintLine(line: ScreenLine, colors: { green(s: string): string; red(s: string): string; cyan(s: string): string; dim(s: string): string }): string {
  const tint: Record<Tone, (s: string) => string> = { ok: colors.green, bad: colors.red, running: colors.cyan, muted: colors.dim, plain: (s) => s }
  if (line.tone === 'muted') return tint.muted(lineText(line))
  if (!line.mark) return lineText(line)
  return lineText({ ...line, mark: tint[line.tone](line.mark) })
}

export interface LiveDisplayOptions {
  scenarios: string[]
  /** the terminal (default stdout) */
  out?: LiveStream
  /** streams whose text goes above the frame instead of into it (default: stdout and stderr, when they are terminals) */
  foreign?: InterceptableStream[]
}

/** Starts drawing the progress of the scenarios on the terminal. */
export function startLiveDisplay(options: LiveDisplayOptions): LiveDisplay {
  const { scenarios } = options
  const out = options.out ?? process.stdout
  const colors = pc.createColors(pc.isColorSupported)
  // the frame keeps the terminal's own write(); foreign text is routed through the frame
  const write = out.write.bind(out)
  const frame = openFrame({
    write,
    get columns() {
      return out.columns
    },
    get rows() {
      return out.rows
    },
  })
  const foreign = options.foreign ?? [process.stdout, process.stderr].filter((s) => s.isTTY)
  const giveBack = routeForeignOutput(frame, foreign)
  let state: RunProgress = {}
  let tick = 0
  const draw = (over = false): void => {
    const lines = layoutLiveScreen({ scenarios, state, now: Date.now(), columns: out.columns ?? 80, rows: out.rows ?? 24, tick, over })
    frame.draw(lines.map((l) => paintLine(l, colors)))
  }
  const onResize = (): void => draw()
  const timer = setInterval(() => {
    tick++
    draw()
  }, tickMs)
  out.on?.('resize', onResize)
  draw()
  return {
    update(next) {
      state = next
    },
    async stop() {
      clearInterval(timer)
      out.off?.('resize', onResize)
      draw(true)
      frame.end()
      giveBack()
    },
  }
}
