import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { InputError } from '../core/errors.js'
import { goodHcl, goodManifest, makeFixtureRoot } from './fixture-test-support.js'
import { fixtureDir, listFixtures, loadFixture } from './load-fixture.js'

const projectRoot = fileURLToPath(new URL('../..', import.meta.url))

describe('the fixtures of this repository', () => {
  it('lists the four topologies', async () => {
    expect(await listFixtures(projectRoot)).toEqual(['native-cross-region', 'peered-outpost-relay', 'same-region-cross-account', 'tls-via-cname'])
  })

  it('loads same-region-cross-account with the defaults the local target builds from', async () => {
    const fixture = await loadFixture(projectRoot, 'same-region-cross-account')
    expect(fixture.dir).toBe(fixtureDir(projectRoot, 'same-region-cross-account'))
    expect(fixture.manifest.topology).toBe('same-region-cross-account')
    expect(fixture.variables.region).toMatchObject({ default: 'us-east-1', type: 'string' })
    expect(fixture.variables.listener_ports).toMatchObject({ default: [80], type: 'list(number)' })
    expect(fixture.variables.producer_profile).toMatchObject({ default: null, type: 'string' })
    expect(fixture.variables.run_id).not.toHaveProperty('default')
    expect(fixture.variables.tags).toMatchObject({ default: {}, type: 'map(string)' })
    expect(Object.keys(fixture.variables).sort()).toEqual([...fixture.manifest.variables].sort())
  })
})

describe('loadFixture on broken fixtures', () => {
  let tree: Awaited<ReturnType<typeof makeFixtureRoot>>

  beforeAll(async () => {
    tree = await makeFixtureRoot()
    await tree.write('good', goodHcl, goodManifest('good'))
    await tree.write('not-json', goodHcl, '{ "name": "not-json", ')
    await tree.write('bad-targets', goodHcl, { ...goodManifest('bad-targets'), targets: ['gcp'] })
    await tree.write('no-harness-output', goodHcl, { ...goodManifest('no-harness-output'), outputs: ['other'] })
    await tree.write('extra-field', goodHcl, { ...goodManifest('extra-field'), owner: 'me' })
    await tree.write('no-manifest', goodHcl)
    await tree.write('bad-hcl', { ...goodHcl, 'broken.tf': 'variable "x" {\n' }, goodManifest('bad-hcl'))
  })
  afterAll(() => tree.remove())

  it('loads a good one', async () => {
    const fixture = await loadFixture(tree.root, 'good')
    expect(fixture.name).toBe('good')
    expect(fixture.variables).toEqual({
      name_prefix: { default: 'plh', type: 'string', description: 'prefix' },
      run_id: { type: 'string', description: 'run id' },
      ports: { default: [80, 443], type: 'list(number)', description: 'ports' },
    })
  })

  it('names the known fixtures when asked for an unknown one', async () => {
    const error = await loadFixture(tree.root, 'nope').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect(error).toMatchObject({ code: 'UNKNOWN_FIXTURE', file: 'terraform/nope' })
    // folders without a manifest are not fixtures
    expect((error as Error).message).toContain('known fixtures: bad-hcl, bad-targets, extra-field, good, no-harness-output, not-json')
  })

  it('refuses names that are not fixture names rather than wander the file system', async () => {
    await expect(loadFixture(tree.root, '../terraform/good')).rejects.toMatchObject({ code: 'UNKNOWN_FIXTURE' })
  })

  it('names the manifest when it is not JSON', async () => {
    await expect(loadFixture(tree.root, 'not-json')).rejects.toThrow(/^terraform\/not-json\/manifest\.json: \(root\): not valid JSON/)
  })

  it('names the manifest and the field that breaks the schema', async () => {
    await expect(loadFixture(tree.root, 'bad-targets')).rejects.toMatchObject({ code: 'BAD_INPUT', file: 'terraform/bad-targets/manifest.json', field: 'targets[0]' })
    await expect(loadFixture(tree.root, 'no-harness-output')).rejects.toMatchObject({ field: 'outputs', message: expect.stringContaining('harness') })
    await expect(loadFixture(tree.root, 'extra-field')).rejects.toMatchObject({ message: expect.stringContaining('owner') })
  })

  it('says so when the manifest is missing', async () => {
    await expect(loadFixture(tree.root, 'no-manifest')).rejects.toMatchObject({ code: 'BAD_INPUT', file: 'terraform/no-manifest/manifest.json' })
  })

  it('names the .tf file that does not parse', async () => {
    await expect(loadFixture(tree.root, 'bad-hcl')).rejects.toMatchObject({ file: 'terraform/bad-hcl/broken.tf', message: expect.stringContaining('does not parse as HCL') })
  })

  it('lists nothing when there is no terraform folder', async () => {
    expect(await listFixtures(`${tree.root}/nowhere`)).toEqual([])
  })
})
