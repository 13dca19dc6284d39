import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildRunResults } from './test-fixtures.js'
import { maskRunResults } from './mask-accounts.js'
import { writeRunReports } from './write-reports.js'

describe('writeRunReports', () => {
  it('writes pretty results.json and index.html, both masked when asked, and nothing else', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plh-write-'))
    try {
      const out = join(dir, 'reports', 'run-1')
      const results = buildRunResults()
      const paths = await writeRunReports(out, results, { maskAccounts: true })
      expect(paths).toEqual({ results: join(out, 'results.json'), html: join(out, 'index.html') })
      expect((await readdir(out)).sort()).toEqual(['index.html', 'results.json'])
      const json = await readFile(paths.results, 'utf8')
      expect(JSON.parse(json)).toEqual(maskRunResults(results))
      expect(json).toContain('\n  "run_id": ')
      expect(json).not.toContain('444455556666')
      expect(json).toContain('****6666')
      const unmasked = await writeRunReports(join(dir, 'plain'), results)
      expect(JSON.parse(await readFile(unmasked.results, 'utf8'))).toEqual(results)
      const page = await readFile(paths.html, 'utf8')
      expect(page.startsWith('<!doctype html>')).toBe(true)
      expect(page).not.toContain('444455556666')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
