// The reconciler against real namespaces: records as the local AWS API's handlers write them go in,
// a data plane comes out that curl crosses (consumer → endpoint ENI → PrivateLink hop → NLB node in
// the same zone id → producer), an accepted connection opens in place, target health flows back
// into the store, SSM registration follows AWS's rules, and stop() leaves no namespace.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AwsStore } from '../harness/targets/local/api/store/aws-store.js'
import { Reconciler } from '../harness/targets/local/reconcile/reconciler.js'
import { sameRegionRecords } from '../harness/targets/local/reconcile/test-records.js'

const unavailable = process.getuid?.() !== 0 ? 'not running as root' : spawnSync('ip', ['-V']).status !== 0 ? 'the ip command (iproute2) is missing' : undefined
if (unavailable) console.warn(`reconciler-dataplane: skipped: ${unavailable}`)

const tag = `rc${randomBytes(2).toString('hex')}`
const REGIONAL = 'vpce-1-abcdefgh.vpce-svc-1.us-east-1.vpce.amazonaws.com'
const store = new AwsStore([
  { id: '111111111111', name: 'producer', accessKeyId: 'AKIDPRODUCER', secretAccessKey: 'p' },
  { id: '222222222222', name: 'consumer', accessKeyId: 'AKIDCONSUMER', secretAccessKey: 'c' },
])
const reconciler = new Reconciler({ store, tag, debounceMs: 50, healthCheckIntervalMs: 100 })

const curl = async (path = '/') => {
  const out = await reconciler.instancesFor('222222222222', 'us-east-1').exec('i-c1', `curl -s -m 2 http://${REGIONAL}${path}; echo " exit=$?"`, { timeoutSeconds: 10, signal: new AbortController().signal })
  return out.stdout.trim()
}
const namespaces = () => spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout.split('\n').filter((l) => l.includes(`plh-${tag}-`))

describe.skipIf(unavailable !== undefined)('reconciler: data plane from the store', () => {
  beforeAll(async () => {
    reconciler.start()
    for (const record of sameRegionRecords({ endpointState: 'pendingAcceptance' })) store.put(record)
    await reconciler.settled()
  })
  afterAll(async () => {
    await reconciler.stop()
  })

  it('builds one namespace per VPC and instance, and a pending endpoint passes nothing', async () => {
    expect(reconciler.error()).toBeUndefined()
    expect(namespaces()).toHaveLength(5)
    expect(await curl()).toMatch(/exit=28$/)
  })

  it('opens the endpoint in place when the store says available, and the provider sees the NLB node', async () => {
    const before = reconciler.dataPlane()
    store.update<{ State?: string }>('222222222222', 'us-east-1', 'vpc-endpoint', 'vpce-1', (r) => {
      r.data.State = 'available'
    })
    await reconciler.settled()
    expect(reconciler.dataPlane()).toBe(before)
    // cross-zone off: the consumer's ENI in use1-az2 reaches the producer in use1-az2, whatever each account calls that zone
    expect(await curl()).toMatch(/^Hello from plh producer use1-az2 i-p2\s+exit=0$/)
    expect(await curl('/whoami')).toMatch(/^10\.0\.16\.5\s+exit=0$/)
  })

  it('writes the NLB observed target health into the target group', async () => {
    await expect.poll(() => store.all().find((r) => r.type === 'target-group')?.data.local.observedHealth, { timeout: 5000 }).toEqual({
      'i-p1:80': { State: 'healthy' },
      'i-p2:80': { State: 'healthy' },
    })
  })

  it('writes a failing target as unhealthy, in DescribeTargetHealth words', async () => {
    reconciler.dataPlane()!.setTargetHealth('use1-az1', false)
    await expect.poll(() => store.all().find((r) => r.type === 'target-group')?.data.local.observedHealth['i-p1:80'], { timeout: 10_000 }).toEqual({
      State: 'unhealthy',
      Reason: 'Target.FailedHealthChecks',
      Description: 'Health checks failed',
    })
    reconciler.dataPlane()!.setTargetHealth('use1-az1', true)
    await expect.poll(() => store.all().find((r) => r.type === 'target-group')?.data.local.observedHealth['i-p1:80'], { timeout: 10_000 }).toEqual({ State: 'healthy' })
  })

  it('lists the consumer for SSM only while its VPC reaches SSM', async () => {
    expect(reconciler.instancesFor('222222222222', 'us-east-1').list().map((i) => i.instanceId)).toEqual(['i-c1'])
    store.delete('222222222222', 'us-east-1', 'vpc-endpoint', 'vpce-ssmmessages')
    expect(reconciler.instancesFor('222222222222', 'us-east-1').list()).toEqual([])
    expect(reconciler.registrationProblem('i-c1')).toContain('no ssmmessages endpoint')
  })

  it('tears every namespace down on stop', async () => {
    await reconciler.stop()
    expect(namespaces()).toEqual([])
  })
})
