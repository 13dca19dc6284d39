// The AWS managed policies the local API knows (AWS has about a thousand; these are the ones the
// harness's fixtures and the SSM tutorials attach). Their ARNs are `arn:<partition>:iam::aws:policy/<path><name>`.
import { createHash } from 'node:crypto'
import type { GetPolicyRequest, GetPolicyResponse, Policy } from '@aws-sdk/client-iam'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import { IAM_ROLE, type RoleData } from './records.js'
import { GLOBAL_REGION } from '../../store/aws-store.js'

interface ManagedPolicy {
  name: string
  path: string
  defaultVersionId: string
  description: string
}

const MANAGED_POLICIES: ManagedPolicy[] = [
  { name: 'AmazonSSMManagedInstanceCore', path: '/', defaultVersionId: 'v2', description: 'The policy for Amazon EC2 Role to enable AWS Systems Manager service core functionality.' },
  { name: 'AmazonSSMManagedEC2InstanceDefaultPolicy', path: '/', defaultVersionId: 'v1', description: 'This policy enables AWS Systems Manager service core functionality on EC2 instances.' },
  { name: 'AmazonEC2RoleforSSM', path: '/service-role/', defaultVersionId: 'v8', description: 'Default policy for Amazon EC2 Role for Simple Systems Manager service role.' },
  { name: 'CloudWatchAgentServerPolicy', path: '/', defaultVersionId: 'v3', description: 'Permissions required to use AmazonCloudWatchAgent on servers' },
  { name: 'AmazonS3ReadOnlyAccess', path: '/', defaultVersionId: 'v3', description: 'Provides read only access to all buckets via the AWS Management Console.' },
  { name: 'ReadOnlyAccess', path: '/', defaultVersionId: 'v1', description: 'Provides read-only access to AWS services and resources.' },
  { name: 'AdministratorAccess', path: '/', defaultVersionId: 'v1', description: 'Provides full access to AWS services and resources.' },
]

/** The SSM agent's core policy: the one an instance's role needs to register with SSM. */
export const SSM_CORE_POLICY_NAME = 'AmazonSSMManagedInstanceCore'

const MANAGED_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::aws:policy(\/(?:.*\/)?)([^/]+)$/

/** The AWS managed policy an ARN names, or undefined (customer policies, unknown names). */
export function findManagedPolicy(arn: string): (ManagedPolicy & { arn: string }) | undefined {
  const match = MANAGED_ARN.exec(arn)
  if (!match) return undefined
  const policy = MANAGED_POLICIES.find((p) => p.name === match[3] && p.path === match[2])
  return policy === undefined ? undefined : { ...policy, arn }
}

/** The policy's name from its ARN (`…:policy/service-role/X` → `X`). */
export function policyNameOfArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1)
}

/** A stable ANPA… id per policy name (AWS's ids are fixed per policy too). */
function policyId(name: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  return 'ANPA' + [...createHash('sha256').update(name).digest().subarray(0, 17)].map((b) => alphabet[b % 32]).join('')
}

export function getPolicy(input: GetPolicyRequest, context: ApiRequestContext): GetPolicyResponse {
  const policy = findManagedPolicy(input.PolicyArn ?? '')
  if (policy === undefined) throw new AwsApiError('NoSuchEntity', `Policy ${input.PolicyArn ?? ''} was not found.`, { status: 404 })
  const attachments = context.store
    .list<RoleData>({ type: IAM_ROLE, account: context.account, region: GLOBAL_REGION })
    .filter((r) => r.data.local.attachedPolicyArns.includes(policy.arn)).length
  const result: Policy = {
    PolicyName: policy.name,
    PolicyId: policyId(policy.name),
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: attachments,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    Description: policy.description,
    CreateDate: new Date('2019-03-14T00:00:00Z'),
    UpdateDate: new Date('2023-04-01T00:00:00Z'),
  }
  return { Policy: result }
}
