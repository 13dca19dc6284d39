// The real terraform and the real hashicorp/aws provider apply, re-plan and destroy the fixtures'
// ELBv2, IAM and SSM-parameter resources against the local AWS API: an internal NLB on two
// subnets with cross-zone on, a TCP target group with an HTTP health check and two instance
// attachments, a TCP listener, the SSM instance profile with AmazonSSMManagedInstanceCore, and the
// AMI parameter. The VPC, subnets and instances are seeded straight into the store (EC2 is served
// elsewhere). Needs terraform on PATH and PLH_TF_PROVIDER_MIRROR; without them it skips, saying why.
// The provider's own waiters make the apply last about a minute (30 s before the NLB's first poll).
import { cp, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { execa } from 'execa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiRequestRecord } from '../harness/targets/local/api/server/start-aws-api.js'
import { seedTestNetwork, type TestNetwork } from '../harness/targets/local/api/services/elbv2/test-network.js'
import { instanceProfileAllowsSsm } from '../harness/targets/local/api/services/iam/instance-permissions.js'
import { services } from '../harness/targets/local/api/services/index.js'
import { createSsmService } from '../harness/targets/local/api/services/ssm/index.js'
import { publicAmiId, ssmParameterHandlers } from '../harness/targets/local/api/services/ssm-parameters/index.js'
import { createTestContext } from '../harness/targets/local/api/services/test-request-context.js'
import { startLocalAws, type LocalAws } from '../harness/targets/local/api/start-local-aws.js'
import { buildMirrorCliConfig } from './support/terraform-offline.js'

const PRODUCER = { name: 'producer', id: '111111111111' }
const AMI_PARAMETER = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64'

async function findSkipReason(mirror: string | undefined): Promise<string | undefined> {
  if (!mirror) return 'PLH_TF_PROVIDER_MIRROR is not set (a directory holding registry.terraform.io/hashicorp/aws)'
  if (!(await stat(join(resolve(mirror), 'registry.terraform.io', 'hashicorp', 'aws')).then((s) => s.isDirectory(), () => false))) return `PLH_TF_PROVIDER_MIRROR=${mirror} holds no hashicorp/aws`
  const version = await execa('terraform', ['version'], { reject: false })
  return version.failed ? `terraform is not runnable here: ${version.shortMessage}` : undefined
}

const mirror = process.env.PLH_TF_PROVIDER_MIRROR
const skipReason = await findSkipReason(mirror)
if (skipReason) console.warn(`local API terraform check skipped: ${skipReason}`)

let work = ''
let local: LocalAws | undefined
let network: TestNetwork
const requests: ApiRequestRecord[] = []

/** terraform with the local AWS environment only: no AWS_* variable of this process leaks in. */
function terraform(args: string[]) {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('AWS_') && !key.startsWith('TF_')) env[key] = value
  Object.assign(env, local!.env, { TF_CLI_CONFIG_FILE: join(work, 'terraform.rc'), TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' })
  return execa('terraform', args, { cwd: join(work, 'fixture'), env, extendEnv: false, reject: false, all: true })
}

beforeAll(async () => {
  if (skipReason) return
  work = await mkdtemp(join(tmpdir(), 'plh-local-api-tf-'))
  await writeFile(join(work, 'terraform.rc'), buildMirrorCliConfig(resolve(mirror!)))
  await cp(resolve('test/fixtures/local-api-elbv2-iam'), join(work, 'fixture'), { recursive: true })
  local = await startLocalAws({ accounts: [PRODUCER], dir: join(work, 'aws'), services: [...services, createSsmService(ssmParameterHandlers)], onRequest: (r) => requests.push(r) })
  network = seedTestNetwork(createTestContext(local.api.store, { account: PRODUCER.id }))
  await writeFile(join(work, 'fixture', 'terraform.tfvars.json'), JSON.stringify({ vpc_id: network.vpcId, subnet_ids: network.subnetIds, instance_ids: network.instanceIds }))
})

afterAll(async () => {
  if (local) {
    // Whatever happened, nothing outlives the test: destroy what terraform holds, then the API.
    await terraform(['destroy', '-auto-approve', '-no-color'])
    await local.close()
  }
  if (work) await rm(work, { recursive: true, force: true })
})

describe.skipIf(skipReason !== undefined)('the AWS provider against the local API: ELBv2, IAM, SSM parameters', () => {
  it('applies, finds nothing to change, and destroys, leaving only the seeded network', { timeout: 600_000 }, async () => {
    const init = await terraform(['init', '-no-color'])
    expect(init.exitCode, init.all).toBe(0)
    const apply = await terraform(['apply', '-auto-approve', '-no-color'])
    expect(apply.exitCode, apply.all).toBe(0)

    const outputs = JSON.parse((await terraform(['output', '-json'])).stdout) as Record<string, { value: any }>
    expect(outputs.ami!.value).toBe(publicAmiId('us-east-1', AMI_PARAMETER))
    const lb = outputs.lb!.value
    expect(lb.dns_name).toBe(`plh-tf-nlb-${lb.arn_suffix.split('/')[2]}.elb.us-east-1.amazonaws.com`)
    expect(lb.zone_id).toBe('Z26RNL4JYFTOTI')
    const store = local!.api.store
    const enis = store.list<{ Description?: string; AvailabilityZone?: string }>({ type: 'network-interface', account: PRODUCER.id, region: 'us-east-1' })
    // One node per subnet; the provider sends the subnets as a set, so their order is its own.
    expect(enis.map((e) => [e.data.Description, e.data.AvailabilityZone]).sort()).toEqual([
      [`ELB ${lb.arn_suffix}`, 'us-east-1a'],
      [`ELB ${lb.arn_suffix}`, 'us-east-1b'],
    ])
    const stored = store.get<{ State?: { Code?: string }; local: { attributes: Record<string, string> } }>(PRODUCER.id, 'us-east-1', 'load-balancer', lb.arn)!
    expect(stored.data.State).toEqual({ Code: 'active' })
    expect(stored.data.local.attributes['load_balancing.cross_zone.enabled']).toBe('true')
    const group = store.list<{ local: { targets: Array<{ Id: string }>; attributes: Record<string, string> } }>({ type: 'target-group' })[0]!
    expect(group.data.local.targets.map((t) => t.Id).sort()).toEqual([...network.instanceIds].sort())
    expect(group.data.local.attributes['deregistration_delay.timeout_seconds']).toBe('10')
    expect(instanceProfileAllowsSsm(store, PRODUCER.id, outputs.instance_profile_arn!.value)).toBe(true)

    const plan = await terraform(['plan', '-detailed-exitcode', '-no-color'])
    expect(plan.exitCode, plan.all).toBe(0)

    const destroy = await terraform(['destroy', '-auto-approve', '-no-color'])
    expect(destroy.exitCode, destroy.all).toBe(0)
    expect(store.all().map((r) => r.type).sort()).toEqual(['instance', 'instance', 'subnet', 'subnet', 'vpc'])

    // Every call to these services was emulated (the provider's EC2 calls go to another service).
    const mine = requests.filter((r) => ['elasticloadbalancing', 'iam', 'ssm', 'sts'].includes(r.service))
    expect(mine.filter((r) => r.errorCode === 'NotEmulatedByLocalTarget' || r.status >= 500)).toEqual([])
    expect(new Set(mine.map((r) => r.action))).toContain('DescribeTargetHealth')
  })
})
