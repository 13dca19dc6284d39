// The `plh run` end of the progress channel: polls the run's progress folder and hands every new
// complete line of every scenario's file to `onEvent`, in file order. Polling (not fs.watch)
// because it behaves the same on every file system and costs one readdir per tick.
import { open, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { parseProgressLine, type ProgressEvent } from './progress-event.js'

export interface ProgressTail {
  /** Reads what is left once more, then stops. */
  stop(): Promise<void>
}

/** Starts tailing `folder` every `intervalMs`. */
export function tailProgress(folder: string, onEvent: (event: ProgressEvent) => void, intervalMs = 200): ProgressTail {
  const offsets = new Map<string, number>()
  const partial = new Map<string, string>()
  let reading: Promise<void> = Promise.resolve()

  async function readFileFrom(file: string): Promise<void> {
    const handle = await open(file, 'r').catch(() => null)
    if (!handle) return
    try {
      const start = offsets.get(file) ?? 0
      const { size } = await handle.stat()
      if (size <= start) return
      const buffer = Buffer.alloc(size - start)
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, start)
      offsets.set(file, start + bytesRead)
      const text = (partial.get(file) ?? '') + buffer.subarray(0, bytesRead).toString('utf8')
      const lines = text.split('\n')
      partial.set(file, lines.pop() ?? '')
      for (const line of lines) {
        const event = parseProgressLine(line)
        if (event) onEvent(event)
      }
    } finally {
      await handle.close()
    }
  }

  async function readAll(): Promise<void> {
    const names = await readdir(folder).catch(() => [] as string[])
    for (const name of names.filter((n) => n.endsWith('.jsonl')).sort()) await readFileFrom(join(folder, name))
  }

  const tick = (): void => {
    reading = reading.then(readAll).catch(() => undefined)
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      tick()
      await reading
    },
  }
}
