// aws_iam_role: CreateRole, GetRole, UpdateRole, UpdateAssumeRolePolicy, DeleteRole and
// ListInstanceProfilesForRole. IAM is eventually consistent on AWS; here every change is visible at once.
import type {
  CreateRoleRequest,
  CreateRoleResponse,
  DeleteRoleRequest,
  GetRoleRequest,
  GetRoleResponse,
  ListInstanceProfilesForRoleRequest,
  ListInstanceProfilesForRoleResponse,
  UpdateAssumeRolePolicyRequest,
  UpdateRoleRequest,
  UpdateRoleResponse,
} from '@aws-sdk/client-iam'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import { GLOBAL_REGION } from '../../store/aws-store.js'
import {
  IAM_ROLE,
  iamArn,
  listInstanceProfiles,
  newIamId,
  presentInstanceProfile,
  presentRole,
  requireRole,
  tagsOf,
  validateIamName,
  validatePath,
  type RoleData,
} from './records.js'

/** A policy document must be a JSON object with a Statement; IAM answers MalformedPolicyDocument otherwise. */
export function checkPolicyDocument(document: string | undefined): string {
  let parsed: unknown
  try {
    parsed = JSON.parse(document ?? '')
  } catch {
    throw new AwsApiError('MalformedPolicyDocument', 'This policy contains invalid Json')
  }
  if (typeof parsed !== 'object' || parsed === null || !('Statement' in parsed)) throw new AwsApiError('MalformedPolicyDocument', 'Syntax errors in policy.')
  return document!
}

function checkMaxSessionDuration(seconds: number | undefined): number {
  const value = seconds ?? 3600
  if (!Number.isInteger(value) || value < 3600 || value > 43200) {
    throw new AwsApiError('ValidationError', `1 validation error detected: Value '${value}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value between 3600 and 43200`)
  }
  return value
}

export function createRole(input: CreateRoleRequest, context: ApiRequestContext): CreateRoleResponse {
  const name = validateIamName(input.RoleName, 'roleName', 64)
  const path = validatePath(input.Path)
  // IAM names are case-insensitive: "Role" and "role" cannot both exist.
  const clash = context.store.list<RoleData>({ type: IAM_ROLE, account: context.account, region: GLOBAL_REGION }).find((r) => r.id.toLowerCase() === name.toLowerCase())
  if (clash !== undefined) throw new AwsApiError('EntityAlreadyExists', `Role with name ${name} already exists.`, { status: 409 })
  const data: RoleData = {
    Path: path,
    RoleName: name,
    RoleId: newIamId('AROA'),
    Arn: iamArn(context, 'role', path, name),
    CreateDate: new Date(),
    AssumeRolePolicyDocument: checkPolicyDocument(input.AssumeRolePolicyDocument),
    ...(input.Description !== undefined ? { Description: input.Description } : {}),
    MaxSessionDuration: checkMaxSessionDuration(input.MaxSessionDuration),
    ...(input.PermissionsBoundary !== undefined ? { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: input.PermissionsBoundary } } : {}),
    local: { attachedPolicyArns: [], inlinePolicies: {} },
  }
  const record = context.store.put({ type: IAM_ROLE, id: name, account: context.account, region: GLOBAL_REGION, tags: tagsOf(input.Tags), data })
  return { Role: presentRole(record) }
}

export function getRole(input: GetRoleRequest, context: ApiRequestContext): GetRoleResponse {
  return { Role: { ...presentRole(requireRole(context, input.RoleName)), RoleLastUsed: {} } }
}

export function updateRole(input: UpdateRoleRequest, context: ApiRequestContext): UpdateRoleResponse {
  const record = requireRole(context, input.RoleName)
  const maxSessionDuration = input.MaxSessionDuration === undefined ? undefined : checkMaxSessionDuration(input.MaxSessionDuration)
  context.store.update<RoleData>(record.account, record.region, IAM_ROLE, record.id, (r) => {
    if (input.Description !== undefined) r.data.Description = input.Description
    if (maxSessionDuration !== undefined) r.data.MaxSessionDuration = maxSessionDuration
  })
  return {}
}

export function updateAssumeRolePolicy(input: UpdateAssumeRolePolicyRequest, context: ApiRequestContext): Record<string, never> {
  const record = requireRole(context, input.RoleName)
  const document = checkPolicyDocument(input.PolicyDocument)
  context.store.update<RoleData>(record.account, record.region, IAM_ROLE, record.id, (r) => {
    r.data.AssumeRolePolicyDocument = document
  })
  return {}
}

/** AWS refuses to delete a role that still has policies or instance profiles (the provider detaches first). */
export function deleteRole(input: DeleteRoleRequest, context: ApiRequestContext): Record<string, never> {
  const record = requireRole(context, input.RoleName)
  if (listInstanceProfiles(context).some((p) => p.data.local.roleNames.includes(record.id))) {
    throw new AwsApiError('DeleteConflict', 'Cannot delete entity, must remove roles from instance profile first.', { status: 409 })
  }
  if (record.data.local.attachedPolicyArns.length > 0) throw new AwsApiError('DeleteConflict', 'Cannot delete entity, must detach all policies first.', { status: 409 })
  if (Object.keys(record.data.local.inlinePolicies).length > 0) throw new AwsApiError('DeleteConflict', 'Cannot delete entity, must delete policies first.', { status: 409 })
  context.store.delete(record.account, record.region, IAM_ROLE, record.id)
  return {}
}

export function listInstanceProfilesForRole(input: ListInstanceProfilesForRoleRequest, context: ApiRequestContext): ListInstanceProfilesForRoleResponse {
  const role = requireRole(context, input.RoleName)
  return {
    InstanceProfiles: listInstanceProfiles(context)
      .filter((p) => p.data.local.roleNames.includes(role.id))
      .map((p) => presentInstanceProfile(context, p)),
    IsTruncated: false,
  }
}

