// The PrivateLink hop: listeners on the endpoint's ENI IPs inside the consumer VPC hand each
// connection to the NLB node of the same AZ in the provider VPC, which connects on to a target.
// Nothing routes the other way: the two VPCs share no link, only this process.
import type net from 'node:net'
import { hrtimeMs, pipeWithDelay } from '../latency/delay-pipe.js'
import type { EmulatedNlb } from './emulated-nlb.js'

/** How long a connection that no target can take is held before it is dropped (the client times out first). */
const BLACKHOLE_HOLD_MS = 120_000

export interface HopContext {
  nlb: EmulatedNlb
  isAvailable: () => boolean
  /** round trip in ms the latency model gives a connection from `sourceIp` via the ENI in `eniAz` to a target in `targetAz` */
  pathRttMs: (sourceIp: string, eniAz: string, targetAz: string) => number
}

/** Serves one ENI listener: every accepted connection crosses the hop or is held (no healthy target). */
export function serveEniListener(server: net.Server, eniAz: string, port: number, ctx: HopContext): void {
  server.on('connection', (client: net.Socket) => {
    const acceptedAt = hrtimeMs()
    client.setNoDelay(true)
    client.on('error', () => client.destroy())
    if (!ctx.isAvailable()) {
      // nftables drops these before they get here; if one slips through, it gets nothing either
      client.destroy()
      return
    }
    const target = ctx.nlb.pickTarget(eniAz)
    if (!target) {
      // no healthy target for this AZ's node: the connection goes nowhere, as on AWS
      client.resume()
      const timer = setTimeout(() => client.destroy(), BLACKHOLE_HOLD_MS)
      timer.unref()
      client.on('close', () => clearTimeout(timer))
      return
    }
    const rtt = ctx.pathRttMs(client.remoteAddress ?? '', eniAz, target.az)
    ctx.nlb
      .connect(eniAz, target, port)
      .then((upstream) => {
        if (client.destroyed) {
          upstream.destroy()
          return
        }
        upstream.setNoDelay(true)
        pipeWithDelay(client, upstream, { forwardMs: rtt / 2, backwardMs: rtt / 2, handshakeMs: rtt, acceptedAt })
      })
      .catch(() => client.destroy())
  })
}
