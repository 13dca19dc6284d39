// Opens a report file in Debian's Chromium through playwright-core (never a downloaded browser),
// offline, recording every request and every console or page error, for the report tests.
import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import type { BrowserContext, Page } from 'playwright-core'

export const chromiumPath = '/usr/bin/chromium'
export const hasChromium = existsSync(chromiumPath)
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync']

export interface OpenedReport {
  context: BrowserContext
  page: Page
  url: string
  requests: string[]
  consoleErrors: string[]
}

/** Loads `htmlPath` from file:// in a fresh offline Chromium; close `context` when done. */
export async function openReportInChromium(htmlPath: string, userDataDir: string): Promise<OpenedReport> {
  const { chromium } = await import('playwright-core')
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
    viewport: { width: 1366, height: 900 },
    offline: true,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const requests: string[] = []
  const consoleErrors: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text())
  })
  page.on('pageerror', (e) => consoleErrors.push(e.message))
  const url = pathToFileURL(htmlPath).href
  await page.goto(url, { waitUntil: 'load' })
  return { context, page, url, requests, consoleErrors }
}
