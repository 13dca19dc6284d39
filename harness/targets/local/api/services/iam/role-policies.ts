// aws_iam_role_policy_attachment and inline role policies: AttachRolePolicy, DetachRolePolicy,
// ListAttachedRolePolicies, PutRolePolicy, GetRolePolicy, DeleteRolePolicy, ListRolePolicies.
// Managed policies are AWS's own (managed-policies.ts); customer managed policies are not emulated.
import type {
  AttachRolePolicyRequest,
  DeleteRolePolicyRequest,
  DetachRolePolicyRequest,
  GetRolePolicyRequest,
  GetRolePolicyResponse,
  ListAttachedRolePoliciesRequest,
  ListAttachedRolePoliciesResponse,
  ListRolePoliciesRequest,
  ListRolePoliciesResponse,
  PutRolePolicyRequest,
} from '@aws-sdk/client-iam'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import { findManagedPolicy, policyNameOfArn } from './managed-policies.js'
import { IAM_ROLE, requireRole, validateIamName, type RoleData } from './records.js'
import { checkPolicyDocument } from './roles.js'

/** AWS's default quota of managed policies per role. */
const MAX_ATTACHED_POLICIES = 10

export function attachRolePolicy(input: AttachRolePolicyRequest, context: ApiRequestContext): Record<string, never> {
  const role = requireRole(context, input.RoleName)
  const arn = input.PolicyArn ?? ''
  if (findManagedPolicy(arn) === undefined) {
    throw new AwsApiError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`, { status: 404 })
  }
  if (role.data.local.attachedPolicyArns.includes(arn)) return {}
  if (role.data.local.attachedPolicyArns.length >= MAX_ATTACHED_POLICIES) {
    throw new AwsApiError('LimitExceeded', `Cannot exceed quota for PoliciesPerRole: ${MAX_ATTACHED_POLICIES}`, { status: 409 })
  }
  context.store.update<RoleData>(role.account, role.region, IAM_ROLE, role.id, (r) => {
    r.data.local.attachedPolicyArns = [...r.data.local.attachedPolicyArns, arn]
  })
  return {}
}

export function detachRolePolicy(input: DetachRolePolicyRequest, context: ApiRequestContext): Record<string, never> {
  const role = requireRole(context, input.RoleName)
  const arn = input.PolicyArn ?? ''
  if (!role.data.local.attachedPolicyArns.includes(arn)) throw new AwsApiError('NoSuchEntity', `Policy ${arn} was not found.`, { status: 404 })
  context.store.update<RoleData>(role.account, role.region, IAM_ROLE, role.id, (r) => {
    r.data.local.attachedPolicyArns = r.data.local.attachedPolicyArns.filter((a) => a !== arn)
  })
  return {}
}

export function listAttachedRolePolicies(input: ListAttachedRolePoliciesRequest, context: ApiRequestContext): ListAttachedRolePoliciesResponse {
  const role = requireRole(context, input.RoleName)
  return {
    AttachedPolicies: role.data.local.attachedPolicyArns.map((arn) => ({ PolicyName: policyNameOfArn(arn), PolicyArn: arn })),
    IsTruncated: false,
  }
}

export function putRolePolicy(input: PutRolePolicyRequest, context: ApiRequestContext): Record<string, never> {
  const role = requireRole(context, input.RoleName)
  const name = validateIamName(input.PolicyName, 'policyName', 128)
  const document = checkPolicyDocument(input.PolicyDocument)
  context.store.update<RoleData>(role.account, role.region, IAM_ROLE, role.id, (r) => {
    r.data.local.inlinePolicies = { ...r.data.local.inlinePolicies, [name]: document }
  })
  return {}
}

export function getRolePolicy(input: GetRolePolicyRequest, context: ApiRequestContext): GetRolePolicyResponse {
  const role = requireRole(context, input.RoleName)
  const document = role.data.local.inlinePolicies[input.PolicyName ?? '']
  if (document === undefined) throw new AwsApiError('NoSuchEntity', `The role policy with name ${input.PolicyName ?? ''} cannot be found.`, { status: 404 })
  // AWS answers the document URL-encoded, as it does the trust policy.
  return { RoleName: role.id, PolicyName: input.PolicyName, PolicyDocument: encodeURIComponent(document) }
}

export function deleteRolePolicy(input: DeleteRolePolicyRequest, context: ApiRequestContext): Record<string, never> {
  const role = requireRole(context, input.RoleName)
  const name = input.PolicyName ?? ''
  if (!(name in role.data.local.inlinePolicies)) throw new AwsApiError('NoSuchEntity', `The role policy with name ${name} cannot be found.`, { status: 404 })
  context.store.update<RoleData>(role.account, role.region, IAM_ROLE, role.id, (r) => {
    const next = { ...r.data.local.inlinePolicies }
    delete next[name]
    r.data.local.inlinePolicies = next
  })
  return {}
}

export function listRolePolicies(input: ListRolePoliciesRequest, context: ApiRequestContext): ListRolePoliciesResponse {
  const role = requireRole(context, input.RoleName)
  return { PolicyNames: Object.keys(role.data.local.inlinePolicies), IsTruncated: false }
}
