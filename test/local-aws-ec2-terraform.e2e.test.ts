// End to end: the real terraform and hashicorp/aws provider apply and destroy EC2-only HCL against
// the local AWS API (STS and EC2 services), as the shipped fixtures' EC2 parts use it: the apply
// converges (a second plan has nothing to do), destroy leaves nothing in the store, and an
// overlapping peering fails the apply with AWS's reason.
import { execa } from 'execa'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ec2Service } from '../harness/targets/local/api/services/ec2/index.js'
import { stsService } from '../harness/targets/local/api/services/sts/index.js'
import { startLocalAws, type LocalAws } from '../harness/targets/local/api/start-local-aws.js'

const repo = resolve(import.meta.dirname, '..')
const mirror = process.env.PLH_TF_PROVIDER_MIRROR ?? (await execa('bash', [join(repo, 'scripts/find-provider-mirror.sh')], { reject: false }).catch(() => ({ stdout: '' }))).stdout.trim()
const hasTerraform = (await execa('terraform', ['version'], { reject: false }).catch(() => ({ exitCode: 1 }))).exitCode === 0
if (!mirror || !hasTerraform) console.warn('local AWS EC2 e2e: skipped — needs terraform on PATH and the provider mirror (scripts/find-provider-mirror.sh)')

let aws: LocalAws | undefined
let work = ''
let env: Record<string, string> = {}

beforeAll(async () => {
  if (!mirror || !hasTerraform) return
  work = await mkdtemp(join(tmpdir(), 'plh-ec2-e2e-'))
  // The fixture's module paths are relative to the repository layout: copy both beside each other.
  await cp(join(repo, 'test/fixtures/local-aws-ec2'), join(work, 'test/fixtures/local-aws-ec2'), { recursive: true })
  await cp(join(repo, 'terraform/modules'), join(work, 'terraform/modules'), { recursive: true })
  aws = await startLocalAws({ accounts: [{ name: 'consumer', id: '222222222222' }], dir: join(work, 'aws'), services: [stsService, ec2Service] })
  const cliConfig = join(work, 'terraform.rc')
  await writeFile(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n`)
  env = { ...aws.env, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' }
}, 120_000)

afterAll(async () => {
  await aws?.close()
  if (work) await rm(work, { recursive: true, force: true })
})

const terraform = (args: string[], dir: string) => execa('terraform', [...args, '-no-color'], { cwd: dir, env, reject: false, timeout: 480_000 })
// Terminated instances and failed peering connections stay listed for a while, as on AWS (the store
// forgets them after a minute); everything else must be gone.
const live = () => aws!.api.store.all().filter((r) => !(r.type === 'instance' && r.data.State?.Name === 'terminated') && !(r.type === 'vpc-peering-connection' && r.data.Status?.Code === 'failed'))

describe.skipIf(!mirror || !hasTerraform)('terraform against the local EC2', () => {
  it('applies, converges and destroys the fixtures\' EC2 shapes, leaving nothing behind', { timeout: 600_000 }, async () => {
    const dir = join(work, 'test/fixtures/local-aws-ec2')
    const init = await terraform(['init', '-input=false'], dir)
    expect(init.exitCode, init.stdout + init.stderr).toBe(0)
    const apply = await terraform(['apply', '-auto-approve', '-input=false'], dir)
    expect(apply.exitCode, apply.stdout + apply.stderr).toBe(0)
    const outputs = JSON.parse((await terraform(['output', '-json'], dir)).stdout) as Record<string, { value: unknown }>
    const azs = outputs.azs!.value as string[]
    expect(outputs.ssm_eni_azs!.value).toEqual(azs)
    expect(outputs.instances!.value).toEqual([expect.objectContaining({ state: 'running' }), expect.objectContaining({ state: 'running' })])
    expect(outputs.peering_status!.value).toBe('active')
    const names = outputs.ssm_dns!.value as string[]
    expect(names).toContain('ssm.us-east-1.amazonaws.com')
    for (const az of azs) expect(names.some((n) => n.includes(`-${az}.ssm.us-east-1.vpce.amazonaws.com`))).toBe(true)
    const plan = await terraform(['plan', '-detailed-exitcode', '-input=false'], dir)
    expect(plan.exitCode, plan.stdout + plan.stderr).toBe(0)
    const destroy = await terraform(['destroy', '-auto-approve', '-input=false'], dir)
    expect(destroy.exitCode, destroy.stdout + destroy.stderr).toBe(0)
    expect(live()).toEqual([])
  })

  it('fails the apply on an overlapping peering with "Overlapping CIDR range", as AWS does, and destroys clean', { timeout: 300_000 }, async () => {
    const dir = join(work, 'test/fixtures/local-aws-ec2')
    const vars = ['-var', 'peer_cidr=10.0.128.0/17', '-var', 'with_instances=false']
    const apply = await terraform(['apply', '-auto-approve', '-input=false', ...vars], dir)
    expect(apply.exitCode).not.toBe(0)
    expect(apply.stderr).toMatch(/unexpected state 'failed'[\s\S]*Overlapping CIDR range/)
    const destroy = await terraform(['destroy', '-auto-approve', '-input=false', ...vars], dir)
    expect(destroy.exitCode, destroy.stdout + destroy.stderr).toBe(0)
    expect(live()).toEqual([])
  })
})
