// docs/aws-permissions.md against the code and AWS's documented needs: its sample policy is valid
// JSON, allows every AWS call the harness makes (read from the source, as `callAws(..., 'svc:Action')`),
// lets the first NLB of a fresh account create ELB's service-linked role, and the table asks
// vpce:AllowMultiRegion of the producer as well as the consumer.
import { readFile, readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const repo = resolve(import.meta.dirname, '..')

interface Statement {
  Effect: string
  Action: string | string[]
  Resource: string | string[]
  Condition?: Record<string, Record<string, string>>
}

async function samplePolicy(): Promise<{ text: string; statements: Statement[] }> {
  const text = await readFile(join(repo, 'docs/aws-permissions.md'), 'utf8')
  const block = /## A sample policy[\s\S]*?```json\n([\s\S]*?)```/.exec(text)?.[1]
  if (!block) throw new Error('docs/aws-permissions.md: no json block under "A sample policy"')
  return { text, statements: (JSON.parse(block) as { Statement: Statement[] }).Statement }
}

function allows(statements: Statement[], action: string): boolean {
  return statements.some((s) => s.Effect === 'Allow' && [s.Action].flat().some((a) => new RegExp(`^${a.replaceAll('*', '.*')}$`, 'i').test(action)))
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')).map((e) => join(e.parentPath, e.name))
}

describe('docs/aws-permissions.md', () => {
  it('the sample policy allows every AWS call the harness makes', async () => {
    const { statements } = await samplePolicy()
    const calls = new Set<string>()
    for (const file of await sourceFiles(join(repo, 'harness/targets/aws'))) {
      for (const m of (await readFile(file, 'utf8')).matchAll(/'((?:ec2|elasticloadbalancing|ssm|sts|tag):[A-Za-z]+)'/g)) calls.add(m[1]!)
    }
    expect(calls.size).toBeGreaterThan(10)
    expect([...calls].filter((c) => !allows(statements, c))).toEqual([])
  })

  it('the sample policy lets the first load balancer of a fresh account create Elastic Load Balancing\'s service-linked role, and only that role', async () => {
    const { statements } = await samplePolicy()
    const slr = statements.filter((s) => [s.Action].flat().includes('iam:CreateServiceLinkedRole'))
    expect(slr).toHaveLength(1)
    expect(slr[0]!.Resource).toBe('arn:aws:iam::*:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing')
    expect(slr[0]!.Condition).toEqual({ StringEquals: { 'iam:AWSServiceName': 'elasticloadbalancing.amazonaws.com' } })
  })

  it('asks vpce:AllowMultiRegion of the producer (supported_regions) as well as the consumer (service_region)', async () => {
    const { text, statements } = await samplePolicy()
    expect(allows(statements, 'vpce:AllowMultiRegion')).toBe(true)
    const row = text.split('\n').find((l) => l.startsWith('| `native-cross-region` |'))
    expect(row).toMatch(/producer's[^|]*supported_regions/)
    expect(row).toMatch(/consumer's[^|]*service_region/)
  })
})
