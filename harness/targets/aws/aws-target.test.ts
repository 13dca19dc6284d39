// The AwsTarget's apply/destroy path with real terraform (test/fixtures/terraform-data: only the
// built-in terraform_data resource, so no AWS and no provider mirror is needed), and its
// readiness, transport and latency figure against stand-ins (aws-sdk-client-mock) for EC2, ELBv2 and SSM.
import { DescribeVpcEndpointServiceConfigurationsCommand, DescribeVpcEndpointsCommand, EC2Client, GetAwsNetworkPerformanceDataCommand } from '@aws-sdk/client-ec2'
import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { DescribeInstanceInformationCommand, GetCommandInvocationCommand, SendCommandCommand, SSMClient } from '@aws-sdk/client-ssm'
import { mockClient } from 'aws-sdk-client-mock'
import { execa } from 'execa'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { HarnessOutput } from '../../core/contract.js'
import { HarnessError, InfrastructureError, InputError } from '../../core/errors.js'
import { runConfigSchema } from '../../core/run-config.js'
import type { Fixture, Logger, RunContext } from '../../core/target.js'
import { AwsClients } from './aws-clients.js'
import { AwsTarget } from './aws-target.js'

const fixtureDir = resolve(import.meta.dirname, '../../../test/fixtures/terraform-data/harness-contract')
const fixture: Fixture = {
  name: 'harness-contract',
  dir: fixtureDir,
  manifest: { name: 'harness-contract', description: 'terraform_data stand-in of an AWS fixture', proves: [], targets: ['aws'], variables: [], outputs: ['harness', 'received'] },
  variables: Object.fromEntries(
    ['name_prefix', 'run_id', 'name_scope', 'tags', 'region', 'consumer_profile', 'consumer_role_arn', 'consumer_account_id', 'endpoint_id', 'fail_apply'].map((n) => [n, {}]),
  ),
}
const config = runConfigSchema.parse({
  name_prefix: 'nightly',
  accounts: { consumer: { account_id: '222222222222', profile: 'plh-consumer' }, producer: { account_id: '111111111111' } },
  regions: ['us-east-1'],
  tags: { team: 'networking' },
})
const silent: Logger = { info() {}, warn() {}, error() {}, debug() {} }
const standInCredentials = () => ({ accessKeyId: 'AKIDSTANDIN', secretAccessKey: 'stand-in' })

const ec2Mock = mockClient(EC2Client)
const elbMock = mockClient(ElasticLoadBalancingV2Client)
const ssmMock = mockClient(SSMClient)
let scratch: string
let counter = 0

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'plh-aws-target-'))
})
afterEach(() => {
  ec2Mock.reset()
  elbMock.reset()
  ssmMock.reset()
})
afterAll(async () => {
  ec2Mock.restore()
  elbMock.restore()
  ssmMock.restore()
  await rm(scratch, { recursive: true, force: true })
})

function runContext(): RunContext {
  const dir = join(scratch, `run-${++counter}`)
  return { runId: '20261125T133000-3f9a2c', tag: '3f9a2c', scope: 'ab12', workDir: join(dir, 'work'), logDir: join(dir, 'logs'), log: silent }
}

function newTarget(overrides: Partial<ConstructorParameters<typeof AwsTarget>[0]> = {}): AwsTarget {
  return new AwsTarget({
    source: 'scenarios/stand-in.scenario.ts',
    root: scratch,
    config,
    clients: new AwsClients({ config, credentials: standInCredentials, minDelayMs: 10 }),
    pollIntervalMs: 20,
    ssmPollIntervalMs: 20,
    endpointTimeoutMs: 2000,
    instanceTimeoutMs: 300,
    ...overrides,
  })
}

/** terraform's view of the workspace the target applied. */
async function terraformIn(run: RunContext, ...args: string[]): Promise<string> {
  return (await execa('terraform', args, { cwd: join(run.workDir, 'terraform', 'harness-contract') })).stdout
}

async function rejection(promise: Promise<unknown>): Promise<HarnessError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(HarnessError)
  return error as HarnessError
}

