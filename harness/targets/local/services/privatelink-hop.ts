// The PrivateLink hop: listeners on the endpoint's ENI IPs inside the consumer VPC hand each
// connection to the NLB node of the same AZ in the provider VPC, which connects on to a target.
// Nothing routes the other way: the two VPCs share no link, only this process.
import type net from 'node:net'
import { hrtimeMs } from '../latency/delay-pipe.js'
import type { EmulatedNlb, NlbTarget } from './emulated-nlb.js'

export interface HopContext {
  nlb: EmulatedNlb
  isAvailable: () => boolean
  /** round trip in ms the latency model gives a connection from `sourceIp` through this ENI to `target` */
  pathRttMs: (sourceIp: string, target: NlbTarget) => number
}

/** Serves one ENI listener: every accepted connection goes to the NLB node in `nodeAz` (or nowhere). */
export function serveEniListener(server: net.Server, nodeAz: string, port: number, ctx: HopContext): void {
  server.on('connection', (client: net.Socket) => {
    const acceptedAt = hrtimeMs()
    client.setNoDelay(true)
    client.on('error', () => client.destroy())
    if (!ctx.isAvailable()) {
      // nftables drops these before they get here; if one slips through, it gets nothing either
      client.destroy()
      return
    }
    const source = client.remoteAddress ?? ''
    ctx.nlb.forward(client, { nodeAz, port, acceptedAt, rttMs: (target) => ctx.pathRttMs(source, target) })
  })
}
