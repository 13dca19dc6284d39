import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { InputError } from './errors.js'
import { parseRunConfig } from './run-config.js'

const file = 'plh.config.json'
const parse = (json: unknown) => parseRunConfig(JSON.stringify(json), file)
const role = (account: string) => `arn:aws:iam::${account}:role/plh-runner`

describe('run configuration', () => {
  it('fills defaults: prefix plh, local state, no tags', () => {
    const config = parse({ accounts: { producer: {}, consumer: { profile: 'consumer' } } })
    expect(config).toEqual({ name_prefix: 'plh', accounts: { producer: {}, consumer: { profile: 'consumer' } }, state_backend: { type: 'local' }, tags: {} })
  })

  it('fills the S3 backend defaults (key prefix plh, S3 lock file)', () => {
    const config = parse({ accounts: {}, state_backend: { type: 's3', bucket: 'state-bucket', region: 'eu-west-2' } })
    expect(config.state_backend).toEqual({ type: 's3', bucket: 'state-bucket', region: 'eu-west-2', key_prefix: 'plh', use_lockfile: true })
  })

  it('parses the committed example (two accounts with roles, S3 backend)', async () => {
    const path = fileURLToPath(new URL('../../plh.config.example.json', import.meta.url))
    const config = parseRunConfig(await readFile(path, 'utf8'), 'plh.config.example.json')
    expect(Object.keys(config.accounts).sort()).toEqual(['consumer', 'producer'])
    expect(config.accounts.producer?.role_arn).toMatch(/^arn:aws:iam::\d{12}:role\//)
    expect(config.accounts.consumer?.role_arn).toMatch(/^arn:aws:iam::\d{12}:role\//)
    expect(config.state_backend.type).toBe('s3')
  })

  it('reports broken JSON at the root, naming the file', () => {
    expect(() => parseRunConfig('{ "accounts": ', file)).toThrowError(InputError)
    expect(() => parseRunConfig('{ "accounts": ', file)).toThrowError(/^plh\.config\.json: \(root\): not valid JSON/)
  })

  it.each([
    [{}, 'accounts', /Required/],
    [{ accounts: {}, surprise: 1 }, 'surprise', /Unrecognized key/],
    [{ accounts: {}, name_prefix: 'Way-Too-Long-Prefix' }, 'name_prefix', /lower-case/],
    [{ accounts: { Producer: {} } }, 'accounts.Producer', /alias/],
    [{ accounts: { consumer: { role_arn: 'arn:aws:iam::12:role/x' } } }, 'accounts.consumer.role_arn', /IAM role ARN/],
    [{ accounts: { consumer: { profile: 'a', role_arn: role('222222222222') } } }, 'accounts.consumer.role_arn', /not both/],
    [{ accounts: { consumer: { external_id: 'x' } } }, 'accounts.consumer.external_id', /only applies with role_arn/],
    [{ accounts: { consumer: { account_id: '333333333333', role_arn: role('222222222222') } } }, 'accounts.consumer.account_id', /not the account of role_arn/],
    [{ accounts: { consumer: { account_id: '2222' } } }, 'accounts.consumer.account_id', /12 digits/],
    [{ accounts: { consumer: { regions: ['Mars-1'] } } }, 'accounts.consumer.regions[0]', /AWS region/],
    [{ accounts: { consumer: { token: 'x' } } }, 'accounts.consumer.token', /Unrecognized key/],
    [{ accounts: {}, regions: [] }, 'regions', /at least 1/],
    [{ accounts: {}, state_backend: { type: 'gcs' } }, 'state_backend.type', /'local' \| 's3'/],
    [{ accounts: {}, state_backend: { type: 's3', region: 'us-east-1' } }, 'state_backend.bucket', /Required/],
    [{ accounts: {}, tags: { team: 7 } }, 'tags.team', /string/],
  ])('names the field of %j', (json, field, problem) => {
    let error: unknown
    try {
      parse(json)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).file).toBe(file)
    expect((error as InputError).field).toBe(field)
    expect((error as InputError).message).toMatch(problem)
  })
})
