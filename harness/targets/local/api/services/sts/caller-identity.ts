// STS GetCallerIdentity: the provider's first call, and `aws_caller_identity`. The per-account
// keys are root-like long-term keys, so the caller is the account's root.
import type { GetCallerIdentityRequest, GetCallerIdentityResponse } from '@aws-sdk/client-sts'
import type { ApiRequestContext } from '../../server/action-handler.js'

/** The account behind the signing key, as AWS answers for a root access key. */
export function getCallerIdentity(_input: GetCallerIdentityRequest, context: ApiRequestContext): GetCallerIdentityResponse {
  return { Account: context.account, Arn: context.principalArn, UserId: context.account }
}
