// Proves the report's Comparison section renders in a real browser from disk: Debian's Chromium
// driven by playwright-core, no console error, no request but the page; a screenshot of the
// section goes to test-output/.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateComparisons } from '../harness/core/comparison-evaluate.js'
import { comparisonSchema } from '../harness/core/comparison.js'
import type { ScenarioResult } from '../harness/core/results.js'
import { buildPassingScenario, buildProbeResult, buildRunResults } from '../harness/report/test-fixtures.js'
import { writeRunReports } from '../harness/report/write-reports.js'
import { chromiumPath, hasChromium, openReportInChromium } from './support/open-report-in-chromium.js'

if (!hasChromium) console.warn(`report-comparison-chromium: skipped, ${chromiumPath} is missing (apt-get install -y chromium)`)

function scenarioAt(name: string, base: number, seed: number): ScenarioResult {
  return { ...buildPassingScenario(), name, probes: [buildProbeResult({ consumer_az: 'eu-west-2a', dns_name: `${name}.example`, name_kind: 'regional', base_ms: base, seed, samples: 60 })] }
}

describe.skipIf(!hasChromium)('Comparison section in Chromium', () => {
  let dir: string
  let userDataDir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plh-comparison-report-'))
    userDataDir = await mkdtemp(join(tmpdir(), 'plh-chromium-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
    await rm(userDataDir, { recursive: true, force: true })
  })

  it('shows both sides, the sentence and the chart with no console error and no request but the page', async () => {
    const scenarios = [scenarioAt('native-cross-region', 78, 5), scenarioAt('peered-outpost-relay', 92, 6)]
    const comparisons = evaluateComparisons(
      [
        comparisonSchema.parse({ name: 'native-vs-relay', description: 'native cross-region PrivateLink against the peered relay', a: 'native-cross-region', b: 'peered-outpost-relay', expect: { faster: 'a', by_at_least_ms: 5 } }),
        comparisonSchema.parse({ name: 'relay-vs-native', description: 'the wrong way round', a: 'native-cross-region', b: 'peered-outpost-relay', expect: { faster: 'b' } }),
      ],
      scenarios,
    )
    const paths = await writeRunReports(dir, buildRunResults({ scenarios, comparisons, status: 'failed' }))
    const { context, page, url, requests, consoleErrors } = await openReportInChromium(paths.html, userDataDir)
    try {
      const section = page.locator('#comparisons')
      await expect.poll(() => section.locator('h2').textContent()).toBe('Comparison')
      expect(await section.locator('article').count()).toBe(2)
      expect(await section.locator('.comparison-sentence').first().textContent()).toMatch(/^native-cross-region is faster by 1\d\.\d ms \(95% CI/)
      expect(await section.locator('.badge-failed').count()).toBe(1)
      expect(await section.locator('figure svg').count()).toBe(2)
      const box = await section.locator('figure svg').first().boundingBox()
      expect(box!.width).toBeGreaterThan(300)

      const outputDir = resolve('test-output')
      await mkdir(outputDir, { recursive: true })
      await section.screenshot({ path: join(outputDir, 'report-comparison.png') })

      expect(consoleErrors).toEqual([])
      expect(requests).toEqual([url])
    } finally {
      await context.close()
    }
  })
})
