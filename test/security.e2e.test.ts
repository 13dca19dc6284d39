// Security of the local target, checked on a real emulated topology (namespaces, nftables, the
// local SSM endpoint, the real AWS SDK): the SSM endpoint listens on loopback only, refuses
// unsigned, wrongly signed and unknown-instance requests and runs commands only inside emulated
// instances; a consumer instance reaches nothing outside its VPC but the endpoint (not the host's
// loopback, not the host's own addresses, not a public address, not the producer's instances);
// and a real `plh run` writes no credential into its logs or reports, with account ids masked on
// request. Root only (network namespaces).
import { DescribeInstanceInformationCommand, GetCommandInvocationCommand, ListCommandInvocationsCommand, SendCommandCommand } from '@aws-sdk/client-ssm'
import { execa } from 'execa'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readlink, rm } from 'node:fs/promises'
import { createConnection, createServer, type AddressInfo, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HarnessOutput, InstanceRef } from '../harness/core/contract.js'
import { scenarioSchema } from '../harness/core/scenario.js'
import type { Logger } from '../harness/core/target.js'
import { createRunId } from '../harness/run/create-run-id.js'
import { loadFixture } from '../harness/run/load-fixture.js'
import { mergeVariables } from '../harness/run/load-scenario.js'
import { registerRun } from '../harness/run/run-registry.js'
import { LocalTarget } from '../harness/targets/local/local-target.js'
import { createSsmClient } from '../harness/targets/ssm-client.js'
import { cidrContains, cidrsOverlap, parseCidr, type Cidr } from '../harness/targets/local/topology/cidr.js'

const repo = resolve(import.meta.dirname, '..')
const isRoot = process.getuid?.() === 0
const hasTools = isRoot && (await execa('ip', ['-V'], { reject: false })).exitCode === 0 && (await execa('nft', ['--version'], { reject: false })).exitCode === 0
if (!hasTools) console.warn('security e2e: skipped — needs root, iproute2 and nftables (network namespaces)')

// Credentials of the same shapes the local target makes (AKIA… key id, base64 secret), set so the
// tests know them; the harness reads them from the environment and writes them nowhere.
const credentials = {
  accessKeyId: `AKIAPLH${randomBytes(7).toString('hex').toUpperCase()}`.slice(0, 20),
  secretAccessKey: randomBytes(30).toString('base64'),
}
const TEST_NET = '192.0.2.1' // RFC 5737 documentation range: never routed anywhere

const silent: Logger = { info() {}, warn() {}, error() {}, debug() {} }
const temps: string[] = []
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true })
})

/** Host IPv4 addresses (not loopback), read in the host namespace; no traffic is sent to them from here. */
async function hostAddresses(): Promise<Array<{ ip: string; prefix: number }>> {
  const links = JSON.parse((await execa('ip', ['-j', '-4', 'addr'])).stdout) as Array<{ addr_info?: Array<{ family: string; local: string; prefixlen: number }> }>
  return links.flatMap((l) => (l.addr_info ?? []).filter((a) => a.family === 'inet' && !a.local.startsWith('127.')).map((a) => ({ ip: a.local, prefix: a.prefixlen })))
}

/** A /16 for each VPC that overlaps no host address, so "outside the VPC" cannot mean "on the host's subnet". */
function pickCidrs(host: Array<{ ip: string; prefix: number }>): { producer: string; consumer: string } {
  const hostNets = host.map((h) => {
    const size = 2 ** (32 - h.prefix)
    const ip = parseCidr(`${h.ip}/32`) as Cidr
    return { base: ip.base - (ip.base % size), prefix: h.prefix, text: `${h.ip}/${h.prefix}` }
  })
  const free = ['10.61.0.0/16', '10.62.0.0/16', '10.171.0.0/16', '10.172.0.0/16', '172.29.0.0/16', '172.30.0.0/16']
    .map((c) => parseCidr(c) as Cidr)
    .filter((c) => hostNets.every((h) => !cidrsOverlap(c, h)))
  if (free.length < 2) throw new Error(`no free /16 for the test VPCs beside the host's networks ${hostNets.map((h) => h.text).join(', ')}`)
  return { producer: free[0]!.text, consumer: free[1]!.text }
}

