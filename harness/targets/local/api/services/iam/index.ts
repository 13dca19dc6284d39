// IAM as the local API serves it (query protocol, global: requests sign with us-east-1, records
// live in the store's `global` region per account). Enough for aws_iam_role,
// aws_iam_role_policy_attachment (AWS managed policies) and aws_iam_instance_profile.
import * as iam from '@aws-sdk/client-iam'
import type { ServiceDefinition } from '../../server/action-handler.js'
import { addRoleToInstanceProfile, createInstanceProfile, deleteInstanceProfile, getInstanceProfile, removeRoleFromInstanceProfile } from './instance-profiles.js'
import { getPolicy } from './managed-policies.js'
import { attachRolePolicy, deleteRolePolicy, detachRolePolicy, getRolePolicy, listAttachedRolePolicies, listRolePolicies, putRolePolicy } from './role-policies.js'
import { createRole, deleteRole, getRole, listInstanceProfilesForRole, updateAssumeRolePolicy, updateRole } from './roles.js'
import { listInstanceProfileTags, listRoleTags, tagInstanceProfile, tagRole, untagInstanceProfile, untagRole } from './tags.js'

export const iamService: ServiceDefinition = {
  signingName: 'iam',
  displayName: 'IAM',
  protocol: 'query',
  xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
  schemas: iam as unknown as Record<string, unknown>,
  handlers: {
    CreateRole: createRole,
    GetRole: getRole,
    UpdateRole: updateRole,
    UpdateAssumeRolePolicy: updateAssumeRolePolicy,
    DeleteRole: deleteRole,
    ListInstanceProfilesForRole: listInstanceProfilesForRole,
    AttachRolePolicy: attachRolePolicy,
    DetachRolePolicy: detachRolePolicy,
    ListAttachedRolePolicies: listAttachedRolePolicies,
    PutRolePolicy: putRolePolicy,
    GetRolePolicy: getRolePolicy,
    DeleteRolePolicy: deleteRolePolicy,
    ListRolePolicies: listRolePolicies,
    GetPolicy: getPolicy,
    CreateInstanceProfile: createInstanceProfile,
    GetInstanceProfile: getInstanceProfile,
    AddRoleToInstanceProfile: addRoleToInstanceProfile,
    RemoveRoleFromInstanceProfile: removeRoleFromInstanceProfile,
    DeleteInstanceProfile: deleteInstanceProfile,
    ListRoleTags: listRoleTags,
    TagRole: tagRole,
    UntagRole: untagRole,
    ListInstanceProfileTags: listInstanceProfileTags,
    TagInstanceProfile: tagInstanceProfile,
    UntagInstanceProfile: untagInstanceProfile,
  },
}
