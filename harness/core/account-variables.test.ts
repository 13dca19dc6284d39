import { describe, expect, it } from 'vitest'
import { accountVariables, fixtureAccountAliases } from './account-variables.js'
import { InputError } from './errors.js'
import { parseRunConfig, type RunConfig } from './run-config.js'

const config = (accounts: unknown): RunConfig => parseRunConfig(JSON.stringify({ accounts }), 'plh.config.json')
/** The per-account variables of terraform/same-region-cross-account and tls-via-cname (dns_*). */
const crossAccount = ['name_prefix', 'run_id', 'producer_profile', 'producer_role_arn', 'producer_account_id', 'consumer_profile', 'consumer_role_arn', 'consumer_account_id', 'public_zone_id']
const withDns = [...crossAccount, 'dns_profile', 'dns_role_arn']

describe('account variables', () => {
  it('finds the aliases a fixture declares, and nothing in unrelated variables', () => {
    expect([...fixtureAccountAliases(withDns).entries()].map(([alias, s]) => [alias, [...s].sort()])).toEqual([
      ['producer', ['account_id', 'profile', 'role_arn']],
      ['consumer', ['account_id', 'profile', 'role_arn']],
      ['dns', ['profile', 'role_arn']],
    ])
  })

  it('maps profiles, roles and account ids; unset fields are null', () => {
    const vars = accountVariables(
      config({ producer: { profile: 'prod', account_id: '111111111111' }, consumer: { role_arn: 'arn:aws:iam::222222222222:role/plh' } }),
      crossAccount,
    )
    expect(vars).toEqual({
      producer_profile: 'prod',
      producer_role_arn: null,
      producer_account_id: '111111111111',
      consumer_profile: null,
      consumer_role_arn: 'arn:aws:iam::222222222222:role/plh',
      consumer_account_id: null,
    })
  })

  it('passes an optional alias (dns) when configured and leaves it out otherwise', () => {
    const accounts = { producer: {}, consumer: {} }
    expect(accountVariables(config(accounts), withDns)).not.toHaveProperty('dns_profile')
    expect(accountVariables(config({ ...accounts, dns: { profile: 'dns' } }), withDns)).toMatchObject({ dns_profile: 'dns', dns_role_arn: null })
  })

  it('names the config file and accounts.<alias> when a required alias is missing', () => {
    expect(() => accountVariables(config({ producer: {} }), crossAccount, 'ci/plh.json')).toThrowError(InputError)
    expect(() => accountVariables(config({ producer: {} }), crossAccount, 'ci/plh.json')).toThrowError(/^ci\/plh\.json: accounts\.consumer: missing/)
  })

  it('refuses an external id the fixture cannot pass to terraform', () => {
    const accounts = { producer: {}, consumer: { role_arn: 'arn:aws:iam::222222222222:role/plh', external_id: 'e' } }
    expect(() => accountVariables(config(accounts), crossAccount)).toThrowError(/accounts\.consumer\.external_id: the fixture declares no consumer_external_id/)
    expect(accountVariables(config(accounts), [...crossAccount, 'consumer_external_id'])).toMatchObject({ consumer_external_id: 'e' })
  })
})
