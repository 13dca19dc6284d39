// The real @aws-sdk/client-ssm against the local SSM endpoint: proves the endpoint speaks the
// protocol the SDK expects and behaves where a client can tell (registration delay, eventual
// consistency, statuses, output limits, timeouts, SigV4), and that createSsmTransport works
// through it end to end. The "instance" is a plain local `sh -s` stand-in, except in the last
// test, which runs the command inside a real network namespace (root only).
import {
  DescribeInstanceInformationCommand,
  GetCommandInvocationCommand,
  type GetCommandInvocationCommandOutput,
  ListCommandInvocationsCommand,
  SendCommandCommand,
  type SSMClient,
} from '@aws-sdk/client-ssm'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execInNamespace, execScript } from '../harness/targets/local/ssm/exec-in-namespace.js'
import type { InstanceRegistry, RegisteredInstance } from '../harness/targets/local/ssm/instance-registry.js'
import { type SsmEndpoint, startSsmEndpoint } from '../harness/targets/local/ssm/start-ssm-endpoint.js'
import { createSsmClient } from '../harness/targets/ssm-client.js'
import { createSsmTransport } from '../harness/targets/ssm-transport.js'
import { waitForInstancesOnline } from '../harness/targets/wait-for-instances-online.js'

const region = 'eu-west-2'
const credentials = { accessKeyId: `AKIDPLH${randomBytes(6).toString('hex').toUpperCase()}`, secretAccessKey: randomBytes(20).toString('hex') }
const SHELL_STAND_IN = 'i-0123456789abcdef0'
const NAMESPACE_INSTANCE = 'i-0fedcba9876543210'
const REGISTRATION_DELAY_MS = 1000
const POLL_MS = 100
const MARKER = '\n---Output truncated---'

const netnsUnavailable =
  process.getuid?.() !== 0 ? 'not running as root' : spawnSync('ip', ['-V']).status !== 0 ? 'the ip command (iproute2) is missing' : undefined
if (netnsUnavailable) console.warn(`ssm-interop: skipping the network-namespace test: ${netnsUnavailable}`)
const namespace = `plh-test-${randomBytes(3).toString('hex')}`
let namespaceCreated = false

const instances: RegisteredInstance[] = []
const registry: InstanceRegistry = {
  list: () => [...instances],
  exec: (instanceId, script, opts) =>
    instanceId === NAMESPACE_INSTANCE ? execInNamespace(namespace, script, opts) : execScript(['sh', '-s'], script, opts),
}

let endpoint: SsmEndpoint
let client: SSMClient

beforeAll(async () => {
  instances.push({ instanceId: SHELL_STAND_IN, registeredAt: Date.now(), computerName: 'local-shell-stand-in' })
  endpoint = await startSsmEndpoint({ region, credentials, instances: registry, registrationDelayMs: REGISTRATION_DELAY_MS })
  client = createSsmClient({ region, endpoint: endpoint.url, credentials })
})

afterAll(async () => {
  client?.destroy()
  await endpoint?.close()
})

async function send(commands: string[], extra: { executionTimeout?: string } = {}): Promise<string> {
  const out = await client.send(
    new SendCommandCommand({
      InstanceIds: [SHELL_STAND_IN],
      DocumentName: 'AWS-RunShellScript',
      Parameters: { commands, ...(extra.executionTimeout ? { executionTimeout: [extra.executionTimeout] } : {}) },
      TimeoutSeconds: 30,
    }),
  )
  return out.Command!.CommandId!
}

async function getInvocation(commandId: string, instanceId = SHELL_STAND_IN): Promise<GetCommandInvocationCommandOutput> {
  return client.send(new GetCommandInvocationCommand({ CommandId: commandId, InstanceId: instanceId }))
}

/** Polls as a client would, treating InvocationDoesNotExist as "not yet". */
async function waitForFinal(commandId: string, instanceId = SHELL_STAND_IN): Promise<GetCommandInvocationCommandOutput> {
  const deadline = Date.now() + 20_000
  for (;;) {
    await sleep(POLL_MS)
    const invocation = await getInvocation(commandId, instanceId).catch((error: Error) => {
      if (error.name === 'InvocationDoesNotExist') return undefined
      throw error
    })
    if (invocation && ['Success', 'Failed', 'TimedOut', 'Cancelled'].includes(invocation.Status ?? '')) return invocation
    if (Date.now() > deadline) throw new Error(`command ${commandId} did not finish`)
  }
}

