// Maps the run configuration's account aliases onto a fixture's per-account variables
// (`<alias>_profile`, `<alias>_role_arn`, `<alias>_external_id`, `<alias>_account_id`), so the
// fixtures' provider blocks get their credentials from the same file `plh doctor` checked.
import { InputError } from './errors.js'
import { defaultRunConfigFile, type RunConfig } from './run-config.js'

const suffixes = ['profile', 'role_arn', 'external_id', 'account_id'] as const
type Suffix = (typeof suffixes)[number]

/** The account aliases a fixture's variables name, each with the suffixes it declares. */
export function fixtureAccountAliases(fixtureVariables: readonly string[]): Map<string, Set<Suffix>> {
  const aliases = new Map<string, Set<Suffix>>()
  for (const name of fixtureVariables) {
    const match = /^([a-z][a-z0-9_]*?)_(profile|role_arn|external_id|account_id)$/.exec(name)
    if (!match) continue
    const [, alias, suffix] = match as unknown as [string, string, Suffix]
    if (!aliases.has(alias)) aliases.set(alias, new Set())
    aliases.get(alias)!.add(suffix)
  }
  return aliases
}

/**
 * Fixture variables for every account alias the fixture declares. An alias whose account the
 * fixture identifies (`<alias>_account_id`) is required: without it terraform would fall back to
 * the local target's made-up account ids. An alias with only credential variables (tls-via-cname's
 * `dns`, which defaults to the producer's credentials) is optional. Unset fields become null, so a
 * fixture takes account ids from the credentials and uses the default credential chain.
 */
export function accountVariables(config: RunConfig, fixtureVariables: readonly string[], file: string = defaultRunConfigFile): Record<string, unknown> {
  const vars: Record<string, unknown> = {}
  for (const [alias, declared] of fixtureAccountAliases(fixtureVariables)) {
    const account = config.accounts[alias]
    if (!account) {
      if (!declared.has('account_id')) continue
      const known = Object.keys(config.accounts)
      throw new InputError(file, `accounts.${alias}`, `missing: the fixture needs an account "${alias}" (known: ${known.join(', ') || 'none'}); add { "profile": … } or { "role_arn": … }, or {} for the default credentials`)
    }
    if (account.external_id !== undefined && !declared.has('external_id')) {
      throw new InputError(file, `accounts.${alias}.external_id`, `the fixture declares no ${alias}_external_id variable, so terraform could not assume the role with it; remove it or use a role without an external id`)
    }
    const values: Record<Suffix, unknown> = {
      profile: account.profile ?? null,
      role_arn: account.role_arn ?? null,
      external_id: account.external_id ?? null,
      account_id: account.account_id ?? null,
    }
    for (const suffix of declared) vars[`${alias}_${suffix}`] = values[suffix]
  }
  return vars
}
