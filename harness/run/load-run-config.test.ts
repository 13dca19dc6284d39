import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InputError } from '../core/errors.js'
import { loadRunConfig } from './load-run-config.js'

let root = ''
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'plh-run-config-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('loadRunConfig', () => {
  it('returns undefined when no file is given and plh.config.json is absent', async () => {
    expect(await loadRunConfig(root)).toBeUndefined()
  })

  it('reads plh.config.json from the root by default', async () => {
    await writeFile(join(root, 'plh.config.json'), JSON.stringify({ name_prefix: 'nightly', accounts: { producer: {} } }))
    expect(await loadRunConfig(root)).toMatchObject({ name_prefix: 'nightly', accounts: { producer: {} } })
  })

  it('fails on a --config file that does not exist, naming it', async () => {
    const missing = join(root, 'nope.json')
    await expect(loadRunConfig(root, missing)).rejects.toThrowError(InputError)
    await expect(loadRunConfig(root, missing)).rejects.toThrowError(new RegExp(`^${missing}: \\(root\\): cannot read`))
  })

  it('names the default file relative to the root in field errors', async () => {
    await writeFile(join(root, 'plh.config.json'), JSON.stringify({ accounts: { producer: { account_id: '1' } } }))
    await expect(loadRunConfig(root)).rejects.toThrowError(/^plh\.config\.json: accounts\.producer\.account_id: /)
  })
})
