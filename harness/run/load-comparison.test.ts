import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { InputError } from '../core/errors.js'
import { loadComparisons } from './load-comparison.js'

const repo = resolve(import.meta.dirname, '../..')
const harnessIndex = join(repo, 'harness/index.ts')
const temps: string[] = []
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true })
})

/** A root with scenarios/ holding empty scenario files of these names and the given comparison files. */
async function scratch(scenarios: string[], comparisons: Record<string, string>): Promise<string> {
  // inside the repository's ignored .plh/: vitest's module runner resolves files under its root
  await mkdir(join(repo, '.plh'), { recursive: true })
  const root = await mkdtemp(join(repo, '.plh', 'test-comparisons-'))
  temps.push(root)
  await mkdir(join(root, 'scenarios'))
  for (const name of scenarios) await writeFile(join(root, 'scenarios', `${name}.scenario.ts`), 'export default {}\n')
  for (const [name, body] of Object.entries(comparisons)) await writeFile(join(root, 'scenarios', `${name}.comparison.ts`), body)
  return root
}

const fileOf = (body: object) => `import { defineComparison } from ${JSON.stringify(harnessIndex)}\nexport default defineComparison(${JSON.stringify(body)})\n`

async function loadError(root: string): Promise<InputError> {
  try {
    await loadComparisons(join(root, 'scenarios'), root)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('loadComparisons accepted bad input')
}

describe('loadComparisons', () => {
  it('loads and validates comparison files written with defineComparison, with defaults', async () => {
    const root = await scratch(['native', 'relay'], {
      'native-vs-relay': fileOf({ name: 'native-vs-relay', description: 'native against relay', a: 'native', b: 'relay', expect: { faster: 'a', by_at_least_ms: 3 } }),
    })
    const loaded = await loadComparisons(join(root, 'scenarios'), root)
    expect(loaded).toEqual([
      {
        file: 'scenarios/native-vs-relay.comparison.ts',
        comparison: { name: 'native-vs-relay', description: 'native against relay', a: 'native', b: 'relay', name_kind: 'regional', expect: { faster: 'a', by_at_least_ms: 3 } },
      },
    ])
  })

  it('has nothing to load from a folder without comparison files', async () => {
    expect(await loadComparisons(join(await scratch(['a'], {}), 'scenarios'))).toEqual([])
  })

  it('refuses a comparison naming an unknown scenario, naming the file and the field', async () => {
    const root = await scratch(['native', 'relay'], { x: fileOf({ name: 'x', description: 'd', a: 'native', b: 'relya' }) })
    const error = await loadError(root)
    expect(error.message).toBe('scenarios/x.comparison.ts: b: unknown scenario "relya"; known: native, relay')
  })

  it('offers the known scenario closest to a misspelt one', async () => {
    const root = await scratch(['native-cross-region', 'peered-outpost-relay'], { y: fileOf({ name: 'y', description: 'd', a: 'native-cross-regoin', b: 'peered-outpost-relay' }) })
    expect((await loadError(root)).message).toBe('scenarios/y.comparison.ts: a: unknown scenario "native-cross-regoin"; known: native-cross-region, peered-outpost-relay; did you mean "native-cross-region"?')
  })

  it('refuses a bad field with its path', async () => {
    const root = await scratch(['native', 'relay'], { x: fileOf({ name: 'x', description: 'd', a: 'native', b: 'relay', expect: { faster: 'c' } }) })
    const error = await loadError(root)
    expect(error.file).toBe('scenarios/x.comparison.ts')
    expect(error.field).toBe('expect.faster')
  })

  it('refuses a name that differs from the file name', async () => {
    const root = await scratch(['native', 'relay'], { x: fileOf({ name: 'y', description: 'd', a: 'native', b: 'relay' }) })
    expect((await loadError(root)).message).toMatch(/^scenarios\/x\.comparison\.ts: name: must equal the file name "x"/)
  })

  it('refuses a file without a default export or one that does not load', async () => {
    const missing = await scratch(['a'], { x: 'export const comparison = {}\n' })
    expect((await loadError(missing)).message).toMatch(/^scenarios\/x\.comparison\.ts: default: /)
    const broken = await scratch(['a'], { x: 'import nothing from "./nowhere.js"\nexport default nothing\n' })
    expect((await loadError(broken)).message).toMatch(/^scenarios\/x\.comparison\.ts: \(file\): cannot be loaded/)
  })
})
