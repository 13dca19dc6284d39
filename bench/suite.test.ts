import { expect, test } from 'vitest'
import { scenario } from './results-fixture.js'
import { sessionSeconds, summarizeSuite } from './suite.js'

const a = scenario('a', [], { phases: { apply_s: 1, ready_s: 1.5, probe_s: 4, destroy_s: 0.5 }, started_at: '2026-11-25T00:00:00.000Z', finished_at: '2026-11-25T00:00:08.000Z' })
const b = scenario('b', [], { phases: { apply_s: 2, ready_s: 1.5, probe_s: 2, destroy_s: 0.5 }, started_at: '2026-11-25T00:00:01.000Z', finished_at: '2026-11-25T00:00:13.250Z' })

test('sessionSeconds is the time from the session’s start to its end', () => {
  expect(sessionSeconds(b)).toBe(12.25)
})

test('summarizeSuite adds the phases and splits the wall time into sessions and the rest', () => {
  const s = summarizeSuite({ wall_s: 30, status: 'passed', exit_code: 0, scenarios: [a, b] })
  expect(s.phases_s_total).toEqual({ apply_s: 3, ready_s: 3, probe_s: 6, destroy_s: 1 })
  expect(s.sessions_s_total).toBe(20.25)
  expect(s.outside_sessions_s).toBeCloseTo(30 - 20.25 / 2, 6)
  expect(s.scenarios.a).toEqual({ fixture: 'same-region-cross-account', status: 'passed', apply_s: 1, ready_s: 1.5, probe_s: 4, destroy_s: 0.5, session_s: 8 })
  expect(s).not.toHaveProperty('error')
})

test('summarizeSuite carries the error of a suite that did not finish', () => {
  expect(summarizeSuite({ wall_s: 360, status: 'error', exit_code: -1, scenarios: [], error: 'interrupted' })).toMatchObject({ error: 'interrupted', sessions_s_total: 0 })
})

test('summarizeSuite places the sessions in the run: time before the first opens, after the last ends', () => {
  const s = summarizeSuite({ wall_s: 30, status: 'passed', exit_code: 0, scenarios: [a, b], run_started_at: '2026-11-24T23:59:55.500Z', run_finished_at: '2026-11-25T00:00:14.000Z' })
  expect(s.before_first_session_s).toBe(4.5)
  expect(s.after_last_session_s).toBe(0.75)
})
