import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { fixtureManifestSchema } from '../core/manifest.js'
import { goodHcl, goodManifest, makeFixtureRoot } from './fixture-test-support.js'
import { listFixtures } from './load-fixture.js'
import { collectHclDeclarations } from './read-fixture-hcl.js'
import { crossCheckFixture, validateFixture, type CrossCheckInput } from './validate-fixture.js'

const projectRoot = fileURLToPath(new URL('../..', import.meta.url))

describe('the fixtures of this repository', () => {
  it.each(['native-cross-region', 'peered-outpost-relay', 'same-region-cross-account', 'tls-via-cname'])('%s: manifest and HCL agree', async (name) => {
    expect(await listFixtures(projectRoot)).toContain(name)
    expect(await validateFixture(projectRoot, name)).toEqual({ errors: [], warnings: [] })
  })
})

describe('crossCheckFixture', () => {
  const hcl = collectHclDeclarations([
    {
      file: 'terraform/x/variables.tf',
      json: { variable: { run_id: [{ description: 'r' }], name_prefix: [{ description: 'p' }], region: [{ description: 'where' }] } },
    },
    { file: 'terraform/x/outputs.tf', json: { output: { harness: [{}] } } },
    { file: 'terraform/x/providers.tf', json: { provider: { aws: [{ alias: 'a', default_tags: [{}] }] } } },
  ])
  const input = (overrides: Partial<CrossCheckInput> = {}, manifest: Record<string, unknown> = {}): CrossCheckInput => ({
    name: 'x',
    manifestFile: 'terraform/x/manifest.json',
    hclFiles: 'terraform/x/*.tf',
    manifest: fixtureManifestSchema.parse({ ...goodManifest('x'), variables: ['run_id', 'name_prefix', 'region'], ...manifest }),
    hcl,
    testFiles: ['x.tftest.hcl'],
    ...overrides,
  })

  it('passes when both sides agree', () => {
    expect(crossCheckFixture(input())).toEqual({ errors: [], warnings: [] })
  })

  it('names both files when the manifest lists a variable the HCL lacks', () => {
    expect(crossCheckFixture(input({}, { variables: ['run_id', 'name_prefix', 'region', 'foo'] })).errors).toEqual([
      'terraform/x/manifest.json: variables: lists foo, which terraform/x/*.tf does not declare',
    ])
  })

  it('names the declaring file when the HCL declares a variable the manifest lacks', () => {
    expect(crossCheckFixture(input({}, { variables: ['run_id', 'name_prefix'] })).errors).toEqual([
      'terraform/x/variables.tf: variable.region: declared, but terraform/x/manifest.json does not list it',
    ])
  })

  it('checks outputs both ways, and requires the harness output', () => {
    const noHarness = collectHclDeclarations([
      { file: 'terraform/x/variables.tf', json: { variable: { run_id: [{ description: 'r' }], name_prefix: [{ description: 'p' }], region: [{ description: 'w' }] } } },
      { file: 'terraform/x/outputs.tf', json: { output: { extra: [{}] } } },
    ])
    expect(crossCheckFixture(input({ hcl: noHarness })).errors).toEqual([
      'terraform/x/*.tf: output.harness: not declared: every fixture yields the contract of harness/core/contract.ts',
      'terraform/x/outputs.tf: output.extra: declared, but terraform/x/manifest.json does not list it',
    ])
  })

  it('requires the manifest name to be the folder name', () => {
    expect(crossCheckFixture(input({ name: 'y' })).errors).toContain('terraform/x/manifest.json: name: names the fixture "x" but its folder is terraform/y')
  })

  it('requires the variables the harness always passes', () => {
    const bare = collectHclDeclarations([{ file: 'terraform/x/main.tf', json: { output: { harness: [{}] } } }])
    const { errors } = crossCheckFixture(input({ hcl: bare }, { variables: [] }))
    expect(errors).toEqual([
      'terraform/x/*.tf: variable.run_id: not declared: the harness passes it to every fixture',
      'terraform/x/*.tf: variable.name_prefix: not declared: the harness passes it to every fixture',
    ])
  })

  it('refuses the local target without a topology to build', () => {
    const { topology: _topology, ...rest } = goodManifest('x')
    const manifest = fixtureManifestSchema.parse({ ...rest, variables: ['run_id', 'name_prefix', 'region'] })
    expect(crossCheckFixture(input({ manifest })).errors).toEqual([
      'terraform/x/manifest.json: topology: missing, but targets lists the local target: the local target would not know what to build',
    ])
    expect(crossCheckFixture(input({ manifest: { ...manifest, targets: ['aws'] } })).errors).toEqual([])
  })

  it('reports duplicate declarations as errors', () => {
    const twice = collectHclDeclarations([
      { file: 'terraform/x/a.tf', json: { variable: { run_id: [{ description: 'r' }], name_prefix: [{ description: 'p' }], region: [{ description: 'w' }] }, output: { harness: [{}] } } },
      { file: 'terraform/x/b.tf', json: { variable: { region: [{ description: 'w' }] } } },
    ])
    expect(crossCheckFixture(input({ hcl: twice })).errors).toEqual(['terraform/x/*.tf: variable.region: declared in terraform/x/a.tf and again in terraform/x/b.tf'])
  })

  it('warns about untagged providers, undescribed variables, repeated manifest entries and missing tests', () => {
    const loose = collectHclDeclarations([
      { file: 'terraform/x/main.tf', json: { variable: { run_id: [{}], name_prefix: [{ description: 'p' }], region: [{ description: 'w' }] }, output: { harness: [{}] } } },
      { file: 'terraform/x/providers.tf', json: { provider: { aws: [{ alias: 'consumer' }] } } },
    ])
    const result = crossCheckFixture(input({ hcl: loose, testFiles: [] }, { variables: ['run_id', 'name_prefix', 'region', 'region'] }))
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([
      'terraform/x/manifest.json lists variable region more than once',
      'terraform/x/main.tf: variable run_id has no description (scenario authors and the local target read it)',
      'terraform/x/providers.tf: provider aws.consumer sets no default_tags: what it creates carries no plh:run-id unless tagged one by one, and the janitor cannot find it',
      'terraform/x/tests has no *.tftest.hcl: nothing checks the fixture offline',
    ])
  })
})

