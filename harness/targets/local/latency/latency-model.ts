// What latency each emulated path should show. The kernel here has no netem, so the emulator
// applies these figures itself at the hops it owns (see delay-pipe.ts).
//
// Sources (each with its name, date and link, and what it measures: docs/emulator.md, "The
// model's inputs and their sources"):
// - Inter-region round trips: CloudPing.co p50, read 2026-11.
// - Inside a region: same AZ ~0.1–0.3 ms, across AZs ~0.3–2 ms (public measurements and AWS's
//   Infrastructure Performance figures); we take the middle of each range.
// - The PrivateLink (Hyperplane + NLB) hop: AWS publishes no figure, and the public benchmark
//   once cited for it has no followable link: PRIVATELINK_HOP_RTT_MS is an assumption.
// The emulator applies these same figures, so checks against this model test the emulator,
// not AWS.

/** Round trip inside one AZ. */
export const SAME_AZ_RTT_MS = 0.2
/** Round trip between two AZs of one region. */
export const CROSS_AZ_RTT_MS = 1.0
/** What the PrivateLink/NLB hop adds to a round trip (no published figure; see above). */
export const PRIVATELINK_HOP_RTT_MS = 0.25

/** Inter-region p50 round trips, ms (cloudping.co), keyed by the two regions sorted. */
export const INTER_REGION_RTT_MS: Readonly<Record<string, number>> = {
  'eu-west-2|us-east-1': 76,
  'us-east-1|us-west-2': 64,
  'eu-west-1|us-east-1': 70,
  'eu-west-1|eu-west-2': 13,
  'us-east-1|us-east-2': 13,
  'eu-west-2|us-west-2': 128,
}

/** Round trip between two regions (0 for the same region); throws for a pair without a figure. */
export function interRegionRttMs(a: string, b: string): number {
  if (a === b) return 0
  const key = [a, b].sort().join('|')
  const rtt = INTER_REGION_RTT_MS[key]
  if (rtt === undefined) throw new Error(`no inter-region round-trip figure for ${a} and ${b}; known pairs: ${Object.keys(INTER_REGION_RTT_MS).join(', ')}`)
  return rtt
}

/** Round trip between two AZs (same region). */
export function azRttMs(a: string, b: string): number {
  return a === b ? SAME_AZ_RTT_MS : CROSS_AZ_RTT_MS
}

/**
 * What curl's time_starttransfer should be for an HTTP(S) request over a path of round trip
 * `rtt`: the TCP handshake (1 RTT), the TLS 1.3 handshake where used (1 RTT), the request and
 * first response byte (1 RTT), plus the service's own time.
 */
export function expectedStartTransferMs(rtt: number, options: { tls: boolean; serviceMs?: number }): number {
  return rtt * (options.tls ? 3 : 2) + (options.serviceMs ?? 0)
}
