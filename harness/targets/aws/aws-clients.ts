// The AWS clients of one run: EC2, ELBv2, SSM (and the janitor's tagging API) per account alias and region, each built once,
// with the credentials the run configuration gives that alias. Also maps an account id (what the
// fixture's `harness` output names) back to the alias whose credentials reach it.
import { EC2Client } from '@aws-sdk/client-ec2'
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api'
import type { SSMClient } from '@aws-sdk/client-ssm'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'
import { InfrastructureError } from '../../core/errors.js'
import type { AccountConfig, RunConfig } from '../../core/run-config.js'
import type { Logger } from '../../core/target.js'
import { createSsmClient } from '../ssm-client.js'
import { credentialsFor } from './account-credentials.js'
import { callAws } from './aws-call.js'

/** Builds the credential provider of one account in one region (default: account-credentials.ts). */
export type CredentialsFactory = (account: AccountConfig, region: string) => AwsCredentialIdentity | AwsCredentialIdentityProvider

export interface AwsClientsOptions {
  config: RunConfig
  credentials?: CredentialsFactory
  /**
   * One endpoint for every service (the local AWS API's `http://127.0.0.1:<port>`), passed to each
   * client's constructor, where it wins over AWS_ENDPOINT_URL and the config files; absent: AWS.
   */
  endpoint?: string
  /** first backoff of retried calls (default 2000) */
  minDelayMs?: number
  log?: Logger
}

/** SDK-level attempts per call; adaptive mode adds client-side rate limiting on throttling. */
const MAX_ATTEMPTS = 5

/** Cached per-alias, per-region clients of one run. */
export class AwsClients {
  private readonly cache = new Map<string, { destroy(): void }>()
  private readonly accountIds = new Map<string, Promise<string>>()
  private readonly credentials: CredentialsFactory

  constructor(readonly options: AwsClientsOptions) {
    this.credentials = options.credentials ?? credentialsFor
  }

  get config(): RunConfig {
    return this.options.config
  }

  /** The aliases of the run configuration. */
  aliases(): string[] {
    return Object.keys(this.options.config.accounts)
  }

  ec2(alias: string, region: string): EC2Client {
    return this.cached('ec2', alias, region, (credentials) => new EC2Client({ region, credentials, retryMode: 'adaptive', maxAttempts: MAX_ATTEMPTS, ...this.endpointOption() }))
  }

  elbv2(alias: string, region: string): ElasticLoadBalancingV2Client {
    return this.cached('elbv2', alias, region, (credentials) => new ElasticLoadBalancingV2Client({ region, credentials, retryMode: 'adaptive', maxAttempts: MAX_ATTEMPTS, ...this.endpointOption() }))
  }

  ssm(alias: string, region: string): SSMClient {
    return this.cached('ssm', alias, region, (credentials) => createSsmClient({ region, credentials, ...this.endpointOption() }))
  }

  /** Resource Groups Tagging API (the janitor). */
  tagging(alias: string, region: string): ResourceGroupsTaggingAPIClient {
    return this.cached('tagging', alias, region, (credentials) => new ResourceGroupsTaggingAPIClient({ region, credentials, retryMode: 'adaptive', maxAttempts: MAX_ATTEMPTS, ...this.endpointOption() }))
  }

  sts(alias: string, region: string): STSClient {
    return this.cached('sts', alias, region, (credentials) => new STSClient({ region, credentials, retryMode: 'adaptive', maxAttempts: MAX_ATTEMPTS, ...this.endpointOption() }))
  }

  /** The 12-digit account id of `alias`: from the configuration, else STS GetCallerIdentity (asked once). */
  accountId(alias: string): Promise<string> {
    let id = this.accountIds.get(alias)
    if (!id) {
      const account = this.account(alias)
      const region = account.regions?.[0] ?? this.options.config.regions?.[0] ?? 'us-east-1'
      id = account.account_id
        ? Promise.resolve(account.account_id)
        : callAws({ alias, region }, 'sts:GetCallerIdentity', () => this.sts(alias, region).send(new GetCallerIdentityCommand({})), {
            minDelayMs: this.options.minDelayMs,
            code: 'PREREQUISITE_MISSING',
            log: this.options.log,
          }).then((out) => {
            if (!out.Account) throw new InfrastructureError('PREREQUISITE_MISSING', `sts:GetCallerIdentity for account "${alias}" returned no account id`)
            return out.Account
          })
      // a failed lookup is not cached: the next caller asks again
      id.catch(() => this.accountIds.delete(alias))
      this.accountIds.set(alias, id)
    }
    return id
  }

  /** The alias whose credentials belong to `accountId` (as the fixture's outputs name it). */
  async aliasOf(accountId: string): Promise<string> {
    for (const alias of this.aliases()) if (this.options.config.accounts[alias]!.account_id === accountId) return alias
    for (const alias of this.aliases()) if ((await this.accountId(alias)) === accountId) return alias
    throw new InfrastructureError('NOT_READY', `no account of the run configuration has the id ${accountId} (aliases: ${this.aliases().join(', ')}); set account_id or credentials for it`, {
      fields: { accountId },
    })
  }

  /** Closes every client's sockets. */
  destroy(): void {
    for (const client of this.cache.values()) client.destroy()
    this.cache.clear()
  }

  private endpointOption(): { endpoint?: string } {
    return this.options.endpoint === undefined ? {} : { endpoint: this.options.endpoint }
  }

  private account(alias: string): AccountConfig {
    const account = this.options.config.accounts[alias]
    if (!account) throw new InfrastructureError('NOT_READY', `the run configuration has no account "${alias}" (aliases: ${this.aliases().join(', ')})`)
    return account
  }

  private cached<C extends { destroy(): void }>(
    kind: string,
    alias: string,
    region: string,
    build: (credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider) => C,
  ): C {
    const key = `${kind}:${alias}:${region}`
    let client = this.cache.get(key) as C | undefined
    if (!client) {
      client = build(this.credentials(this.account(alias), region))
      this.cache.set(key, client)
    }
    return client
  }
}
