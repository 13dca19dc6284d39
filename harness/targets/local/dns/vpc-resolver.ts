// The VPC resolver at base+2: answers A queries for the names the VPC's private zones and
// endpoints define, follows CNAMEs inside them, and says NXDOMAIN to everything else (the
// emulated VPC has no way out, so it has no public DNS either — a stated difference from AWS).
import dgram from 'node:dgram'
import dnsPacket, { type Answer, type Packet } from 'dns-packet'
import type { DnsRecord } from '../topology/plan-types.js'

const TTL = 60

/** Resolves `name` against `records`: A records, following at most 8 CNAMEs. */
export function resolveRecords(records: DnsRecord[], name: string): Answer[] | null {
  const byName = new Map(records.map((r) => [r.name.toLowerCase().replace(/\.$/, ''), r]))
  const answers: Answer[] = []
  let current = name.toLowerCase().replace(/\.$/, '')
  for (let hops = 0; hops < 8; hops++) {
    const record = byName.get(current)
    if (!record) return answers.length ? answers : null
    if (record.cname) {
      answers.push({ type: 'CNAME', name: current, ttl: TTL, class: 'IN', data: record.cname })
      current = record.cname.toLowerCase().replace(/\.$/, '')
      continue
    }
    for (const ip of record.a ?? []) answers.push({ type: 'A', name: current, ttl: TTL, class: 'IN', data: ip })
    return answers
  }
  return answers
}

/** Builds the response packet for one query. */
export function answerQuery(records: DnsRecord[], query: Packet): Buffer {
  const question = query.questions?.[0]
  const base = { id: query.id, type: 'response' as const, flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | dnsPacket.AUTHORITATIVE_ANSWER, questions: query.questions }
  if (!question) return dnsPacket.encode({ ...base, rcode: 'FORMERR' } as Packet)
  const found = resolveRecords(records, question.name)
  if (found === null) return dnsPacket.encode({ ...base, rcode: 'NXDOMAIN' } as Packet)
  // AAAA and other types: the name exists but has no such record (NOERROR, no answers beyond CNAMEs)
  const answers = question.type === 'A' ? found : found.filter((a) => a.type === 'CNAME')
  return dnsPacket.encode({ ...base, rcode: 'NOERROR', answers } as Packet)
}

/** Serves DNS on a UDP socket bound inside the VPC namespace; the record list can change later. */
export function serveVpcResolver(socket: dgram.Socket, getRecords: () => DnsRecord[]): { queries(): number } {
  let count = 0
  socket.on('message', (message, remote) => {
    count += 1
    let query: Packet
    try {
      query = dnsPacket.decode(message)
    } catch {
      return
    }
    socket.send(answerQuery(getRecords(), query), remote.port, remote.address)
  })
  return { queries: () => count }
}
