// Joins two sockets and delays every chunk by a one-way time in each direction, so that the
// round trips of the latency model show up in curl's timings. Write it ourselves: no library
// schedules sub-millisecond delays (timers have 1 ms granularity), so the last stretch of each
// wait is finished on setImmediate against the high-resolution clock.
import type { Duplex } from 'node:stream'

type Item = { at: number; chunk: Buffer | null }

/** Monotonic clock in ms with sub-millisecond resolution. */
export const hrtimeMs = (): number => Number(process.hrtime.bigint()) / 1e6
const now = hrtimeMs

/** A FIFO that releases items to `deliver` once their time has come. */
function createDelayQueue(deliver: (chunk: Buffer | null) => void): { push(chunk: Buffer | null, delayMs: number): void; clear(): void } {
  const items: Item[] = []
  let scheduled = false
  let stopped = false
  const drain = (): void => {
    scheduled = false
    if (stopped) return
    const t = now()
    while (items.length > 0 && items[0]!.at <= t) deliver(items.shift()!.chunk)
    if (items.length > 0) schedule(items[0]!.at - t)
  }
  const schedule = (waitMs: number): void => {
    if (scheduled) return
    scheduled = true
    if (waitMs > 2) setTimeout(drain, Math.floor(waitMs - 1.5))
    else setImmediate(drain)
  }
  return {
    push(chunk, delayMs) {
      const at = now() + delayMs
      // keep order even if a later delay is shorter
      const last = items[items.length - 1]
      items.push({ at: last && last.at > at ? last.at : at, chunk })
      schedule(items[0]!.at - now())
    },
    clear() {
      stopped = true
      items.length = 0
    },
  }
}

/** Options of pipeWithDelay: one-way delays and the extra round trip a TCP handshake would cost. */
export interface DelayOptions {
  /** client → server one-way delay, ms */
  forwardMs: number
  /** server → client one-way delay, ms */
  backwardMs: number
  /** extra delay before the first client byte reaches the server (the handshake the ENI accepted locally), ms */
  handshakeMs: number
  /** when the connection was accepted (hrtime ms, see hrtimeMs); the handshake counts from there */
  acceptedAt?: number
}

/** Pipes `client` ↔ `server` with the given delays; either side closing closes the other. */
export function pipeWithDelay(client: Duplex, server: Duplex, options: DelayOptions): void {
  const started = options.acceptedAt ?? now()
  const toServer = createDelayQueue((chunk) => (chunk === null ? server.end() : server.write(chunk)))
  const toClient = createDelayQueue((chunk) => (chunk === null ? client.end() : client.write(chunk)))
  client.on('data', (chunk: Buffer) => {
    // the handshake's round trip is counted from when the connection was accepted
    const handshakeLeft = Math.max(0, started + options.handshakeMs - now())
    toServer.push(chunk, handshakeLeft + options.forwardMs)
  })
  server.on('data', (chunk: Buffer) => toClient.push(chunk, options.backwardMs))
  client.on('end', () => toServer.push(null, options.forwardMs))
  server.on('end', () => toClient.push(null, options.backwardMs))
  const closeBoth = (): void => {
    toServer.clear()
    toClient.clear()
    client.destroy()
    server.destroy()
  }
  client.on('error', closeBoth)
  server.on('error', closeBoth)
  client.on('close', () => setTimeout(() => server.destroy(), options.forwardMs + 50).unref())
  server.on('close', () => setTimeout(() => client.destroy(), options.backwardMs + 50).unref())
  client.resume()
  server.resume()
}
