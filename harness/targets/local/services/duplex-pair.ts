// Two connected in-memory Duplex streams: what one writes, the other reads. Node 22 has
// stream.duplexPair(); Node 20, which we support, does not, so this is the small equivalent.
// The TLS listener uses it to put a TLSSocket behind the delayed pipe of the PrivateLink hop.
import { Duplex } from 'node:stream'

class Side extends Duplex {
  other: Side | undefined
  private waiting: (() => void) | undefined

  override _read(): void {
    const resume = this.waiting
    this.waiting = undefined
    resume?.()
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const other = this.other!
    // respect the reader's back pressure: wait for its next _read when its buffer is full
    if (other.push(chunk)) callback()
    else other.waiting = () => callback()
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.other!.push(null)
    callback()
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const other = this.other
    this.other = undefined
    if (other && !other.destroyed) other.destroy()
    callback(error)
  }
}

/** Returns two Duplex streams wired to each other. */
export function duplexPair(): [Duplex, Duplex] {
  const a = new Side()
  const b = new Side()
  a.other = b
  b.other = a
  return [a, b]
}