describe.skipIf(!hasTools)('local target security', () => {
  let target: LocalTarget
  let outputs: HarnessOutput
  let tag: string
  let unregister: (() => Promise<void>) | undefined
  let hostIps: Array<{ ip: string; prefix: number }>
  let cidrs: { producer: string; consumer: string }
  const saved = { id: process.env.PLH_LOCAL_SSM_ACCESS_KEY_ID, secret: process.env.PLH_LOCAL_SSM_SECRET_ACCESS_KEY }

  beforeAll(async () => {
    hostIps = await hostAddresses()
    cidrs = pickCidrs(hostIps)
    const fixture = await loadFixture(repo, 'same-region-cross-account')
    const scenario = scenarioSchema.parse({
      name: 'security',
      fixture: fixture.name,
      description: 'security e2e',
      // CIDRs apart, so a producer address is outside the consumer VPC and could only be reached by a route
      vars: { producer_cidr: cidrs.producer, consumer_cidr: cidrs.consumer },
      steps: [{ kind: 'wait', seconds: 0 }],
    })
    const run = createRunId()
    tag = run.tag
    // registered as alive, so that another session's `plh cleanup` leaves this run's namespaces alone
    unregister = await registerRun(run.tag, run.runId)
    const workDir = await mkdtemp(join(tmpdir(), 'plh-security-'))
    temps.push(workDir)
    process.env.PLH_LOCAL_SSM_ACCESS_KEY_ID = credentials.accessKeyId
    process.env.PLH_LOCAL_SSM_SECRET_ACCESS_KEY = credentials.secretAccessKey
    target = new LocalTarget({ source: 'test/security.e2e.test.ts', registrationDelayMs: 200 })
    const vars = mergeVariables(fixture, scenario, 'test/security.e2e.test.ts', { run_id: run.runId, name_prefix: 'plh' })
    outputs = await target.apply(fixture, vars, { runId: run.runId, tag: run.tag, workDir, logDir: workDir, log: silent })
    await target.waitReady(outputs)
  }, 120_000)

  afterAll(async () => {
    if (saved.id === undefined) delete process.env.PLH_LOCAL_SSM_ACCESS_KEY_ID
    else process.env.PLH_LOCAL_SSM_ACCESS_KEY_ID = saved.id
    if (saved.secret === undefined) delete process.env.PLH_LOCAL_SSM_SECRET_ACCESS_KEY
    else process.env.PLH_LOCAL_SSM_SECRET_ACCESS_KEY = saved.secret
    try {
      await target?.destroy()
      if (tag) expect((await execa('ip', ['netns', 'list'])).stdout.split('\n').filter((l) => l.startsWith(`plh-${tag}-`))).toEqual([])
    } finally {
      await unregister?.()
    }
  }, 60_000)

  const endpointUrl = () => target.info()!.ssm_endpoint
  const consumers = (): InstanceRef[] => outputs.consumers
  const run = async (instance: InstanceRef, script: string) => {
    const result = await target.transport(instance).run(script, { timeoutSeconds: 30 })
    expect(result.status, `${instance.instance_id}: ${result.stderr}`).toBe('Success')
    return result.stdout
  }

  /** Host-namespace links whose other end lies in one of this run's namespaces (there must be none). */
  async function linksToHost(): Promise<string[]> {
    const ids = JSON.parse((await execa('ip', ['-j', 'netns', 'list'])).stdout || '[]') as Array<{ name: string; id?: number }>
    const ours = new Set(ids.filter((n) => n.name.startsWith(`plh-${tag}-`) && n.id !== undefined).map((n) => n.id))
    const links = JSON.parse((await execa('ip', ['-j', 'link'])).stdout) as Array<{ ifname: string; link_netnsid?: number }>
    return links.filter((l) => l.link_netnsid !== undefined && ours.has(l.link_netnsid)).map((l) => l.ifname)
  }

  describe('the local SSM endpoint', () => {
    it('uses the credentials the environment sets (so the report check below knows what to look for)', () => {
      expect(target.info()).toMatchObject({ access_key_id: credentials.accessKeyId, secret_access_key: credentials.secretAccessKey })
    })

    it('listens on 127.0.0.1 only (the bound address, read from the kernel)', async () => {
      const url = new URL(endpointUrl())
      expect(url.hostname).toBe('127.0.0.1')
      const { stdout } = await execa('ss', ['-Hltn', `sport = :${url.port}`])
      const locals = stdout.split('\n').filter(Boolean).map((l) => l.trim().split(/\s+/)[3])
      expect(locals).toEqual([`127.0.0.1:${url.port}`])
    })

    it('refuses an unsigned SendCommand (MissingAuthenticationTokenException) and runs nothing', async () => {
      const marker = join(tmpdir(), `plh-security-unsigned-${randomBytes(4).toString('hex')}`)
      const response = await fetch(endpointUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonSSM.SendCommand' },
        body: JSON.stringify({ InstanceIds: [consumers()[0]!.instance_id], DocumentName: 'AWS-RunShellScript', Parameters: { commands: [`touch ${marker}`] } }),
      })
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ __type: 'MissingAuthenticationTokenException' })
      await new Promise((r) => setTimeout(r, 1000))
      expect(existsSync(marker)).toBe(false)
    })

    it('refuses a request signed with the wrong secret (InvalidSignatureException) or an unknown key, and runs nothing', async () => {
      const marker = join(tmpdir(), `plh-security-wrong-${randomBytes(4).toString('hex')}`)
      const send = new SendCommandCommand({ InstanceIds: [consumers()[0]!.instance_id], DocumentName: 'AWS-RunShellScript', Parameters: { commands: [`touch ${marker}`] } })
      const wrongSecret = createSsmClient({ region: 'us-east-1', endpoint: endpointUrl(), credentials: { ...credentials, secretAccessKey: randomBytes(30).toString('base64') }, maxAttempts: 1 })
      const unknownKey = createSsmClient({ region: 'us-east-1', endpoint: endpointUrl(), credentials: { accessKeyId: 'AKIAPLHNOTTHISRUN000', secretAccessKey: credentials.secretAccessKey }, maxAttempts: 1 })
      try {
        await expect(wrongSecret.send(send)).rejects.toMatchObject({ name: 'InvalidSignatureException', $metadata: { httpStatusCode: 400 } })
        await expect(unknownKey.send(send)).rejects.toMatchObject({ name: 'UnrecognizedClientException' })
      } finally {
        wrongSecret.destroy()
        unknownKey.destroy()
      }
      await new Promise((r) => setTimeout(r, 1000))
      expect(existsSync(marker)).toBe(false)
      // and no command was recorded for any instance
      const client = createSsmClient({ region: 'us-east-1', endpoint: endpointUrl(), credentials })
      try {
        const listed = await client.send(new ListCommandInvocationsCommand({ Details: true }))
        expect(JSON.stringify(listed.CommandInvocations ?? [])).not.toContain(marker)
      } finally {
        client.destroy()
      }
    })

    it('refuses commands for instance ids that are not the run\'s (InvalidInstanceId), and knows no invocation there', async () => {
      const client = createSsmClient({ region: 'us-east-1', endpoint: endpointUrl(), credentials, maxAttempts: 1 })
      try {
        const known = new Set([...outputs.consumers, ...(outputs.producers ?? [])].map((i) => i.instance_id))
        const described = await client.send(new DescribeInstanceInformationCommand({}))
        expect(new Set(described.InstanceInformationList?.map((i) => i.InstanceId))).toEqual(known)
        const stranger = 'i-0123456789abcdef0'
        expect(known.has(stranger)).toBe(false)
        await expect(
          client.send(new SendCommandCommand({ InstanceIds: [stranger], DocumentName: 'AWS-RunShellScript', Parameters: { commands: ['id'] } })),
        ).rejects.toMatchObject({ name: 'InvalidInstanceId' })
        const sent = await client.send(
          new SendCommandCommand({ InstanceIds: [consumers()[0]!.instance_id], DocumentName: 'AWS-RunShellScript', Parameters: { commands: ['true'] } }),
        )
        await expect(client.send(new GetCommandInvocationCommand({ CommandId: sent.Command!.CommandId!, InstanceId: stranger }))).rejects.toMatchObject({
          name: 'InvocationDoesNotExist',
        })
      } finally {
        client.destroy()
      }
    })

    it('runs each command inside its emulated instance\'s namespace, never in the host\'s', async () => {
      const hostNet = await readlink('/proc/self/ns/net')
      const ours = new Set(target.resources().namespaces)
      const seen = new Set<string>()
      for (const instance of [...outputs.consumers, ...(outputs.producers ?? [])]) {
        const [netns, name] = (await run(instance, 'readlink /proc/self/ns/net\nip netns identify $$')).trim().split('\n')
        expect(netns).toMatch(/^net:\[\d+\]$/)
        expect(netns).not.toBe(hostNet)
        expect(ours.has(name!), `${name} is one of the run's namespaces`).toBe(true)
        seen.add(netns!)
      }
      expect(seen.size).toBe(outputs.consumers.length + (outputs.producers?.length ?? 0))
    })
  })

  describe('a consumer instance reaches nothing outside its VPC but the endpoint', () => {
    let listener: Server
    let port: number
    let connections = 0

    beforeAll(async () => {
      listener = createServer((socket) => {
        connections += 1
        socket.on('error', () => undefined) // the control client hangs up at once
        socket.end('host loopback\n')
      })
      await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r))
      port = (listener.address() as AddressInfo).port
    })
    afterAll(() => new Promise<void>((r) => listener.close(() => r())))

    /** curl from inside the instance; prints `<exit> <http_code> <seconds>` and curl's error. */
    const curlFrom = async (instance: InstanceRef, url: string) => {
      const out = await run(instance, `curl -q -sS -o /dev/null --noproxy '*' --connect-timeout 2 --max-time 2 -w '%{http_code} %{time_total}' '${url}' 2>/tmp/plh-security-err-$$; x=$?; echo " $x"; cat /tmp/plh-security-err-$$; rm -f /tmp/plh-security-err-$$`)
      const [first, ...rest] = out.split('\n')
      const [code, seconds, exit] = first!.trim().split(' ')
      return { exit: Number(exit), code: Number(code), seconds: Number(seconds), error: rest.join('\n').trim() }
    }

    it('has no link between the host namespace and any namespace of the run', async () => {
      expect(target.resources().namespaces.length).toBeGreaterThan(0)
      expect(await linksToHost()).toEqual([])
    })

    it('reaches the service through the endpoint (the control: the path that must work does)', async () => {
      for (const consumer of consumers()) {
        const result = await curlFrom(consumer, `http://${outputs.endpoints[0]!.regional_dns}:${outputs.service.ports[0]}/`)
        expect(result, result.error).toMatchObject({ exit: 0, code: 200 })
      }
    })

    it('cannot reach the host\'s loopback: 127.0.0.1 inside the instance is its own, and the host listener sees nothing', async () => {
      // the control: the listener answers on the host's loopback
      await new Promise<void>((resolveConnect, reject) => {
        const socket = createConnection({ port, host: '127.0.0.1' }, () => {
          socket.destroy()
          resolveConnect()
        })
        socket.once('error', reject)
      })
      await new Promise((r) => setTimeout(r, 100))
      expect(connections).toBe(1)
      for (const consumer of consumers()) {
        const result = await curlFrom(consumer, `http://127.0.0.1:${port}/`)
        expect(result.exit, result.error).not.toBe(0)
        expect(result.code).toBe(0)
      }
      await new Promise((r) => setTimeout(r, 200))
      expect(connections).toBe(1)
    })

    it('cannot reach the host\'s own addresses: no answer at all (not even a refusal from the host\'s stack)', async () => {
      expect(await linksToHost()).toEqual([]) // checked again right before any packet is sent
      expect(hostIps.length, 'the host has a non-loopback IPv4 address to try').toBeGreaterThan(0)
      for (const consumer of consumers()) {
        for (const { ip } of hostIps) {
          const result = await curlFrom(consumer, `http://${ip}:${port}/`)
          expect(result.exit, `${ip}: ${result.error}`).not.toBe(0)
          // a host that were reachable would answer RST on this port (nothing listens on its address)
          expect(result.error).not.toMatch(/Connection refused/)
        }
      }
      expect(connections).toBe(1)
    }, 60_000)

    it(`cannot reach a public address (${TEST_NET}): fails within the timeout, no route out`, async () => {
      expect(await linksToHost()).toEqual([])
      for (const consumer of consumers()) {
        const result = await curlFrom(consumer, `http://${TEST_NET}/`)
        expect(result.exit, result.error).not.toBe(0)
        expect([7, 28]).toContain(result.exit) // no route, or dropped until the timeout
        expect(result.seconds).toBeLessThan(3)
      }
    })

    it('cannot reach the producer\'s instances directly, only through the endpoint', async () => {
      const producers = outputs.producers ?? []
      expect(producers.length).toBeGreaterThan(0)
      const consumerVpc = parseCidr(cidrs.consumer) as Cidr
      for (const producer of producers) {
        expect(producer.private_ip).toBeDefined()
        expect(cidrContains(consumerVpc, producer.private_ip!), 'the producer address lies outside the consumer VPC').toBe(false)
        for (const consumer of consumers()) {
          const result = await curlFrom(consumer, `http://${producer.private_ip}:${outputs.service.ports[0]}/`)
          expect(result.exit, `${producer.private_ip}: ${result.error}`).not.toBe(0)
          expect(result.code).toBe(0)
        }
        // the control: the producer does serve on that address and port, to its own VPC
        const own = await curlFrom(producer, `http://${producer.private_ip}:${outputs.service.ports[0]}/`)
        expect(own, own.error).toMatchObject({ exit: 0, code: 200 })
      }
    }, 60_000)
  })
})

