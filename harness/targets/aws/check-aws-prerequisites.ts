// What the AWS target needs, checked by `plh doctor --target aws`: terraform ≥ 1.7, a provider
// mirror that holds the AWS provider (when one is named), a run configuration that parses, and for
// every account alias credentials that reach the account the configuration says.
import { stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { execa } from 'execa'
import { HarnessError } from '../../core/errors.js'
import { defaultRunConfigFile, type AccountConfig, type RunConfig } from '../../core/run-config.js'
import type { PrerequisiteCheck } from '../local/check-prerequisites.js'
import { credentialsFor } from './account-credentials.js'

/** The oldest terraform the fixtures accept (`mock_provider` in their tests came with 1.7). */
export const minimumTerraform = [1, 7] as const

/** Whether `version` (such as 1.11.4) is at least `minimum`. */
export function meetsMinimumVersion(version: string, minimum: readonly [number, number] = minimumTerraform): boolean {
  const [major = 0, minor = 0] = version.split('.').map((n) => Number.parseInt(n, 10) || 0)
  return major > minimum[0] || (major === minimum[0] && minor >= minimum[1])
}

/** terraform on PATH, at least 1.7. */
export async function terraformVersionCheck(): Promise<PrerequisiteCheck> {
  const result = await execa('terraform', ['version', '-json'], { reject: false, env: { CHECKPOINT_DISABLE: '1' } })
  let version: string | undefined
  if (result.exitCode === 0) {
    try {
      version = (JSON.parse(result.stdout) as { terraform_version?: string }).terraform_version
    } catch {
      version = undefined
    }
  }
  const ok = version !== undefined && meetsMinimumVersion(version)
  return { name: `terraform ≥ ${minimumTerraform.join('.')}`, ok, detail: version ?? 'not found on PATH', fix: 'install terraform ≥ 1.7 and put it on PATH' }
}

/** When PLH_TF_PROVIDER_MIRROR names a mirror, it must hold hashicorp/aws (terraform init installs from it only). */
export async function providerMirrorCheck(mirror = process.env.PLH_TF_PROVIDER_MIRROR): Promise<PrerequisiteCheck> {
  const name = 'AWS provider for terraform init'
  if (!mirror) return { name, ok: true, detail: 'PLH_TF_PROVIDER_MIRROR unset: terraform init downloads hashicorp/aws' }
  const folder = join(resolve(mirror), 'registry.terraform.io', 'hashicorp', 'aws')
  const ok = await stat(folder).then((s) => s.isDirectory(), () => false)
  return { name, ok, detail: ok ? `mirror ${mirror}` : `PLH_TF_PROVIDER_MIRROR=${mirror} holds no registry.terraform.io/hashicorp/aws`, fix: 'point PLH_TF_PROVIDER_MIRROR at a folder made by `terraform providers mirror`, or unset it' }
}

/** The region an alias's STS calls go to: its first region, the run's first, or us-east-1. */
export function regionForAccount(config: RunConfig, account: AccountConfig): string {
  return account.regions?.[0] ?? config.regions?.[0] ?? 'us-east-1'
}

function credentialSource(account: AccountConfig): string {
  if (account.role_arn) return `role ${account.role_arn}${account.external_id ? ' (with external id)' : ''}`
  if (account.profile) return `profile ${account.profile}`
  return 'the default credential chain'
}

/** What to do about a failed GetCallerIdentity, by the error's name. */
function fixFor(alias: string, account: AccountConfig, error: { name?: string; message?: string }): string {
  const name = error.name ?? ''
  if (account.role_arn && /AccessDenied/.test(name)) {
    return `let the calling identity assume ${account.role_arn}: its trust policy must allow sts:AssumeRole${account.external_id ? ' with this external id' : ''} for it (accounts.${alias}.role_arn)`
  }
  if (/ExpiredToken|InvalidClientTokenId|SignatureDoesNotMatch|UnrecognizedClient/.test(name)) return `refresh the credentials of ${credentialSource(account)} (aws sso login, or new keys)`
  if (account.role_arn && /CredentialsProviderError/.test(name)) {
    return `${account.role_arn} is assumed with the default credential chain, which found no credentials: set AWS_PROFILE or AWS_ACCESS_KEY_ID…, or run where an instance or OIDC role provides them`
  }
  if (account.profile) return `check profile ${account.profile} in ~/.aws/config (aws configure --profile ${account.profile}, or aws sso login --profile ${account.profile})`
  return `give the default credential chain credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID…, or an instance role), or set accounts.${alias}.profile / role_arn`
}

/** One check per account alias: STS GetCallerIdentity with that alias's credentials, and the account it reaches. */
export async function accountCredentialChecks(config: RunConfig, options: { timeoutMs?: number } = {}): Promise<PrerequisiteCheck[]> {
  const entries = Object.entries(config.accounts)
  return Promise.all(
    entries.map(async ([alias, account]): Promise<PrerequisiteCheck> => {
      const name = `credentials of account "${alias}" (${credentialSource(account)})`
      const client = new STSClient({ region: regionForAccount(config, account), credentials: credentialsFor(account, regionForAccount(config, account)), maxAttempts: 2 })
      try {
        const identity = await client.send(new GetCallerIdentityCommand({}), { abortSignal: AbortSignal.timeout(options.timeoutMs ?? 20_000) })
        if (account.account_id && identity.Account !== account.account_id) {
          return { name, ok: false, detail: `they reach account ${identity.Account ?? '?'} as ${identity.Arn ?? '?'}, not ${account.account_id}`, fix: `use credentials of account ${account.account_id}, or correct accounts.${alias}.account_id` }
        }
        return { name, ok: true, detail: `account ${identity.Account ?? '?'} as ${identity.Arn ?? '?'}` }
      } catch (error) {
        const e = error as { name?: string; message?: string }
        return { name, ok: false, detail: `${e.name ?? 'Error'}: ${(e.message ?? String(error)).split('\n')[0]}`, fix: fixFor(alias, account, e) }
      } finally {
        client.destroy()
      }
    }),
  )
}

/** Every check of the AWS target; `config` is the loaded run configuration, or the error loading it raised. */
export async function awsPrerequisiteChecks(config: RunConfig | undefined | HarnessError, configFile = defaultRunConfigFile): Promise<PrerequisiteCheck[]> {
  const checks = [await terraformVersionCheck(), await providerMirrorCheck()]
  if (config instanceof HarnessError) {
    checks.push({ name: 'run configuration', ok: false, detail: config.message, fix: 'correct the field the message names (example: plh.config.example.json)' })
    return checks
  }
  if (config === undefined) {
    checks.push({ name: 'run configuration', ok: false, detail: `no ${configFile}`, fix: `cp plh.config.example.json ${defaultRunConfigFile} and edit it, or pass --config FILE` })
    return checks
  }
  const aliases = Object.keys(config.accounts)
  checks.push({ name: 'run configuration', ok: aliases.length > 0, detail: `${configFile}: accounts ${aliases.join(', ') || '(none)'}`, fix: 'add the accounts the fixtures use (producer, consumer) under "accounts"' })
  checks.push(...(await accountCredentialChecks(config)))
  return checks
}
