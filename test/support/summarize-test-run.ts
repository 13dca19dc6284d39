// The closing line of scripts/test.sh: the counts, then what was skipped and why, from vitest's
// JSON report and the skip notes the files printed (skip-reasons-reporter.ts); and the CI rule that
// a terraform fixture check may not skip on a machine where the provider mirror exists. Pure.
import { relative } from 'node:path'

/** The parts of vitest's JSON report read here. */
export interface VitestJson {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  testResults: Array<{ name: string; assertionResults: Array<{ status: string; fullName?: string; title?: string }> }>
}

/** The test file whose skips fail CI where the provider mirror exists. */
export const FIXTURE_CHECKS_FILE = 'test/terraform-fixtures.test.ts'

/** Whether a console line is a test file saying that (or why) it skips. */
export function isSkipNote(content: string): boolean {
  return /\bskip(ped|ping|s)?\b/i.test(content)
}

const SKIPPED = new Set(['skipped', 'pending', 'todo'])

export interface TestRunSummary {
  /** the closing line: counts, then each skipped file with its count and reason */
  line: string
  /** set when a fixture check skipped although a provider mirror exists: CI must fail */
  fixtureSkipError?: string
}

/** `notes`: file path → the skip lines it printed; `mirror`: the provider mirror found (empty when none). */
export function summarizeTestRun(report: VitestJson, notes: Record<string, string[]>, options: { root: string; mirror: string }): TestRunSummary {
  const counts = `${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`
  const skippedFiles = report.testResults
    .map((file) => ({ file: relative(options.root, file.name), abs: file.name, n: file.assertionResults.filter((a) => SKIPPED.has(a.status)).length }))
    .filter((f) => f.n > 0)
    .sort((a, b) => a.file.localeCompare(b.file))
  const reasonOf = (abs: string) => (notes[abs] ?? []).map((r) => r.replace(/\s+/g, ' ')).join('; ') || 'no reason printed'
  const line = skippedFiles.length === 0 ? `${counts}; nothing skipped` : `${counts}; skipped: ${skippedFiles.map((f) => `${f.file} ×${f.n} (${reasonOf(f.abs)})`).join('; ')}`
  const fixtureSkips = skippedFiles.find((f) => f.file === FIXTURE_CHECKS_FILE)
  if (options.mirror && fixtureSkips) {
    return {
      line,
      fixtureSkipError: `${FIXTURE_CHECKS_FILE} skipped ${fixtureSkips.n} terraform fixture checks although the provider mirror exists (${options.mirror}): ${reasonOf(fixtureSkips.abs)}`,
    }
  }
  return { line }
}