describe('AwsTarget apply and destroy (real terraform, terraform_data fixture)', () => {
  it('applies with the run\'s variables, returns the validated harness output, and destroys idempotently', async () => {
    const run = runContext()
    const target = newTarget()
    const outputs = await target.apply(fixture, { region: 'us-east-1', tags: { owner: 'scenario' }, not_declared: 'dropped' }, run)
    expect(outputs.endpoints[0]!.id).toBe('vpce-0123456789abcdef0')
    expect(outputs.consumers[0]!.account).toBe('222222222222')
    const received = JSON.parse(await terraformIn(run, 'output', '-json', 'received'))
    expect(received).toEqual({
      name: 'nightly-3f9a2c-ab12-service',
      name_scope: 'ab12',
      tags: { team: 'networking', owner: 'scenario' },
      consumer_profile: 'plh-consumer',
      consumer_account_id: '222222222222',
    })
    expect(await terraformIn(run, 'state', 'list')).toContain('terraform_data.endpoint')
    await target.destroy()
    expect(await terraformIn(run, 'state', 'list')).toBe('')
    await target.destroy()
  })

  it('a harness output that breaks the contract is CONTRACT_VIOLATION naming outputs.tf and the field; destroy still removes it', async () => {
    const run = runContext()
    const target = newTarget()
    const error = await rejection(target.apply(fixture, { endpoint_id: 'not-an-endpoint' }, run))
    expect(error).toBeInstanceOf(InfrastructureError)
    expect(error.code).toBe('CONTRACT_VIOLATION')
    expect(error.message).toMatch(/^terraform\/harness-contract\/outputs\.tf: harness\.endpoints\[0\]\.id: expected a VPC endpoint id/)
    expect(await terraformIn(run, 'state', 'list')).toContain('terraform_data.endpoint')
    await target.destroy()
    expect(await terraformIn(run, 'state', 'list')).toBe('')
  })

  it('a partial apply fails with APPLY_FAILED and destroy removes what it created; the work dir is journalled until then', async () => {
    const entries: string[] = []
    const run: RunContext = {
      ...runContext(),
      journal: {
        record: async (...r) => void entries.push(...r.map((x) => `+${x.kind} ${x.command?.join(' ')}`)),
        forget: async (...r) => void entries.push(...r.map((x) => `-${x.kind}`)),
      },
    }
    const target = newTarget()
    const error = await rejection(target.apply(fixture, { fail_apply: true }, run))
    expect(error.code).toBe('APPLY_FAILED')
    expect(error.message).toContain('terraform apply of fixture harness-contract failed')
    expect(await terraformIn(run, 'state', 'list')).toContain('terraform_data.endpoint')
    expect(entries).toEqual(['+terraform-workdir terraform destroy -auto-approve -input=false'])
    await target.destroy()
    expect(await terraformIn(run, 'state', 'list')).toBe('')
    expect(entries).toEqual(['+terraform-workdir terraform destroy -auto-approve -input=false', '-terraform-workdir'])
  })

  it('a fixture with apply_stages applies the stage first and runs its wait before the rest (here the wait finds no endpoint service: APPLY_FAILED naming the manifest, the rest never applied)', async () => {
    const run = runContext()
    const target = newTarget()
    const staged: Fixture = { ...fixture, manifest: { ...fixture.manifest, apply_stages: [{ targets: ['terraform_data.endpoint'], wait_for: 'endpoint-service-regions-available' }] } }
    const error = await rejection(target.apply(staged, {}, run))
    expect(error.code).toBe('APPLY_FAILED')
    expect(error.message).toBe('terraform/harness-contract/manifest.json: apply_stages: wait_for endpoint-service-regions-available found no aws_vpc_endpoint_service in the state after its stage')
    expect(await terraformIn(run, 'state', 'list')).toBe('terraform_data.endpoint')
    await target.destroy()
    expect(await terraformIn(run, 'state', 'list')).toBe('')
  })

  it('without a run configuration: bad input naming plh.config.json, and nothing applied', async () => {
    const run = runContext()
    const target = new AwsTarget({ source: 'scenarios/stand-in.scenario.ts', root: scratch })
    const error = await rejection(target.apply(fixture, {}, run))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(/^plh\.config\.json: \(root\): the aws target needs a run configuration/)
    await target.destroy()
  })
})

