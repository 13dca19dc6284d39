// The credentials of one account alias of the run configuration, as an SDK credential provider:
// its profile, its role to assume (with the external id), or the default chain. `plh doctor` and
// the AWS target's clients both use it, so doctor checks exactly what a run will use.
import { fromIni, fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers'
import type { AwsCredentialIdentityProvider } from '@smithy/types'
import type { AccountConfig } from '../../core/run-config.js'

/** Session name of assumed roles: CloudTrail then shows which tool acted. */
export const roleSessionName = 'plh-harness'

/** A credential provider for `account` in `region` (the region of the STS calls that assume a role). */
export function credentialsFor(account: AccountConfig, region: string): AwsCredentialIdentityProvider {
  if (account.role_arn) {
    return fromTemporaryCredentials({
      params: { RoleArn: account.role_arn, RoleSessionName: roleSessionName, ...(account.external_id ? { ExternalId: account.external_id } : {}) },
      clientConfig: { region },
    })
  }
  if (account.profile) return fromIni({ profile: account.profile, clientConfig: { region } })
  return fromNodeProviderChain({ clientConfig: { region } })
}
