import { GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts'
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { InputError } from '../../core/errors.js'
import { parseRunConfig, type RunConfig } from '../../core/run-config.js'
import { accountCredentialChecks, awsPrerequisiteChecks, meetsMinimumVersion, providerMirrorCheck, regionForAccount } from './check-aws-prerequisites.js'

const config = (accounts: unknown, extra: object = {}): RunConfig => parseRunConfig(JSON.stringify({ accounts, ...extra }), 'plh.config.json')
const producerRole = 'arn:aws:iam::111111111111:role/plh-runner'

describe('terraform version and provider mirror', () => {
  it.each([
    ['1.7.0', true],
    ['1.11.4', true],
    ['2.0.0', true],
    ['1.6.6', false],
    ['0.15.5', false],
  ])('terraform %s meets ≥ 1.7: %s', (version, ok) => {
    expect(meetsMinimumVersion(version)).toBe(ok)
  })

  it('fails a named mirror without hashicorp/aws and passes one with it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plh-mirror-'))
    try {
      expect((await providerMirrorCheck(dir)).ok).toBe(false)
      await mkdir(join(dir, 'registry.terraform.io', 'hashicorp', 'aws'), { recursive: true })
      expect((await providerMirrorCheck(dir)).ok).toBe(true)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('account credential checks', () => {
  let sts: AwsClientStub<STSClient>
  beforeEach(() => {
    sts = mockClient(STSClient)
  })
  afterEach(() => {
    sts.restore()
  })

  it('passes an alias whose credentials reach its account_id (aws-sdk-client-mock stand-in for STS)', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111111111111', Arn: 'arn:aws:sts::111111111111:assumed-role/plh-runner/plh-harness', UserId: 'AROA:plh' })
    const [check] = await accountCredentialChecks(config({ producer: { account_id: '111111111111', role_arn: producerRole } }))
    expect(check).toMatchObject({ ok: true, detail: 'account 111111111111 as arn:aws:sts::111111111111:assumed-role/plh-runner/plh-harness' })
    expect(check!.name).toContain(`role ${producerRole}`)
  })

  it('fails an alias whose credentials reach another account (aws-sdk-client-mock stand-in for STS)', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: '999999999999', Arn: 'arn:aws:iam::999999999999:user/someone' })
    const [check] = await accountCredentialChecks(config({ consumer: { account_id: '222222222222', profile: 'consumer' } }))
    expect(check!.ok).toBe(false)
    expect(check!.detail).toBe('they reach account 999999999999 as arn:aws:iam::999999999999:user/someone, not 222222222222')
    expect(check!.fix).toMatch(/accounts\.consumer\.account_id/)
  })

  it('fails an alias whose role cannot be assumed, saying to fix the trust policy (aws-sdk-client-mock stand-in for STS AccessDenied)', async () => {
    sts.on(GetCallerIdentityCommand).rejects(
      new STSServiceException({ name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403 }, message: `User: arn:aws:iam::333333333333:user/ci is not authorized to perform: sts:AssumeRole on resource: ${producerRole}` }),
    )
    const [check] = await accountCredentialChecks(config({ producer: { role_arn: producerRole, external_id: 'nightly' } }))
    expect(check!.ok).toBe(false)
    expect(check!.detail).toMatch(/^AccessDenied: User: .* is not authorized to perform: sts:AssumeRole/)
    expect(check!.fix).toMatch(/trust policy must allow sts:AssumeRole with this external id/)
  })

  it('checks every alias, each on its own', async () => {
    sts.on(GetCallerIdentityCommand).resolvesOnce({ Account: '111111111111', Arn: 'a' }).resolvesOnce({ Account: '222222222222', Arn: 'b' })
    const checks = await accountCredentialChecks(config({ producer: {}, consumer: {} }))
    expect(checks.map((c) => c.ok)).toEqual([true, true])
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(2)
  })
})

describe('account credential checks with the real SDK', () => {
  beforeEach(() => {
    // No credential files anywhere, and no instance metadata: nothing leaves the machine.
    vi.stubEnv('AWS_CONFIG_FILE', '/dev/null')
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '/dev/null')
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true')
  })
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('fails a profile that does not exist, naming it and how to create it', async () => {
    const [check] = await accountCredentialChecks(config({ producer: { profile: 'plh-no-such-profile' } }))
    expect(check!.ok).toBe(false)
    expect(check!.detail).toMatch(/plh-no-such-profile/)
    expect(check!.fix).toBe('check profile plh-no-such-profile in ~/.aws/config (aws configure --profile plh-no-such-profile, or aws sso login --profile plh-no-such-profile)')
  })
})

describe('awsPrerequisiteChecks', () => {
  it('fails when there is no run configuration, saying how to make one', async () => {
    const checks = await awsPrerequisiteChecks(undefined)
    const config = checks.find((c) => c.name === 'run configuration')!
    expect(config).toMatchObject({ ok: false, detail: 'no plh.config.json' })
    expect(config.fix).toMatch(/plh\.config\.example\.json/)
  })

  it('shows the field a broken configuration gets wrong', async () => {
    const error = new InputError('ci/plh.json', 'accounts.consumer.role_arn', 'an IAM role ARN')
    const checks = await awsPrerequisiteChecks(error, 'ci/plh.json')
    expect(checks.find((c) => c.name === 'run configuration')).toMatchObject({ ok: false, detail: 'ci/plh.json: accounts.consumer.role_arn: an IAM role ARN' })
  })

  it('puts STS calls in the alias\'s first region, else the run\'s, else us-east-1', () => {
    const c = config({ a: { regions: ['eu-west-2'] }, b: {} }, { regions: ['us-west-2'] })
    expect(regionForAccount(c, c.accounts.a!)).toBe('eu-west-2')
    expect(regionForAccount(c, c.accounts.b!)).toBe('us-west-2')
    expect(regionForAccount(config({ b: {} }), {})).toBe('us-east-1')
  })
})
