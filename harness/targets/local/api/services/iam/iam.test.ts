import { describe, expect, it } from 'vitest'
import { createTestContext, createTestStore } from '../test-request-context.js'
import { instanceProfileAllowsSsm } from './instance-permissions.js'
import { addRoleToInstanceProfile, createInstanceProfile, deleteInstanceProfile, getInstanceProfile, removeRoleFromInstanceProfile } from './instance-profiles.js'
import { getPolicy } from './managed-policies.js'
import { attachRolePolicy, deleteRolePolicy, detachRolePolicy, getRolePolicy, listAttachedRolePolicies, listRolePolicies, putRolePolicy } from './role-policies.js'
import { createRole, deleteRole, getRole, listInstanceProfilesForRole } from './roles.js'
import { listRoleTags, tagRole, untagRole } from './tags.js'

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'ec2.amazonaws.com' } }] })
const SSM_CORE = 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'

function setup() {
  const store = createTestStore()
  const context = createTestContext(store, { region: 'us-east-1', service: 'iam' })
  createRole({ RoleName: 'plh-consumer-ssm', AssumeRolePolicyDocument: TRUST, Tags: [{ Key: 'plh:run', Value: 'r1' }] }, context)
  return { store, context }
}

describe('roles', () => {
  it('creates a role with an AROA id and ARN, answers the trust policy URL-encoded as AWS does, and refuses a second one of the same name', () => {
    const { context } = setup()
    const role = getRole({ RoleName: 'plh-consumer-ssm' }, context).Role!
    expect(role).toMatchObject({ RoleName: 'plh-consumer-ssm', Path: '/', Arn: 'arn:aws:iam::111111111111:role/plh-consumer-ssm', MaxSessionDuration: 3600, Tags: [{ Key: 'plh:run', Value: 'r1' }] })
    expect(role.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/)
    expect(decodeURIComponent(role.AssumeRolePolicyDocument!)).toBe(TRUST)
    expect(role.AssumeRolePolicyDocument).not.toContain('{')
    expect(() => createRole({ RoleName: 'PLH-consumer-ssm', AssumeRolePolicyDocument: TRUST }, context)).toThrow(expect.objectContaining({ code: 'EntityAlreadyExists', status: 409 }))
    expect(() => createRole({ RoleName: 'x', AssumeRolePolicyDocument: '{nope' }, context)).toThrow(expect.objectContaining({ code: 'MalformedPolicyDocument' }))
    expect(() => getRole({ RoleName: 'missing' }, context)).toThrow(expect.objectContaining({ code: 'NoSuchEntity', status: 404 }))
    // Roles belong to one account.
    expect(() => getRole({ RoleName: 'plh-consumer-ssm' }, createTestContext(context.store, { account: '222222222222' }))).toThrow(expect.objectContaining({ code: 'NoSuchEntity' }))
  })

  it('tags and untags a role', () => {
    const { context } = setup()
    tagRole({ RoleName: 'plh-consumer-ssm', Tags: [{ Key: 'Name', Value: 'n' }] }, context)
    untagRole({ RoleName: 'plh-consumer-ssm', TagKeys: ['plh:run'] }, context)
    expect(listRoleTags({ RoleName: 'plh-consumer-ssm' }, context).Tags).toEqual([{ Key: 'Name', Value: 'n' }])
  })
})

