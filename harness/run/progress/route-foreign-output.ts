// While the live display is on screen, text that others write to the terminal (a worker's warning
// piped through by vitest, an error line of the run) would land inside the frame and scroll it out
// of place. This routes such text above the frame: complete lines go out at once, a partial line
// waits for its end (or for the display to stop).
import type { Frame } from './draw-frame.js'

/** A stream whose write() can be taken over (process.stdout, process.stderr). */
export interface InterceptableStream {
  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean
}

/** Takes over `streams`' write(); the returned function gives it back and prints what is still pending. */
export function routeForeignOutput(frame: Frame, streams: readonly InterceptableStream[]): () => void {
  const restores = streams.map((stream) => {
    const original = stream.write
    const write = (text: string): unknown => original.call(stream, text)
    let pending = ''
    stream.write = function (chunk: string | Uint8Array, ...rest: unknown[]): boolean {
      pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
      const end = pending.lastIndexOf('\n')
      if (end >= 0) {
        frame.above(pending.slice(0, end + 1), write)
        pending = pending.slice(end + 1)
      }
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined
      callback?.()
      return true
    }
    return () => {
      stream.write = original
      if (pending) write(pending)
    }
  })
  return () => {
    for (const restore of restores) restore()
  }
}