describe('AwsTarget readiness, transport and latency (aws-sdk-client-mock stand-in for EC2, ELBv2 and SSM)', () => {
  function dnsEntriesOf(outputs: HarnessOutput) {
    const endpoint = outputs.endpoints[0]!
    return [{ DnsName: endpoint.regional_dns }, ...endpoint.zonal.map((z) => ({ DnsName: z.dns }))]
  }

  const TG_ARN = 'arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/nightly-3f9a2c-ab12-p80/73e2d6bc24d8a067'
  /** The service's NLB with one target group whose one target is in `state`. */
  function mockNlbTarget(outputs: HarnessOutput, state: 'initial' | 'healthy'): void {
    const serviceId = outputs.service.name.split('.').at(-1)!
    ec2Mock.on(DescribeVpcEndpointServiceConfigurationsCommand).resolves({ ServiceConfigurations: [{ ServiceId: serviceId, NetworkLoadBalancerArns: ['arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/nightly-3f9a2c-ab12-nlb/50dc6c495c0c9188'] }] })
    elbMock.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{ TargetGroupArn: TG_ARN }] })
    elbMock.on(DescribeTargetHealthCommand).resolves({
      TargetHealthDescriptions: [{ Target: { Id: 'i-0bbbbbbbbbbbbbbb1', Port: 80, AvailabilityZone: 'us-east-1a' }, TargetHealth: state === 'healthy' ? { State: 'healthy' } : { State: 'initial', Reason: 'Elb.RegistrationInProgress' } }],
    })
  }

  it('is not ready while the NLB\'s targets are still initial, though the endpoint is available and the instances are Online', async () => {
    const run = runContext()
    const target = newTarget({ targetHealthTimeoutMs: 300 })
    try {
      const outputs = await target.apply(fixture, {}, run)
      ec2Mock.on(DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [{ VpcEndpointId: outputs.endpoints[0]!.id, State: 'available' as never, DnsEntries: dnsEntriesOf(outputs) }] })
      ssmMock.on(DescribeInstanceInformationCommand).resolves({ InstanceInformationList: [{ InstanceId: 'i-0aaaaaaaaaaaaaaa1', PingStatus: 'Online' }] })
      mockNlbTarget(outputs, 'initial')
      const error = await rejection(target.waitReady(outputs))
      expect(error.code).toBe('NOT_READY')
      expect(error.message).toContain('not healthy within 0.3 s: us-east-1a: i-0bbbbbbbbbbbbbbb1:80 in us-east-1a initial (Elb.RegistrationInProgress)')
    } finally {
      await target.destroy()
    }
  })

  it('an instance that never registers with SSM is NOT_READY naming it and the account alias', async () => {
    const run = runContext()
    const target = newTarget()
    try {
      const outputs = await target.apply(fixture, {}, run)
      ec2Mock.on(DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [{ VpcEndpointId: outputs.endpoints[0]!.id, State: 'available' as never, DnsEntries: dnsEntriesOf(outputs) }] })
      ssmMock.on(DescribeInstanceInformationCommand).resolves({ InstanceInformationList: [] })
      mockNlbTarget(outputs, 'healthy')
      const error = await rejection(target.waitReady(outputs))
      expect(error.code).toBe('NOT_READY')
      expect(error.message).toContain('account "consumer" (us-east-1)')
      expect(error.message).toContain('i-0aaaaaaaaaaaaaaa1 (not registered)')
    } finally {
      await target.destroy()
    }
  })

  it('ready endpoints and Online instances: commands run through SSM in the consumer\'s account, and a cross-region endpoint gets AWS\'s p50', async () => {
    const run = runContext()
    const target = newTarget()
    try {
      const applied = await target.apply(fixture, {}, run)
      // the same outputs, as a cross-region endpoint would have them (the terraform_data fixture is single-region)
      const outputs: HarnessOutput = { ...applied, endpoints: [{ ...applied.endpoints[0]!, region: 'us-east-1', service_region: 'eu-west-2' }] }
      ec2Mock.on(DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [{ VpcEndpointId: outputs.endpoints[0]!.id, State: 'available' as never, DnsEntries: dnsEntriesOf(outputs) }] })
      ec2Mock.on(GetAwsNetworkPerformanceDataCommand).resolves({ DataResponses: [{ Id: 'plh', MetricPoints: [{ Value: 76 }, { Value: 77 }, { Value: 75 }] }] })
      ssmMock.on(DescribeInstanceInformationCommand).resolves({ InstanceInformationList: [{ InstanceId: 'i-0aaaaaaaaaaaaaaa1', PingStatus: 'Online' }] })
      mockNlbTarget(outputs, 'healthy')
      await target.waitReady(outputs)
      expect(target.interRegionP50().get(outputs.endpoints[0]!.id)).toBe(76)
      const probe = { key: 'r', url: `http://${outputs.endpoints[0]!.regional_dns}/`, host: outputs.endpoints[0]!.regional_dns, port: 80, name_kind: 'regional' as const }
      expect(target.expectedLatency(outputs.consumers[0]!, probe, { scheme: 'http' } as never)).toEqual({ timing: 'time_starttransfer', expected_ms: 152 })

      ssmMock.on(SendCommandCommand).resolves({ Command: { CommandId: 'c0ffee00-0000-4000-8000-000000000001' } })
      ssmMock.on(GetCommandInvocationCommand).resolves({ Status: 'Success', StatusDetails: 'Success', ResponseCode: 0, StandardOutputContent: 'hello\n', StandardErrorContent: '' })
      const result = await target.transport(outputs.consumers[0]!).run('echo hello', { timeoutSeconds: 30 })
      expect(result).toMatchObject({ status: 'Success', stdout: 'hello\n', instanceId: 'i-0aaaaaaaaaaaaaaa1' })
      expect(ssmMock.commandCalls(SendCommandCommand)[0]!.args[0].input.InstanceIds).toEqual(['i-0aaaaaaaaaaaaaaa1'])
    } finally {
      await target.destroy()
    }
  })
})
