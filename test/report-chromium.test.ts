// Proves the HTML report renders in a real browser from disk with no network request at all:
// Debian's Chromium driven by playwright-core (never a downloaded browser).
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { historyEntriesFor } from '../harness/report/history.js'
import { buildRunResults } from '../harness/report/test-fixtures.js'
import { writeRunReports } from '../harness/report/write-reports.js'
import { chromiumPath, hasChromium, openReportInChromium } from './support/open-report-in-chromium.js'

if (!hasChromium) console.warn(`report-chromium: skipped, ${chromiumPath} is missing (apt-get install -y chromium)`)

function buildHistory() {
  // five earlier nightly runs of the same scenarios, a little faster, so the trend charts have lines
  return [1, 2, 3, 4, 5].flatMap((daysAgo) => {
    const day = new Date(Date.parse('2026-11-21T02:00:00Z') - daysAgo * 86_400_000).toISOString()
    return historyEntriesFor(buildRunResults({ run_id: `plh-night-${daysAgo}`, started_at: day }), 'a1b2c3d4e5f6a7b8').map((e) => ({
      ...e,
      status: 'passed' as const,
      names: e.names.map((n) => ({ ...n, p95_ms: n.p95_ms === null ? null : n.p95_ms * (0.9 + daysAgo * 0.01) })),
    }))
  })
}

describe.skipIf(!hasChromium)('HTML report in Chromium', () => {
  let dir: string
  let userDataDir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plh-report-'))
    userDataDir = await mkdtemp(join(tmpdir(), 'plh-chromium-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
    await rm(userDataDir, { recursive: true, force: true })
  })

  it('renders from file:// with the verdict and SVG charts, no console error and no request but the page', async () => {
    const paths = await writeRunReports(dir, buildRunResults(), { history: buildHistory(), maskAccounts: true })
    const { context, page, url, requests, consoleErrors } = await openReportInChromium(paths.html, userDataDir)
    try {
      await expect.poll(() => page.locator('#verdict-title').textContent()).toBe('ERROR')
      expect(await page.locator('#verdict-title').isVisible()).toBe(true)
      expect(await page.locator('svg figure, figure svg').count()).toBeGreaterThan(3)
      expect(await page.locator('#trends svg').count()).toBeGreaterThan(0)
      // the hostile body is text on the page, not an element
      expect(await page.locator('.failure code.body').allTextContents()).toContainEqual(expect.stringContaining('<script>'))
      expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(0)

      const outputDir = resolve('test-output')
      await mkdir(outputDir, { recursive: true })
      await page.screenshot({ path: join(outputDir, 'report.png'), fullPage: true })
      await page.screenshot({ path: join(outputDir, 'report-first-screen.png') })
      await page.emulateMedia({ media: 'print' })
      await page.screenshot({ path: join(outputDir, 'report-print.png'), fullPage: true })

      expect(consoleErrors).toEqual([])
      expect(requests).toEqual([url])
    } finally {
      await context.close()
    }
  })
})
