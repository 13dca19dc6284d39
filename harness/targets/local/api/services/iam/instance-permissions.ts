// What other parts of the local target ask IAM without calling it: which managed policies an
// instance profile's role carries (SSM registration needs AmazonSSMManagedInstanceCore).
import type { AwsStore } from '../../store/aws-store.js'
import { GLOBAL_REGION } from '../../store/aws-store.js'
import { SSM_CORE_POLICY_NAME, policyNameOfArn } from './managed-policies.js'
import { IAM_INSTANCE_PROFILE, IAM_ROLE, type InstanceProfileData, type RoleData } from './records.js'

/** The profile's name from `IamInstanceProfile.Arn` or a bare name. */
function profileName(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1) : nameOrArn
}

/** Managed policy ARNs of the role in an instance profile (empty when the profile or its role is missing). */
export function instanceProfilePolicyArns(store: AwsStore, account: string, profileNameOrArn: string): string[] {
  const profile = store.get<InstanceProfileData>(account, GLOBAL_REGION, IAM_INSTANCE_PROFILE, profileName(profileNameOrArn))
  if (profile === undefined) return []
  return profile.data.local.roleNames.flatMap((roleName) => store.get<RoleData>(account, GLOBAL_REGION, IAM_ROLE, roleName)?.data.local.attachedPolicyArns ?? [])
}

/** Whether the instance profile's role has the SSM core policy, as SSM registration requires. */
export function instanceProfileAllowsSsm(store: AwsStore, account: string, profileNameOrArn: string): boolean {
  return instanceProfilePolicyArns(store, account, profileNameOrArn).some((arn) => policyNameOfArn(arn) === SSM_CORE_POLICY_NAME)
}
