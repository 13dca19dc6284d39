// IAM's records in the store (global region, per account), their ids and ARNs as AWS forms them
// (AROA…/AIPA… ids, arn:aws:iam::<account>:role/<path><name>), name checks, and the NoSuchEntity
// errors the provider treats as "gone".
import { randomBytes } from 'node:crypto'
import type { InstanceProfile, Role } from '@aws-sdk/client-iam'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import { GLOBAL_REGION, type ResourceRecord } from '../../store/aws-store.js'
import { partitionOf } from '../aws-partition.js'

export const IAM_ROLE = 'iam-role'
export const IAM_INSTANCE_PROFILE = 'iam-instance-profile'

export interface RoleLocal {
  /** managed policy ARNs, in attachment order */
  attachedPolicyArns: string[]
  /** inline policy name → document (as given, not encoded) */
  inlinePolicies: Record<string, string>
}

export interface InstanceProfileLocal {
  /** at most one role, by name (AWS's quota) */
  roleNames: string[]
}

export type RoleData = Role & { local: RoleLocal }
export type InstanceProfileData = Omit<InstanceProfile, 'Roles'> & { local: InstanceProfileLocal }

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** A unique id as IAM forms them: a four-letter prefix and 17 upper-case characters. */
export function newIamId(prefix: 'AROA' | 'AIPA' | 'ANPA'): string {
  const bytes = randomBytes(17)
  return prefix + [...bytes].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('')
}

export function iamArn(context: ApiRequestContext, kind: 'role' | 'instance-profile', path: string, name: string): string {
  return `arn:${partitionOf(context.region)}:iam::${context.account}:${kind}${path}${name}`
}

/** IAM names: 1–64 (roles) or 1–128 (instance profiles) of `[\w+=,.@-]`. */
export function validateIamName(name: string | undefined, parameter: string, maxLength: number): string {
  if (name === undefined || name === '') throw new AwsApiError('ValidationError', `1 validation error detected: Value null at '${parameter}' failed to satisfy constraint: Member must not be null`)
  if (name.length > maxLength || !/^[\w+=,.@-]+$/.test(name)) {
    throw new AwsApiError('ValidationError', `1 validation error detected: Value '${name}' at '${parameter}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+ and have length at most ${maxLength}`)
  }
  return name
}

/** Paths begin and end with `/` (default `/`). */
export function validatePath(path: string | undefined): string {
  const value = path ?? '/'
  if (!/^\/([\x21-\x7e]*\/)?$/.test(value) || value.length > 512) throw new AwsApiError('ValidationError', `The specified value for path is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.`)
  return value
}

export function findRole(context: ApiRequestContext, name: string | undefined): ResourceRecord<RoleData> | undefined {
  return name === undefined ? undefined : context.store.get<RoleData>(context.account, GLOBAL_REGION, IAM_ROLE, name)
}

export function requireRole(context: ApiRequestContext, name: string | undefined): ResourceRecord<RoleData> {
  const record = findRole(context, name)
  if (record === undefined) throw new AwsApiError('NoSuchEntity', `The role with name ${name ?? ''} cannot be found.`, { status: 404 })
  return record
}

export function requireInstanceProfile(context: ApiRequestContext, name: string | undefined): ResourceRecord<InstanceProfileData> {
  const record = name === undefined ? undefined : context.store.get<InstanceProfileData>(context.account, GLOBAL_REGION, IAM_INSTANCE_PROFILE, name)
  if (record === undefined) throw new AwsApiError('NoSuchEntity', `Instance Profile ${name ?? ''} cannot be found.`, { status: 404 })
  return record
}

export function listInstanceProfiles(context: ApiRequestContext): ResourceRecord<InstanceProfileData>[] {
  return context.store.list<InstanceProfileData>({ type: IAM_INSTANCE_PROFILE, account: context.account, region: GLOBAL_REGION })
}

/** Tags as IAM lists them. */
export function tagList(tags: Record<string, string>): Array<{ Key: string; Value: string }> {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))
}

export function tagsOf(tags: Array<{ Key?: string; Value?: string }> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const tag of tags ?? []) if (tag.Key !== undefined) out[tag.Key] = tag.Value ?? ''
  return out
}

/** The role as GetRole answers it: the trust policy URL-encoded (as AWS sends it), tags included. */
export function presentRole(record: ResourceRecord<RoleData>): Role {
  const { local: _local, ...role } = record.data
  const tags = tagList(record.tags)
  return {
    ...role,
    AssumeRolePolicyDocument: encodeURIComponent(role.AssumeRolePolicyDocument ?? ''),
    ...(tags.length > 0 ? { Tags: tags } : {}),
  }
}

/** The instance profile with its role(s) as they are now. */
export function presentInstanceProfile(context: ApiRequestContext, record: ResourceRecord<InstanceProfileData>): InstanceProfile {
  const { local, ...profile } = record.data
  const roles = local.roleNames.map((name) => findRole(context, name)).filter((r): r is ResourceRecord<RoleData> => r !== undefined)
  const tags = tagList(record.tags)
  return { ...profile, Roles: roles.map((r) => presentRole(r)), ...(tags.length > 0 ? { Tags: tags } : {}) }
}