describe('validateFixture on broken fixtures', () => {
  let tree: Awaited<ReturnType<typeof makeFixtureRoot>>

  beforeAll(async () => {
    tree = await makeFixtureRoot()
    await tree.write('good', goodHcl, goodManifest('good'))
    await tree.write('drift', goodHcl, { ...goodManifest('drift'), variables: ['name_prefix', 'run_id', 'foo'] })
    await tree.write('renamed', goodHcl, goodManifest('original'))
    await tree.write('bad-schema', goodHcl, { ...goodManifest('bad-schema'), targets: [], description: '' })
    await tree.write('not-json', goodHcl, 'nope')
    await tree.write('bad-hcl', { ...goodHcl, 'broken.tf': 'output "x" {' }, goodManifest('bad-hcl'))
  })
  afterAll(() => tree.remove())

  it('passes a fixture whose manifest and HCL agree', async () => {
    expect(await validateFixture(tree.root, 'good')).toEqual({ errors: [], warnings: [] })
  })

  it('reports drift both ways, naming both files', async () => {
    expect((await validateFixture(tree.root, 'drift')).errors).toEqual([
      'terraform/drift/manifest.json: variables: lists foo, which terraform/drift/*.tf does not declare',
      'terraform/drift/variables.tf: variable.ports: declared, but terraform/drift/manifest.json does not list it',
    ])
  })

  it('reports a manifest named for another folder', async () => {
    expect((await validateFixture(tree.root, 'renamed')).errors).toEqual(['terraform/renamed/manifest.json: name: names the fixture "original" but its folder is terraform/renamed'])
  })

  it('reports every schema problem of the manifest, each naming its field', async () => {
    const { errors } = await validateFixture(tree.root, 'bad-schema')
    expect(errors).toHaveLength(2)
    expect(errors[0]).toMatch(/^terraform\/bad-schema\/manifest\.json: description: /)
    expect(errors[1]).toMatch(/^terraform\/bad-schema\/manifest\.json: targets: /)
  })

  it('reports a manifest that is not JSON and HCL that does not parse', async () => {
    expect((await validateFixture(tree.root, 'not-json')).errors).toEqual([expect.stringMatching(/^terraform\/not-json\/manifest\.json: \(root\): not valid JSON/)])
    expect((await validateFixture(tree.root, 'bad-hcl')).errors).toEqual([expect.stringMatching(/^terraform\/bad-hcl\/broken\.tf: \(root\): does not parse as HCL/)])
  })

  it('throws UNKNOWN_FIXTURE for a fixture that does not exist', async () => {
    await expect(validateFixture(tree.root, 'missing')).rejects.toMatchObject({ code: 'UNKNOWN_FIXTURE', message: expect.stringContaining('known fixtures: ') })
  })
})
