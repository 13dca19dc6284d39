// Stand-ins (aws-sdk-client-mock) for SSM behaviours the local endpoint does not produce on demand:
// throttling, access denied, an instance that never registers.
import {
  DescribeInstanceInformationCommand,
  GetCommandInvocationCommand,
  InvocationDoesNotExist,
  SendCommandCommand,
  SSMClient,
  SSMServiceException,
} from '@aws-sdk/client-ssm'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { InfrastructureError } from '../core/errors.js'
import { createSsmClient } from './ssm-client.js'
import { createSsmTransport } from './ssm-transport.js'
import { waitForInstancesOnline } from './wait-for-instances-online.js'

const ssm = mockClient(SSMClient)
const instanceId = 'i-0123456789abcdef0'
const commandId = '5c6f2a4e-1b7d-4e0a-9f3c-2d8e7b6a5f40'

function serviceError(name: string, message: string): SSMServiceException {
  return new SSMServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode: 400 } })
}

function newClient(): SSMClient {
  return createSsmClient({ region: 'eu-west-2', credentials: { accessKeyId: 'AKIDSTANDIN', secretAccessKey: 'stand-in' } })
}

afterEach(() => ssm.reset())
afterAll(() => ssm.restore())

describe('SSM transport', () => {
  it('stand-in: InvocationDoesNotExist and ThrottlingException while polling, then Success: the transport retries and returns the output', async () => {
    ssm.on(SendCommandCommand).resolves({ Command: { CommandId: commandId } })
    ssm
      .on(GetCommandInvocationCommand)
      .rejectsOnce(new InvocationDoesNotExist({ message: 'not yet', $metadata: {} }))
      .rejectsOnce(serviceError('ThrottlingException', 'Rate exceeded'))
      .resolvesOnce({ Status: 'InProgress', StatusDetails: 'InProgress', ResponseCode: -1 })
      .resolves({ Status: 'Success', StatusDetails: 'Success', ResponseCode: 0, StandardOutputContent: 'ok\n', StandardErrorContent: '' })

    const transport = createSsmTransport({ client: newClient(), instanceId, pollIntervalMs: 10 })
    const result = await transport.run('echo ok', { timeoutSeconds: 5, comment: 'stand-in' })

    expect(result).toMatchObject({ commandId, instanceId, status: 'Success', responseCode: 0, stdout: 'ok\n', stdoutTruncated: false })
    expect(result.apiCalls).toBe(5)
    const sent = ssm.commandCalls(SendCommandCommand)[0]?.args[0].input
    expect(sent).toMatchObject({
      InstanceIds: [instanceId],
      DocumentName: 'AWS-RunShellScript',
      Parameters: { commands: ['echo ok'], executionTimeout: ['5'] },
      // the delivery timeout may not be below SSM's minimum of 30 s
      TimeoutSeconds: 30,
      Comment: 'stand-in',
    })
  })

  it('stand-in: AccessDeniedException fails fast with an error that names the cause', async () => {
    ssm.on(SendCommandCommand).rejects(serviceError('AccessDeniedException', 'User is not authorized to perform: ssm:SendCommand'))
    const transport = createSsmTransport({ client: newClient(), instanceId, pollIntervalMs: 10 })

    const error = await transport.run('true', { timeoutSeconds: 5 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InfrastructureError)
    expect(error).toMatchObject({ code: 'TRANSPORT_FAILED', fields: { errorName: 'AccessDeniedException', attempts: 1, apiCalls: 1 } })
    expect((error as Error).message).toMatch(/SendCommand failed with AccessDeniedException: User is not authorized.*IAM policy/)
    expect(ssm.commandCalls(SendCommandCommand)).toHaveLength(1)
    expect(ssm.commandCalls(GetCommandInvocationCommand)).toHaveLength(0)
  })

  it('stand-in: InvalidInstanceId while polling is fatal too, not retried', async () => {
    ssm.on(SendCommandCommand).resolves({ Command: { CommandId: commandId } })
    ssm.on(GetCommandInvocationCommand).rejects(serviceError('InvalidInstanceId', ''))
    const transport = createSsmTransport({ client: newClient(), instanceId, pollIntervalMs: 10 })
    await expect(transport.run('true', { timeoutSeconds: 5 })).rejects.toMatchObject({ code: 'TRANSPORT_FAILED', fields: { errorName: 'InvalidInstanceId' } })
    expect(ssm.commandCalls(GetCommandInvocationCommand)).toHaveLength(1)
  })

  it('stand-in: throttled on every poll, the transport gives up after a bounded number of retries', async () => {
    ssm.on(SendCommandCommand).resolves({ Command: { CommandId: commandId } })
    ssm.on(GetCommandInvocationCommand).rejects(serviceError('ThrottlingException', 'Rate exceeded'))
    const transport = createSsmTransport({ client: newClient(), instanceId, pollIntervalMs: 10 })
    const error = await transport.run('true', { timeoutSeconds: 5 }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'TRANSPORT_FAILED', fields: { errorName: 'ThrottlingException', attempts: 9 } })
    expect((error as Error).message).toMatch(/Rate exceeded/)
  })

  it('maps StatusDetails that say more than Status (DeliveryTimedOut) and flags the truncation marker', async () => {
    ssm.on(SendCommandCommand).resolves({ Command: { CommandId: commandId } })
    ssm.on(GetCommandInvocationCommand).resolves({
      Status: 'TimedOut',
      StatusDetails: 'DeliveryTimedOut',
      ResponseCode: -1,
      StandardOutputContent: 'partial\n---Output truncated---',
    })
    const result = await createSsmTransport({ client: newClient(), instanceId, pollIntervalMs: 10 }).run('true', { timeoutSeconds: 5 })
    expect(result).toMatchObject({ status: 'DeliveryTimedOut', responseCode: -1, stdoutTruncated: true })
  })

  it.each(['Failed', 'TimedOut'])('stand-in: StatusDetails ExecutionTimedOut (Status %s) is a timeout, not a plain failure', async (status) => {
    ssm.on(SendCommandCommand).resolves({ Command: { CommandId: commandId } })
    ssm.on(GetCommandInvocationCommand).resolves({ Status: status as 'Failed', StatusDetails: 'ExecutionTimedOut', ResponseCode: -1 })
    const result = await createSsmTransport({ client: newClient(), instanceId, pollIntervalMs: 10 }).run('sleep 99', { timeoutSeconds: 5 })
    expect(result.status).toBe('TimedOut')
  })
})

