// The emulated NLB's target health as ELB names it, with real HTTP health checks against a server
// on loopback (the socket agent, which opens connections inside a namespace elsewhere, is replaced
// by one that connects to that server): `initial` until the healthy threshold, no traffic while
// initial, `unhealthy` after failed checks, `unused` when deregistered and `initial` again after.
import { connect, type Server, type AddressInfo } from 'node:net'
import { createServer as createHttpServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SocketAgent } from '../netns/socket-agent.js'
import type { NlbPlan } from '../topology/plan-types.js'
import { EmulatedNlb } from './emulated-nlb.js'
import { waitUntil } from '../wait-until.js'

let healthy = true
let server: Server
let port = 0

beforeAll(async () => {
  server = createHttpServer((req, res) => {
    res.statusCode = req.url === '/health' && !healthy ? 503 : 200
    res.end('ok')
  }) as unknown as Server
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

/** Every connection the NLB opens goes to the loopback server. */
const loopbackAgent = {
  connectTcp: () =>
    new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(socket))
      socket.once('error', reject)
    }),
} as unknown as SocketAgent

const plan: NlbPlan = {
  key: 'nlb',
  vpc: 'prov',
  region: 'us-east-1',
  nodes: [
    { az: 'us-east-1a', ip: '10.0.0.5' },
    { az: 'us-east-1b', ip: '10.0.16.5' },
  ],
  listenerPorts: [80],
  tlsListeners: [],
  crossZone: false,
  targets: [{ instanceId: 'i-0aaaaaaaaaaaaaaa1', ip: '10.0.1.10', az: 'us-east-1a', vpc: 'prov' }],
}

describe('EmulatedNlb target health (real HTTP checks on loopback)', () => {
  it('a target is initial for its first check and takes no traffic, healthy after the threshold, unhealthy after failed checks', async () => {
    healthy = true
    const nlb = new EmulatedNlb(plan, () => loopbackAgent, { intervalMs: 50, healthyThreshold: 2, unhealthyThreshold: 2, path: '/health', port })
    try {
      await nlb.start()
      expect(nlb.targetHealth()).toEqual({ 'i-0aaaaaaaaaaaaaaa1': 'initial' })
      expect(nlb.pickTarget('us-east-1a')).toBeNull()
      expect(nlb.hasHealthyTarget('us-east-1a')).toBe(false)
      await waitUntil(() => nlb.targetHealth()['i-0aaaaaaaaaaaaaaa1'] === 'healthy', { timeoutMs: 5000, describe: () => JSON.stringify(nlb.targetHealth()) })
      expect(nlb.pickTarget('us-east-1a')?.instanceId).toBe('i-0aaaaaaaaaaaaaaa1')
      healthy = false
      await waitUntil(() => nlb.targetHealth()['i-0aaaaaaaaaaaaaaa1'] === 'unhealthy', { timeoutMs: 5000, describe: () => JSON.stringify(nlb.targetHealth()) })
      // the only registered target fails its checks: the NLB fails open to it, as AWS does
      expect(nlb.pickTarget('us-east-1a')?.instanceId).toBe('i-0aaaaaaaaaaaaaaa1')
      expect(nlb.hasHealthyTarget('us-east-1a')).toBe(false)
    } finally {
      await nlb.close()
    }
  })

  it('a deregistered target is unused (no traffic, not even fail-open) and initial again once registered', async () => {
    healthy = true
    const nlb = new EmulatedNlb(plan, () => loopbackAgent, { intervalMs: 50, healthyThreshold: 2, unhealthyThreshold: 2, path: '/health', port })
    try {
      await nlb.start()
      await waitUntil(() => nlb.targetHealth()['i-0aaaaaaaaaaaaaaa1'] === 'healthy', { timeoutMs: 5000, describe: () => JSON.stringify(nlb.targetHealth()) })
      nlb.setRegistered('i-0aaaaaaaaaaaaaaa1', false)
      expect(nlb.targetHealth()).toEqual({ 'i-0aaaaaaaaaaaaaaa1': 'unused' })
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(nlb.targetHealth()).toEqual({ 'i-0aaaaaaaaaaaaaaa1': 'unused' })
      expect(nlb.pickTarget('us-east-1a')).toBeNull()
      nlb.setRegistered('i-0aaaaaaaaaaaaaaa1', true)
      expect(nlb.targetHealth()).toEqual({ 'i-0aaaaaaaaaaaaaaa1': 'initial' })
      await waitUntil(() => nlb.targetHealth()['i-0aaaaaaaaaaaaaaa1'] === 'healthy', { timeoutMs: 5000, describe: () => JSON.stringify(nlb.targetHealth()) })
    } finally {
      await nlb.close()
    }
  })
})
