// aws_iam_instance_profile: CreateInstanceProfile, GetInstanceProfile, AddRoleToInstanceProfile,
// RemoveRoleFromInstanceProfile, DeleteInstanceProfile. A profile holds at most one role, as on AWS.
import type {
  AddRoleToInstanceProfileRequest,
  CreateInstanceProfileRequest,
  CreateInstanceProfileResponse,
  DeleteInstanceProfileRequest,
  GetInstanceProfileRequest,
  GetInstanceProfileResponse,
  RemoveRoleFromInstanceProfileRequest,
} from '@aws-sdk/client-iam'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import { GLOBAL_REGION } from '../../store/aws-store.js'
import {
  IAM_INSTANCE_PROFILE,
  iamArn,
  listInstanceProfiles,
  newIamId,
  presentInstanceProfile,
  requireInstanceProfile,
  requireRole,
  tagsOf,
  validateIamName,
  validatePath,
  type InstanceProfileData,
} from './records.js'

export function createInstanceProfile(input: CreateInstanceProfileRequest, context: ApiRequestContext): CreateInstanceProfileResponse {
  const name = validateIamName(input.InstanceProfileName, 'instanceProfileName', 128)
  const path = validatePath(input.Path)
  if (listInstanceProfiles(context).some((p) => p.id.toLowerCase() === name.toLowerCase())) {
    throw new AwsApiError('EntityAlreadyExists', `Instance Profile ${name} already exists.`, { status: 409 })
  }
  const data: InstanceProfileData = {
    Path: path,
    InstanceProfileName: name,
    InstanceProfileId: newIamId('AIPA'),
    Arn: iamArn(context, 'instance-profile', path, name),
    CreateDate: new Date(),
    local: { roleNames: [] },
  }
  const record = context.store.put({ type: IAM_INSTANCE_PROFILE, id: name, account: context.account, region: GLOBAL_REGION, tags: tagsOf(input.Tags), data })
  return { InstanceProfile: presentInstanceProfile(context, record) }
}

export function getInstanceProfile(input: GetInstanceProfileRequest, context: ApiRequestContext): GetInstanceProfileResponse {
  return { InstanceProfile: presentInstanceProfile(context, requireInstanceProfile(context, input.InstanceProfileName)) }
}

export function addRoleToInstanceProfile(input: AddRoleToInstanceProfileRequest, context: ApiRequestContext): Record<string, never> {
  const profile = requireInstanceProfile(context, input.InstanceProfileName)
  const role = requireRole(context, input.RoleName)
  if (profile.data.local.roleNames.length > 0) {
    throw new AwsApiError('LimitExceeded', 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1', { status: 409 })
  }
  context.store.update<InstanceProfileData>(profile.account, profile.region, IAM_INSTANCE_PROFILE, profile.id, (r) => {
    r.data.local.roleNames = [role.id]
  })
  return {}
}

export function removeRoleFromInstanceProfile(input: RemoveRoleFromInstanceProfileRequest, context: ApiRequestContext): Record<string, never> {
  const profile = requireInstanceProfile(context, input.InstanceProfileName)
  const roleName = input.RoleName ?? ''
  if (!profile.data.local.roleNames.includes(roleName)) {
    throw new AwsApiError('NoSuchEntity', `The role with name ${roleName} cannot be found in instance profile ${profile.id}.`, { status: 404 })
  }
  context.store.update<InstanceProfileData>(profile.account, profile.region, IAM_INSTANCE_PROFILE, profile.id, (r) => {
    r.data.local.roleNames = r.data.local.roleNames.filter((n) => n !== roleName)
  })
  return {}
}

export function deleteInstanceProfile(input: DeleteInstanceProfileRequest, context: ApiRequestContext): Record<string, never> {
  const profile = requireInstanceProfile(context, input.InstanceProfileName)
  if (profile.data.local.roleNames.length > 0) {
    throw new AwsApiError('DeleteConflict', 'Cannot delete entity, must remove roles from instance profile first.', { status: 409 })
  }
  context.store.delete(profile.account, GLOBAL_REGION, IAM_INSTANCE_PROFILE, profile.id)
  return {}
}