describe.skipIf(!hasTools)('plh run writes no credential into logs, results or reports', () => {
  it('leaves no trace of the run\'s SSM credentials or any AWS-shaped key, and masks account ids with --mask-accounts', async () => {
    const reports = await mkdtemp(join(tmpdir(), 'plh-security-reports-'))
    temps.push(reports)
    const result = await execa('node', [join(repo, 'bin/plh.mjs'), 'run', '-s', 'same-region-cross-account', '-n', '2', '--report-dir', reports, '--mask-accounts', '--quiet'], {
      cwd: repo,
      reject: false,
      timeout: 300_000,
      env: { CI: '1', PLH_LOCAL_SSM_ACCESS_KEY_ID: credentials.accessKeyId, PLH_LOCAL_SSM_SECRET_ACCESS_KEY: credentials.secretAccessKey },
    })
    // 0, or 1 when a latency bound of the scenario did not hold on a busy machine: either way the
    // run went through apply, probes over SSM, teardown and reports, which is what is searched here
    expect([0, 1], result.stdout + result.stderr).toContain(result.exitCode)
    const runId = await readlink(join(reports, 'latest'))
    const files = (await execa('find', [reports, '-type', 'f'])).stdout.split('\n').filter(Boolean)
    const names = files.map((f) => f.slice(reports.length + 1))
    // what there is to search: the results, the HTML, JUnit, the run log and every SSM invocation's log
    expect(names).toEqual(expect.arrayContaining([`${runId}/results.json`, `${runId}/index.html`, `${runId}/junit.xml`]))
    expect(names.some((n) => /\/run\.log$/.test(n))).toBe(true)
    expect(names.some((n) => /\/ssm-i-[0-9a-f]+-.*\.log$/.test(n))).toBe(true)
    const results = JSON.parse(await readFile(join(reports, runId, 'results.json'), 'utf8')) as {
      scenarios: Array<{ status: string; ssm_api_calls: number; probes: Array<{ ok: number }> }>
    }
    expect(['passed', 'failed']).toContain(results.scenarios[0]!.status)
    // the credentials were in use: commands went through the SSM endpoint and samples came back
    expect(results.scenarios[0]!.ssm_api_calls).toBeGreaterThan(0)
    expect(results.scenarios[0]!.probes.reduce((n, p) => n + p.ok, 0)).toBeGreaterThan(0)

    const texts = [
      ...(await Promise.all(files.map(async (f) => ({ where: f, text: await readFile(f, 'latin1') })))),
      { where: 'stdout', text: result.stdout },
      { where: 'stderr', text: result.stderr },
    ]
    for (const { where, text } of texts) {
      expect(text.includes(credentials.accessKeyId), `${where} holds the access key id`).toBe(false)
      expect(text.includes(credentials.secretAccessKey), `${where} holds the secret`).toBe(false)
      expect(text.includes(credentials.secretAccessKey.slice(0, 16)), `${where} holds part of the secret`).toBe(false)
      expect(text, where).not.toMatch(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/)
      expect(text, where).not.toMatch(/aws_secret_access_key|secretAccessKey|secret_access_key|sessionToken|session_token/i)
    }

    // account ids (the fixture's defaults) masked in the report and the results
    for (const file of ['results.json', 'index.html']) {
      const text = await readFile(join(reports, runId, file), 'utf8')
      // (not inside a longer number: the SVG charts have coordinates such as 103.11111111111111)
      expect(text, file).not.toMatch(/(?<![\d.])(111111111111|222222222222)(?![\d.])/)
      expect(text, file).toMatch(/\*{4}1111|\*{4}2222/)
    }
  }, 300_000)
})
