// The report's topology diagram in a real browser (Debian's Chromium through playwright-core): the
// relay's VPCs over three AZs must fit the page, on screen and printed, with no label over another.
// Screenshots go to test-output/ for a person to look at.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPassingScenario, buildRunResults } from '../harness/report/test-fixtures.js'
import { writeRunReports } from '../harness/report/write-reports.js'
import { buildRelayThreeAzScenario } from './fixtures/report/relay-three-az.js'
import { chromiumPath, hasChromium, openReportInChromium } from './support/open-report-in-chromium.js'

if (!hasChromium) console.warn(`report-topology-chromium: skipped, ${chromiumPath} is missing (apt-get install -y chromium)`)

interface Layout {
  /** rendered width / viewBox width */
  scale: number
  /** the figure scrolls sideways (the diagram does not fit) */
  overflows: boolean
  /** pairs of labels whose boxes overlap */
  overlaps: string[]
  /** labels (partly) outside the viewBox */
  outside: string[]
  /** labels wider than the box they belong to (an instance, an ENI, the NLB) */
  spilling: string[]
  red: number
  paths: number
}

/** Reads the diagram's geometry back from the browser: scale, overflow, overlapping or clipped labels. */
async function measure(page: Page, selector: string): Promise<Layout> {
  return page.locator(selector).evaluate((svg: SVGSVGElement) => {
    const view = svg.viewBox.baseVal
    const frame = svg.getBoundingClientRect()
    const texts = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim() !== '')
    // client rectangles: they include the groups' transforms, which getBBox leaves out
    const boxes = texts.map((t) => ({ text: t.textContent!.trim(), box: t.getBoundingClientRect() }))
    const overlaps: string[] = []
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.box
        const b = boxes[j]!.box
        const dx = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
        const dy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
        if (dx > 1 && dy > 1) overlaps.push(`"${boxes[i]!.text}" / "${boxes[j]!.text}"`)
      }
    }
    const outside = boxes.filter(({ box }) => box.left < frame.left - 0.5 || box.top < frame.top - 0.5 || box.right > frame.right + 0.5 || box.bottom > frame.bottom + 0.5).map((b) => b.text)
    const spilling = [...svg.querySelectorAll('g.topo-item, g.topo-nlb')].flatMap((g) => {
      const box = g.querySelector('rect')!.getBoundingClientRect()
      return [...g.querySelectorAll('text')].filter((t) => t.getBoundingClientRect().right > box.right + 0.5).map((t) => t.textContent!.trim())
    })
    const figure = svg.closest('figure')!
    return {
      scale: svg.getBoundingClientRect().width / view.width,
      overflows: figure.scrollWidth > figure.clientWidth + 1,
      overlaps,
      outside,
      spilling,
      red: svg.querySelectorAll('path.topo-path-failed').length,
      paths: svg.querySelectorAll('path.topo-path').length,
    }
  })
}

describe.skipIf(!hasChromium)('topology diagram in Chromium', () => {
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

  it('draws the relay over three AZs readably, on screen and printed, with its failed paths red', async () => {
    const results = buildRunResults({ scenarios: [buildRelayThreeAzScenario(), buildPassingScenario()], status: 'failed' })
    const paths = await writeRunReports(dir, results, {})
    const { context, page, url, requests, consoleErrors } = await openReportInChromium(paths.html, userDataDir)
    try {
      const relay = page.locator('details.scenario', { has: page.locator('.scenario-name', { hasText: /^peered-outpost-relay$/ }) })
      const selector = 'details.scenario:has(.scenario-name:text-is("peered-outpost-relay")) figure.topology svg'
      await expect.poll(() => relay.locator('figure.topology svg').count()).toBe(1)
      const outputDir = resolve('test-output')
      await mkdir(outputDir, { recursive: true })
      await relay.locator('figure.topology').screenshot({ path: join(outputDir, 'report-topology.png') })
      const screen = await measure(page, selector)
      expect(screen.overlaps).toEqual([])
      expect(screen.outside).toEqual([])
      expect(screen.spilling).toEqual([])
      expect(screen.overflows).toBe(false)
      // 10.5 px labels stay at least 8 px tall on a 1366 px wide window
      expect(screen.scale).toBeGreaterThanOrEqual(0.76)
      // three consumers × (regional + three zonal names); the eu-west-2c zonal name failed from each
      expect(screen.paths).toBe(12)
      expect(screen.red).toBe(3)
      for (const text of ['Consumer VPC', 'Outpost VPC (relay)', 'Provider VPC', 'Third VPC', 'CIDR 10.1.0.0/16', 'VPC peering', 'PrivateLink', '10.0.48.250', '10.1.32.251']) {
        expect(await relay.locator('figure.topology svg text', { hasText: text }).count(), text).toBeGreaterThan(0)
      }

      await page.emulateMedia({ media: 'print' })
      await page.setViewportSize({ width: 794, height: 1123 }) // A4 at 96 dpi
      const printed = await measure(page, selector)
      expect(printed.overlaps).toEqual([])
      expect(printed.spilling).toEqual([])
      expect(printed.overflows).toBe(false)
      // on A4 (14 mm margins) the labels shrink but stay legible: at least 6 px
      expect(printed.scale).toBeGreaterThanOrEqual(0.57)
      await relay.locator('figure.topology').screenshot({ path: join(outputDir, 'report-topology-print.png') })

      expect(consoleErrors).toEqual([])
      expect(requests).toEqual([url])
    } finally {
      await context.close()
    }
  })
})