describe('policies of a role', () => {
  it('attaches AWS managed policies, lists and detaches them, and refuses unknown ones', () => {
    const { context } = setup()
    attachRolePolicy({ RoleName: 'plh-consumer-ssm', PolicyArn: SSM_CORE }, context)
    attachRolePolicy({ RoleName: 'plh-consumer-ssm', PolicyArn: SSM_CORE }, context)
    expect(listAttachedRolePolicies({ RoleName: 'plh-consumer-ssm' }, context).AttachedPolicies).toEqual([{ PolicyName: 'AmazonSSMManagedInstanceCore', PolicyArn: SSM_CORE }])
    expect(getPolicy({ PolicyArn: SSM_CORE }, context).Policy).toMatchObject({ PolicyName: 'AmazonSSMManagedInstanceCore', AttachmentCount: 1, IsAttachable: true, DefaultVersionId: 'v2' })
    expect(() => attachRolePolicy({ RoleName: 'plh-consumer-ssm', PolicyArn: 'arn:aws:iam::aws:policy/NoSuchPolicy' }, context)).toThrow(/does not exist or is not attachable/)
    detachRolePolicy({ RoleName: 'plh-consumer-ssm', PolicyArn: SSM_CORE }, context)
    expect(listAttachedRolePolicies({ RoleName: 'plh-consumer-ssm' }, context).AttachedPolicies).toEqual([])
    expect(() => detachRolePolicy({ RoleName: 'plh-consumer-ssm', PolicyArn: SSM_CORE }, context)).toThrow(expect.objectContaining({ code: 'NoSuchEntity' }))
  })

  it('keeps inline policies and answers their documents URL-encoded', () => {
    const { context } = setup()
    const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] })
    putRolePolicy({ RoleName: 'plh-consumer-ssm', PolicyName: 'read', PolicyDocument: doc }, context)
    expect(listRolePolicies({ RoleName: 'plh-consumer-ssm' }, context).PolicyNames).toEqual(['read'])
    expect(decodeURIComponent(getRolePolicy({ RoleName: 'plh-consumer-ssm', PolicyName: 'read' }, context).PolicyDocument!)).toBe(doc)
    expect(() => deleteRole({ RoleName: 'plh-consumer-ssm' }, context)).toThrow(/must delete policies first/)
    deleteRolePolicy({ RoleName: 'plh-consumer-ssm', PolicyName: 'read' }, context)
    expect(listRolePolicies({ RoleName: 'plh-consumer-ssm' }, context).PolicyNames).toEqual([])
  })
})

describe('instance profiles', () => {
  it('follow the fixture: profile with the role, SSM core policy visible to SSM registration, then torn down in the provider order', () => {
    const { store, context } = setup()
    const created = createInstanceProfile({ InstanceProfileName: 'plh-consumer-ssm' }, context).InstanceProfile!
    expect(created).toMatchObject({ InstanceProfileName: 'plh-consumer-ssm', Arn: 'arn:aws:iam::111111111111:instance-profile/plh-consumer-ssm', Roles: [] })
    expect(created.InstanceProfileId).toMatch(/^AIPA[A-Z2-7]{17}$/)
    addRoleToInstanceProfile({ InstanceProfileName: 'plh-consumer-ssm', RoleName: 'plh-consumer-ssm' }, context)
    expect(getInstanceProfile({ InstanceProfileName: 'plh-consumer-ssm' }, context).InstanceProfile!.Roles!.map((r) => r.RoleName)).toEqual(['plh-consumer-ssm'])
    expect(() => addRoleToInstanceProfile({ InstanceProfileName: 'plh-consumer-ssm', RoleName: 'plh-consumer-ssm' }, context)).toThrow(expect.objectContaining({ code: 'LimitExceeded' }))
    expect(instanceProfileAllowsSsm(store, context.account, created.Arn!)).toBe(false)
    attachRolePolicy({ RoleName: 'plh-consumer-ssm', PolicyArn: SSM_CORE }, context)
    expect(instanceProfileAllowsSsm(store, context.account, created.Arn!)).toBe(true)
    expect(instanceProfileAllowsSsm(store, '222222222222', 'plh-consumer-ssm')).toBe(false)

    expect(listInstanceProfilesForRole({ RoleName: 'plh-consumer-ssm' }, context).InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual(['plh-consumer-ssm'])
    expect(() => deleteInstanceProfile({ InstanceProfileName: 'plh-consumer-ssm' }, context)).toThrow(expect.objectContaining({ code: 'DeleteConflict' }))
    expect(() => deleteRole({ RoleName: 'plh-consumer-ssm' }, context)).toThrow(/must remove roles from instance profile first/)
    removeRoleFromInstanceProfile({ InstanceProfileName: 'plh-consumer-ssm', RoleName: 'plh-consumer-ssm' }, context)
    deleteInstanceProfile({ InstanceProfileName: 'plh-consumer-ssm' }, context)
    expect(() => deleteRole({ RoleName: 'plh-consumer-ssm' }, context)).toThrow(/must detach all policies first/)
    detachRolePolicy({ RoleName: 'plh-consumer-ssm', PolicyArn: SSM_CORE }, context)
    deleteRole({ RoleName: 'plh-consumer-ssm' }, context)
    expect(store.all()).toEqual([])
  })
})
