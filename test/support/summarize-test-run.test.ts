import { expect, test } from 'vitest'
import { FIXTURE_CHECKS_FILE, isSkipNote, summarizeTestRun, type VitestJson } from './summarize-test-run.js'

const root = '/repo'
const file = (name: string, statuses: string[]) => ({ name: `${root}/${name}`, assertionResults: statuses.map((status, i) => ({ status, title: `t${i}` })) })
const report = (files: VitestJson['testResults']): VitestJson => {
  const all = files.flatMap((f) => f.assertionResults)
  return {
    numPassedTests: all.filter((a) => a.status === 'passed').length,
    numFailedTests: all.filter((a) => a.status === 'failed').length,
    numPendingTests: all.filter((a) => a.status === 'skipped' || a.status === 'pending').length,
    numTodoTests: all.filter((a) => a.status === 'todo').length,
    testResults: files,
  }
}
const fixtureNote = { [`${root}/${FIXTURE_CHECKS_FILE}`]: ['terraform fixture checks skipped: PLH_TF_PROVIDER_MIRROR is not set'] }

test('nothing skipped: the counts and says so', () => {
  expect(summarizeTestRun(report([file('a.test.ts', ['passed', 'passed'])]), {}, { root, mirror: '' })).toEqual({ line: '2 passed, 0 failed, 0 skipped; nothing skipped' })
})

test('the closing line names each skipped file, how many tests and the reason it printed', () => {
  const r = report([file(FIXTURE_CHECKS_FILE, ['skipped', 'skipped']), file('test/report-chromium.test.ts', ['skipped']), file('test/x.test.ts', ['passed', 'skipped'])])
  const notes = { ...fixtureNote, [`${root}/test/report-chromium.test.ts`]: ['report-chromium: skipped,\n /usr/bin/chromium is missing'] }
  expect(summarizeTestRun(r, notes, { root, mirror: '' }).line).toBe(
    '1 passed, 0 failed, 4 skipped; skipped: test/report-chromium.test.ts ×1 (report-chromium: skipped, /usr/bin/chromium is missing); test/terraform-fixtures.test.ts ×2 (terraform fixture checks skipped: PLH_TF_PROVIDER_MIRROR is not set); test/x.test.ts ×1 (no reason printed)',
  )
})

test('a fixture check that skips where the provider mirror exists is a failure for CI, naming the mirror and the reason', () => {
  const r = report([file(FIXTURE_CHECKS_FILE, ['skipped', 'passed'])])
  const s = summarizeTestRun(r, fixtureNote, { root, mirror: '/opt/tf-plugins' })
  expect(s.fixtureSkipError).toBe(`${FIXTURE_CHECKS_FILE} skipped 1 terraform fixture checks although the provider mirror exists (/opt/tf-plugins): terraform fixture checks skipped: PLH_TF_PROVIDER_MIRROR is not set`)
  expect(summarizeTestRun(r, fixtureNote, { root, mirror: '' }).fixtureSkipError).toBeUndefined()
  expect(summarizeTestRun(report([file(FIXTURE_CHECKS_FILE, ['passed']), file('test/y.test.ts', ['skipped'])]), {}, { root, mirror: '/opt/tf-plugins' }).fixtureSkipError).toBeUndefined()
})

test('isSkipNote picks the lines files print about skipping, not other output', () => {
  expect(isSkipNote('plh-run e2e: skipped — the local target needs root')).toBe(true)
  expect(isSkipNote('ssm-interop: skipping the network-namespace test: no root')).toBe(true)
  expect(isSkipNote('local SSM endpoint listening')).toBe(false)
  expect(isSkipNote('skipper')).toBe(false)
})