describe('waitForInstancesOnline', () => {
  it('stand-in: an instance that never registers times out with its id named', async () => {
    const registered = 'i-0aaaaaaaaaaaaaaaa'
    const never = 'i-0bbbbbbbbbbbbbbbb'
    ssm.on(DescribeInstanceInformationCommand).resolves({ InstanceInformationList: [{ InstanceId: registered, PingStatus: 'Online' }] })

    const error = await waitForInstancesOnline(newClient(), [registered, never], { timeoutMs: 300, pollIntervalMs: 50 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InfrastructureError)
    expect(error).toMatchObject({ code: 'NOT_READY', fields: { missing: [never] } })
    expect((error as Error).message).toMatch(new RegExp(`${never} \\(not registered\\)`))
    expect((error as Error).message).not.toMatch(registered)
    expect(ssm.commandCalls(DescribeInstanceInformationCommand).length).toBeGreaterThan(1)
  })

  it('stand-in: follows NextToken and resolves once every instance is Online', async () => {
    const a = 'i-0aaaaaaaaaaaaaaaa'
    const b = 'i-0bbbbbbbbbbbbbbbb'
    ssm
      .on(DescribeInstanceInformationCommand)
      .resolvesOnce({ InstanceInformationList: [{ InstanceId: a, PingStatus: 'ConnectionLost' }] })
      .resolvesOnce({ InstanceInformationList: [{ InstanceId: a, PingStatus: 'Online' }], NextToken: 'page-2' })
      .resolves({ InstanceInformationList: [{ InstanceId: b, PingStatus: 'Online' }] })

    const { apiCalls } = await waitForInstancesOnline(newClient(), [a, b], { timeoutMs: 2000, pollIntervalMs: 20 })
    expect(apiCalls).toBe(3)
    expect(ssm.commandCalls(DescribeInstanceInformationCommand)[2]?.args[0].input).toMatchObject({ NextToken: 'page-2' })
  })

  it('stand-in: AccessDeniedException stops the wait at once', async () => {
    ssm.on(DescribeInstanceInformationCommand).rejects(serviceError('AccessDeniedException', 'not authorized'))
    await expect(waitForInstancesOnline(newClient(), [instanceId], { timeoutMs: 5000, pollIntervalMs: 20 })).rejects.toMatchObject({
      code: 'NOT_READY',
      fields: { missing: [instanceId], errorName: 'AccessDeniedException' },
    })
    expect(ssm.commandCalls(DescribeInstanceInformationCommand)).toHaveLength(1)
  })
})
