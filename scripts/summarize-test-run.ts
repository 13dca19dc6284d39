// scripts/test.sh's last step: prints the closing line (counts, and what was skipped and why) and
// exits 1 when a terraform fixture check skipped on a machine where the provider mirror exists.
//   node bin/run-ts.mjs scripts/summarize-test-run.ts VITEST_JSON SKIP_REASONS_JSON [MIRROR]
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { summarizeTestRun, type VitestJson } from '../test/support/summarize-test-run.js'

const [reportPath, notesPath, mirror = ''] = process.argv.slice(2)
if (!reportPath || !notesPath) {
  console.error('usage: summarize-test-run.ts VITEST_JSON SKIP_REASONS_JSON [MIRROR]')
  process.exit(2)
}
const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const report = JSON.parse(await readFile(reportPath, 'utf8')) as VitestJson
// no notes file: no file printed a skip note (the reporter writes it only when it ran)
const notes = JSON.parse(await readFile(notesPath, 'utf8').catch(() => '{}')) as Record<string, string[]>
const summary = summarizeTestRun(report, notes, { root, mirror })
if (summary.fixtureSkipError) console.log(`test.sh: FAIL: ${summary.fixtureSkipError}`)
console.log(summary.line)
process.exitCode = summary.fixtureSkipError ? 1 : 0
