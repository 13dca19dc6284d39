// Account-id → alias mapping against a stand-in (aws-sdk-client-mock) for STS.
import { GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { runConfigSchema } from '../../core/run-config.js'
import { AwsClients } from './aws-clients.js'

const stsMock = mockClient(STSClient)
afterEach(() => stsMock.reset())
afterAll(() => stsMock.restore())

const credentials = () => ({ accessKeyId: 'AKIDSTANDIN', secretAccessKey: 'stand-in' })

describe('AwsClients (aws-sdk-client-mock stand-in for STS)', () => {
  it('maps an account id to its alias from the configuration without calling STS', async () => {
    const clients = new AwsClients({ config: runConfigSchema.parse({ accounts: { producer: { account_id: '111111111111' }, consumer: { account_id: '222222222222' } } }), credentials })
    expect(await clients.aliasOf('222222222222')).toBe('consumer')
    expect(stsMock.calls()).toHaveLength(0)
  })

  it('asks STS once per alias when the configuration gives no account id', async () => {
    const clients = new AwsClients({ config: runConfigSchema.parse({ accounts: { producer: { profile: 'a' }, consumer: { profile: 'b' } }, regions: ['eu-west-2'] }), credentials, minDelayMs: 5 })
    stsMock.on(GetCallerIdentityCommand).resolvesOnce({ Account: '111111111111' }).resolvesOnce({ Account: '222222222222' })
    expect(await clients.aliasOf('222222222222')).toBe('consumer')
    expect(await clients.aliasOf('111111111111')).toBe('producer')
    expect(stsMock.commandCalls(GetCallerIdentityCommand)).toHaveLength(2)
    await expect(clients.aliasOf('333333333333')).rejects.toThrow('no account of the run configuration has the id 333333333333 (aliases: producer, consumer)')
  })

  it('builds one client per alias and region', () => {
    const clients = new AwsClients({ config: runConfigSchema.parse({ accounts: { consumer: {} } }), credentials })
    expect(clients.ec2('consumer', 'us-east-1')).toBe(clients.ec2('consumer', 'us-east-1'))
    expect(clients.ec2('consumer', 'us-east-1')).not.toBe(clients.ec2('consumer', 'eu-west-2'))
    expect(() => clients.ssm('nobody', 'us-east-1')).toThrow('the run configuration has no account "nobody"')
    clients.destroy()
  })

  it('credentials STS refuses are an error naming the alias', async () => {
    const clients = new AwsClients({ config: runConfigSchema.parse({ accounts: { consumer: { profile: 'b' } } }), credentials, minDelayMs: 5 })
    stsMock.on(GetCallerIdentityCommand).rejects(new STSServiceException({ name: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', $fault: 'client', $metadata: {} }))
    await expect(clients.accountId('consumer')).rejects.toThrow('sts:GetCallerIdentity in account "consumer" (us-east-1) failed with InvalidClientTokenId')
  })
})
