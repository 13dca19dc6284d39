// IAM over the wire: the real SDK client against the local API (query protocol, global service
// signed with us-east-1), in the order the provider creates and destroys the fixture's SSM access.
import * as iam from '@aws-sdk/client-iam'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_ACCOUNTS, startTestApi } from '../test-request-context.js'
import { iamService } from './index.js'

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } }] })
const SSM_CORE = 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'

let setup: Awaited<ReturnType<typeof startTestApi>>
beforeAll(async () => {
  setup = await startTestApi([iamService])
})
afterAll(async () => {
  await setup?.api.close()
})

describe('IAM through the SDK client', () => {
  it('creates, reads and deletes role, policy attachment and instance profile', async () => {
    const client = new iam.IAMClient(setup.clientConfig())
    const created = await client.send(new iam.CreateRoleCommand({ RoleName: 'plh-ssm', AssumeRolePolicyDocument: TRUST, Tags: [{ Key: 'plh:run-id', Value: 'r1' }] }))
    expect(created.Role).toMatchObject({ RoleName: 'plh-ssm', Path: '/', Arn: 'arn:aws:iam::111111111111:role/plh-ssm', MaxSessionDuration: 3600, Tags: [{ Key: 'plh:run-id', Value: 'r1' }] })
    expect(created.Role!.CreateDate).toBeInstanceOf(Date)
    const read = await client.send(new iam.GetRoleCommand({ RoleName: 'plh-ssm' }))
    expect(decodeURIComponent(read.Role!.AssumeRolePolicyDocument!)).toBe(TRUST)
    expect(read.Role!.RoleId).toBe(created.Role!.RoleId)

    await client.send(new iam.AttachRolePolicyCommand({ RoleName: 'plh-ssm', PolicyArn: SSM_CORE }))
    expect((await client.send(new iam.ListAttachedRolePoliciesCommand({ RoleName: 'plh-ssm' }))).AttachedPolicies).toEqual([{ PolicyName: 'AmazonSSMManagedInstanceCore', PolicyArn: SSM_CORE }])
    expect((await client.send(new iam.ListRolePoliciesCommand({ RoleName: 'plh-ssm' }))).PolicyNames).toEqual([])
    expect((await client.send(new iam.GetPolicyCommand({ PolicyArn: SSM_CORE }))).Policy).toMatchObject({ PolicyName: 'AmazonSSMManagedInstanceCore', AttachmentCount: 1, IsAttachable: true })

    const profile = await client.send(new iam.CreateInstanceProfileCommand({ InstanceProfileName: 'plh-ssm' }))
    expect(profile.InstanceProfile).toMatchObject({ InstanceProfileName: 'plh-ssm', Arn: 'arn:aws:iam::111111111111:instance-profile/plh-ssm', Roles: [] })
    await client.send(new iam.AddRoleToInstanceProfileCommand({ InstanceProfileName: 'plh-ssm', RoleName: 'plh-ssm' }))
    const withRole = await client.send(new iam.GetInstanceProfileCommand({ InstanceProfileName: 'plh-ssm' }))
    expect(withRole.InstanceProfile!.Roles!.map((r) => [r.RoleName, r.Arn])).toEqual([['plh-ssm', 'arn:aws:iam::111111111111:role/plh-ssm']])
    expect((await client.send(new iam.ListInstanceProfilesForRoleCommand({ RoleName: 'plh-ssm' }))).InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual(['plh-ssm'])

    await expect(client.send(new iam.DeleteRoleCommand({ RoleName: 'plh-ssm' }))).rejects.toBeInstanceOf(iam.DeleteConflictException)
    await client.send(new iam.RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'plh-ssm', RoleName: 'plh-ssm' }))
    await client.send(new iam.DeleteInstanceProfileCommand({ InstanceProfileName: 'plh-ssm' }))
    await client.send(new iam.DetachRolePolicyCommand({ RoleName: 'plh-ssm', PolicyArn: SSM_CORE }))
    await client.send(new iam.DeleteRoleCommand({ RoleName: 'plh-ssm' }))
    await expect(client.send(new iam.GetRoleCommand({ RoleName: 'plh-ssm' }))).rejects.toBeInstanceOf(iam.NoSuchEntityException)
    await expect(client.send(new iam.GetInstanceProfileCommand({ InstanceProfileName: 'plh-ssm' }))).rejects.toMatchObject({ name: 'NoSuchEntityException', $metadata: { httpStatusCode: 404 } })
    expect(setup.store.all()).toEqual([])
  })

  it('keeps each account its own roles and answers EntityAlreadyExists for a taken name', async () => {
    const producer = new iam.IAMClient(setup.clientConfig(TEST_ACCOUNTS[0]))
    const consumer = new iam.IAMClient(setup.clientConfig(TEST_ACCOUNTS[1]))
    await producer.send(new iam.CreateRoleCommand({ RoleName: 'same', AssumeRolePolicyDocument: TRUST }))
    await consumer.send(new iam.CreateRoleCommand({ RoleName: 'same', AssumeRolePolicyDocument: TRUST }))
    await expect(producer.send(new iam.CreateRoleCommand({ RoleName: 'same', AssumeRolePolicyDocument: TRUST }))).rejects.toBeInstanceOf(iam.EntityAlreadyExistsException)
    expect((await consumer.send(new iam.GetRoleCommand({ RoleName: 'same' }))).Role!.Arn).toBe('arn:aws:iam::222222222222:role/same')
  })
})