describe('local SSM endpoint ↔ real @aws-sdk/client-ssm (instance: a plain local shell stand-in)', () => {
  it('hides a newly registered instance from DescribeInstanceInformation (and refuses commands to it) until the registration delay has passed', async () => {
    const early = await client.send(new DescribeInstanceInformationCommand({}))
    expect(early.InstanceInformationList).toEqual([])
    const refused = await send(['true']).catch((e: Error & { $metadata?: { httpStatusCode?: number } }) => e)
    expect(refused).toMatchObject({ name: 'InvalidInstanceId', $metadata: { httpStatusCode: 400 } })

    await waitForInstancesOnline(client, [SHELL_STAND_IN], { timeoutMs: 5000, pollIntervalMs: POLL_MS })
    const later = await client.send(new DescribeInstanceInformationCommand({ Filters: [{ Key: 'InstanceIds', Values: [SHELL_STAND_IN] }] }))
    expect(later.InstanceInformationList).toEqual([
      expect.objectContaining({ InstanceId: SHELL_STAND_IN, PingStatus: 'Online', PlatformType: 'Linux', ResourceType: 'EC2Instance' }),
    ])
  })

  it('answers InvocationDoesNotExist (HTTP 400) to GetCommandInvocation right after SendCommand', async () => {
    const commandId = await send(['echo hi'])
    const error = await getInvocation(commandId).catch((e: Error & { $metadata?: { httpStatusCode?: number } }) => e)
    expect(error).toMatchObject({ name: 'InvocationDoesNotExist', $metadata: { httpStatusCode: 400 } })
    await waitForFinal(commandId)
  })

  it('reports InProgress with ResponseCode -1 and no output while the command runs, then the exit code', async () => {
    const commandId = await send(['sleep 1', 'echo done'])
    await sleep(500)
    const running = await getInvocation(commandId)
    expect(running).toMatchObject({ Status: 'InProgress', StatusDetails: 'InProgress', ResponseCode: -1, StandardOutputContent: '' })
    expect(running.ExecutionStartDateTime).not.toBe('')
    const done = await waitForFinal(commandId)
    expect(done).toMatchObject({ Status: 'Success', ResponseCode: 0, StandardOutputContent: 'done\n' })
  })

  it('returns Success with stdout, and the plugin output through ListCommandInvocations with Details', async () => {
    const commandId = await send(['printf "hello\\nworld\\n"'])
    const done = await waitForFinal(commandId)
    expect(done).toMatchObject({
      Status: 'Success',
      StatusDetails: 'Success',
      ResponseCode: 0,
      StandardOutputContent: 'hello\nworld\n',
      StandardErrorContent: '',
      PluginName: 'aws:runShellScript',
    })
    const listed = await client.send(new ListCommandInvocationsCommand({ CommandId: commandId, Details: true }))
    expect(listed.CommandInvocations).toHaveLength(1)
    expect(listed.CommandInvocations?.[0]?.CommandPlugins?.[0]).toMatchObject({ Name: 'aws:runShellScript', Status: 'Success', ResponseCode: 0, Output: 'hello\nworld\n' })
  })

  it('returns Failed with the exit code and the agent\'s stderr line on a non-zero exit', async () => {
    const done = await waitForFinal(await send(['echo oops >&2', 'exit 3']))
    expect(done).toMatchObject({ Status: 'Failed', StatusDetails: 'Failed', ResponseCode: 3, StandardErrorContent: 'oops\nfailed to run commands: exit status 3' })
  })

  it('cuts StandardOutputContent at 24,000 characters and appends the truncation marker (30,000 printed)', async () => {
    const done = await waitForFinal(await send(["head -c 30000 /dev/zero | tr '\\0' x"]))
    expect(done.Status).toBe('Success')
    expect(done.StandardOutputContent).toBe(`${'x'.repeat(24_000)}${MARKER}`)
  })

  it('kills the command at executionTimeout: TimedOut / ExecutionTimedOut', async () => {
    const started = Date.now()
    const done = await waitForFinal(await send(['echo started', 'sleep 10'], { executionTimeout: '1' }))
    expect(done).toMatchObject({ Status: 'TimedOut', StatusDetails: 'ExecutionTimedOut', ResponseCode: 137 })
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('validates SendCommand as SSM does: at most 50 instances, delivery timeout ≥ 30 s, AWS-RunShellScript only', async () => {
    const base = { DocumentName: 'AWS-RunShellScript', InstanceIds: [SHELL_STAND_IN], Parameters: { commands: ['true'] } }
    const tooMany = Array.from({ length: 51 }, (_, i) => `i-${String(i).padStart(17, '0')}`)
    await expect(client.send(new SendCommandCommand({ ...base, InstanceIds: tooMany }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/at 'instanceIds' failed to satisfy constraint: Member must have length less than or equal to 50/),
    })
    await expect(client.send(new SendCommandCommand({ ...base, TimeoutSeconds: 5 }))).rejects.toMatchObject({ name: 'ValidationException' })
    await expect(client.send(new SendCommandCommand({ ...base, DocumentName: 'AWS-RunPowerShellScript' }))).rejects.toMatchObject({ name: 'InvalidDocument' })
    await expect(client.send(new SendCommandCommand({ ...base, Parameters: { commands: ['true'], executionTimeout: ['0'] } }))).rejects.toMatchObject({
      name: 'InvalidParameters',
    })
  })

  it('refuses a client signing with the wrong secret (InvalidSignatureException) or an unknown key (UnrecognizedClientException)', async () => {
    const wrongSecret = createSsmClient({ region, endpoint: endpoint.url, credentials: { ...credentials, secretAccessKey: 'wrong' }, maxAttempts: 1 })
    const unknownKey = createSsmClient({ region, endpoint: endpoint.url, credentials: { accessKeyId: 'AKIDNOTTHISRUN', secretAccessKey: 'x' }, maxAttempts: 1 })
    try {
      await expect(wrongSecret.send(new DescribeInstanceInformationCommand({}))).rejects.toMatchObject({
        name: 'InvalidSignatureException',
        $metadata: { httpStatusCode: 400 },
      })
      await expect(unknownKey.send(new DescribeInstanceInformationCommand({}))).rejects.toMatchObject({ name: 'UnrecognizedClientException' })
    } finally {
      wrongSecret.destroy()
      unknownKey.destroy()
    }
  })

  it('createSsmTransport runs scripts end to end: output, exit codes as data, truncation flagged, API calls counted', async () => {
    const transport = createSsmTransport({ client, instanceId: SHELL_STAND_IN, pollIntervalMs: POLL_MS })
    const before = endpoint.apiCalls()

    const ok = await transport.run('echo "via transport"\necho note >&2', { timeoutSeconds: 10, comment: 'interop' })
    expect(ok).toMatchObject({ instanceId: SHELL_STAND_IN, status: 'Success', responseCode: 0, stdout: 'via transport\n', stderr: 'note\n', stdoutTruncated: false })
    expect(ok.commandId).toMatch(/^[0-9a-f-]{36}$/)

    const failed = await transport.run('exit 4', { timeoutSeconds: 10 })
    expect(failed).toMatchObject({ status: 'Failed', responseCode: 4 })

    const big = await transport.run("head -c 30000 /dev/zero | tr '\\0' y", { timeoutSeconds: 10 })
    expect(big.stdoutTruncated).toBe(true)
    expect(big.stdout).toHaveLength(24_000 + MARKER.length)

    const after = endpoint.apiCalls()
    const delta = (op: string) => (after[op] ?? 0) - (before[op] ?? 0)
    expect(delta('SendCommand')).toBe(3)
    expect(delta('SendCommand') + delta('GetCommandInvocation')).toBe(ok.apiCalls + failed.apiCalls + big.apiCalls)
  })

  describe('inside a real network namespace', () => {
    beforeAll(() => {
      if (netnsUnavailable) return
      const added = spawnSync('ip', ['netns', 'add', namespace], { encoding: 'utf8' })
      if (added.status !== 0) throw new Error(`ip netns add ${namespace} failed: ${added.stderr}`)
      namespaceCreated = true
      instances.push({ instanceId: NAMESPACE_INSTANCE, registeredAt: Date.now(), computerName: namespace })
    })

    afterAll(() => {
      if (!namespaceCreated) return
      const deleted = spawnSync('ip', ['netns', 'del', namespace], { encoding: 'utf8' })
      if (deleted.status !== 0) throw new Error(`ip netns del ${namespace} failed: ${deleted.stderr}`)
    })

    it.skipIf(netnsUnavailable !== undefined)('runs the command inside the instance\'s namespace, where only lo exists', async () => {
      await waitForInstancesOnline(client, [NAMESPACE_INSTANCE], { timeoutMs: 5000, pollIntervalMs: POLL_MS })
      const transport = createSsmTransport({ client, instanceId: NAMESPACE_INSTANCE, pollIntervalMs: POLL_MS })
      const result = await transport.run('ip netns identify $$\nip link set lo up\nip -o addr', { timeoutSeconds: 10 })
      expect(result.status).toBe('Success')
      const [identified, ...addresses] = result.stdout.trim().split('\n')
      expect(identified).toBe(namespace)
      expect(addresses.length).toBeGreaterThan(0)
      for (const line of addresses) expect(line.split(/\s+/)[1]).toBe('lo')
    })
  })
})
