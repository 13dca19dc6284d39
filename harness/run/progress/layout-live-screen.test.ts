import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import stringWidth from 'string-width'
import { describe, expect, test } from 'vitest'
import { parseTerraformEvent } from '../../targets/aws/terraform/terraform-events.js'
import { countTerraformEvent, toTerraformMessage, type TerraformCount } from './count-terraform-progress.js'
import { layoutLiveScreen, lineText, type ScreenInput } from './layout-live-screen.js'
import type { ProgressEvent, ProgressEventBody } from './progress-event.js'
import { applyProgressEvent, type RunProgress } from './progress-state.js'

type Body = ProgressEventBody
const fold = (events: ProgressEvent[], state: RunProgress = {}): RunProgress => events.reduce(applyProgressEvent, state)
const at = (scenario: string, t: number, body: Body): ProgressEvent => ({ scenario, at: t, ...body }) as ProgressEvent

/** A scenario that ran through and ended with `status`, `held`/`total` expectations, taking `ms`. */
function finished(name: string, ms: number, outcome: { status: 'passed' | 'failed' | 'error'; held: number; total: number }): ProgressEvent[] {
  return [
    at(name, 0, { kind: 'phase', phase: 'apply', state: 'start' }),
    at(name, ms / 2, { kind: 'phase', phase: 'apply', state: 'done' }),
    at(name, ms / 2, { kind: 'phase', phase: 'destroy', state: 'start' }),
    at(name, ms, { kind: 'phase', phase: 'destroy', state: 'done' }),
    at(name, ms, { kind: 'outcome', ...outcome }),
  ]
}

/** A scenario that applied, is ready and is probing step `index`, with samples done per instance. */
function probing(name: string, index: number, samples: number[]): ProgressEvent[] {
  return [
    at(name, 0, { kind: 'phase', phase: 'apply', state: 'start' }),
    at(name, 40_000, { kind: 'phase', phase: 'apply', state: 'done' }),
    at(name, 40_000, { kind: 'phase', phase: 'ready', state: 'start' }),
    at(name, 43_000, { kind: 'phase', phase: 'ready', state: 'done' }),
    ...Array.from({ length: index }, (_, i) => [
      at(name, 43_000 + i, { kind: 'step', index: i, title: `step ${i + 1}: probe regional`, state: 'start' }),
      at(name, 44_000 + i, { kind: 'step', index: i, title: `step ${i + 1}: probe regional`, state: 'done' }),
    ]).flat(),
    at(name, 45_000, { kind: 'step', index, title: `step ${index + 1}: probe zonal`, state: 'start' }),
    ...samples.map((done, i) => at(name, 46_000, { kind: 'probe-batch', step: index, instance: `i-${i}`, az: `us-east-1${'abc'[i]}`, done, total: 20 })),
  ]
}

const texts = (input: ScreenInput): string[] => layoutLiveScreen(input).map(lineText)
const base = { columns: 120, rows: 40, now: 60_000 }

describe('layoutLiveScreen: states', () => {
  test('a scenario no worker has yet is queued; a running one shows its phase and progress; a finished one takes one line', () => {
    const state = fold([...finished('done-one', 61_900, { status: 'passed', held: 4, total: 4 }), ...probing('busy', 1, [6, 6])])
    const lines = texts({ ...base, scenarios: ['done-one', 'busy', 'waiting'], state })
    expect(lines[0]).toMatch(/^✔ done-one {2}1m 0\ds {2}4\/4 held$/)
    expect(lines[1]).toMatch(/^⠋ busy {2}probe step 2: 12\/40 samples {2}\(1m 00s\)$/)
    // below it what is over, then what is under way
    expect(lines.slice(2, 6)).toEqual(['    ✔ apply (40.0 s)', '    ✔ wait ready (3.0 s)', '    ✔ step 1: probe regional', '    ⠋ step 2: probe zonal'])
    expect(lines[6]).toBe('      us-east-1a i-0 6/20 · us-east-1b i-1 6/20')
    expect(lines[7]).toBe('· waiting  queued')
    expect(lines).toHaveLength(8)
  })

  test('an expected apply error is a held expectation, never a failure; a real apply error is', () => {
    const failApply = (name: string, expected?: string): ProgressEvent[] => [
      at(name, 0, { kind: 'phase', phase: 'apply', state: 'start' }),
      at(name, 12_000, { kind: 'phase', phase: 'apply', state: 'failed', detail: 'creating EC2 VPC Endpoint: InvalidServiceName: The Vpc Endpoint Service does not exist', ...(expected ? { expected } : {}) }),
      at(name, 12_000, { kind: 'phase', phase: 'destroy', state: 'start' }),
    ]
    let state = fold([...failApply('principal-not-allowed', 'InvalidServiceName'), ...failApply('broken')])
    const running = layoutLiveScreen({ ...base, scenarios: ['principal-not-allowed', 'broken'], state })
    const ofExpected = running.slice(0, 2).map(lineText)
    expect(ofExpected).toEqual(['⠋ principal-not-allowed  destroy  (1m 00s)', '    ✔ apply failed as expected: InvalidServiceName (12.0 s)'])
    expect(running[1]!.tone).toBe('ok')
    expect(lineText(running[3]!)).toMatch(/^ {4}✖ apply failed after 12\.0 s — creating EC2 VPC Endpoint: InvalidServiceName: The Vpc/)
    expect(running[3]!.tone).toBe('bad')

    state = fold([at('principal-not-allowed', 13_000, { kind: 'phase', phase: 'destroy', state: 'done' }), at('principal-not-allowed', 13_000, { kind: 'outcome', status: 'passed', held: 1, total: 1 })], state)
    const after = texts({ ...base, scenarios: ['principal-not-allowed'], state })
    expect(after).toEqual(['✔ principal-not-allowed  13.0 s  1/1 held · apply failed as expected: InvalidServiceName'])
  })

  test('a probe step whose samples must fail is green when they do, and says what it expects while it runs', () => {
    const name = 'producer-cannot-reach-consumer'
    const start = probing(name, 0, [3])
    start[4] = at(name, 45_000, { kind: 'step', index: 0, title: 'step 1: producer probes consumer IPs', state: 'start', expects: 'timeout' })
    let state = fold(start)
    let lines = layoutLiveScreen({ ...base, scenarios: [name], state })
    expect(lineText(lines[3]!)).toBe('    ⠋ step 1: producer probes consumer IPs — expects timeout')
    state = fold([at(name, 50_000, { kind: 'step', index: 0, title: 'step 1: producer probes consumer IPs', state: 'done' })], state)
    lines = layoutLiveScreen({ ...base, scenarios: [name], state })
    const step = lines.find((l) => l.body.startsWith('step 1'))!
    expect(lineText(step)).toBe('    ✔ step 1: producer probes consumer IPs — timeout, as expected')
    expect(step.tone).toBe('ok')
    // and when the failure does not happen on every sample, the step failed
    state = fold([at(name, 51_000, { kind: 'step', index: 0, title: 'step 1: producer probes consumer IPs', state: 'failed' })], state)
    const failed = layoutLiveScreen({ ...base, scenarios: [name], state }).find((l) => l.body.startsWith('step 1'))!
    expect(failed.mark).toBe('✖')
  })

  test('when the run is over, a scenario that never started is "not run" and one without an outcome is an error', () => {
    const state = fold([at('cut', 0, { kind: 'phase', phase: 'apply', state: 'start' })])
    expect(texts({ ...base, scenarios: ['cut', 'never'], state, over: true })).toEqual(['! cut  no result (its worker ended before the scenario did)', '· never  not run'])
  })
})

describe('layoutLiveScreen: fits the terminal', () => {
  const names = Array.from({ length: 15 }, (_, i) => `scenario-number-${String(i + 1).padStart(2, '0')}`)
  const crowded = fold([
    ...names.slice(0, 8).flatMap((n) => finished(n, 30_000, { status: 'passed', held: 3, total: 3 })),
    ...finished(names[8]!, 30_000, { status: 'failed', held: 1, total: 3 }),
    ...probing(names[9]!, 2, [5, 7, 9]),
    ...probing(names[10]!, 0, [1]),
  ])

  test('too tall: running scenarios in full, then finished and queued ones as counts', () => {
    const lines = texts({ ...base, rows: 20, scenarios: names, state: crowded })
    expect(lines.length).toBeLessThanOrEqual(19)
    expect(lines.filter((l) => /^⠋ scenario-number-1[01]/.test(l))).toHaveLength(2)
    expect(lines).toContain('    ✔ step 2: probe regional')
    expect(lines.at(-1)).toBe('✔ 8 passed · ✖ 1 failed · 4 queued')
  })

  test('tighter: the running ones lose what is over, then their detail, then the ones that do not fit are counted', () => {
    const at10 = texts({ ...base, rows: 10, scenarios: names, state: crowded })
    expect(at10).not.toContain('    ✔ step 2: probe regional')
    expect(at10).toContain('      us-east-1a i-0 5/20 · us-east-1b i-1 7/20 · us-east-1c i-2 9/20')
    expect(texts({ ...base, rows: 4, scenarios: names, state: crowded })).toEqual([
      expect.stringMatching(/^⠋ scenario-number-10 {2}probe step 3: 21\/60 samples/),
      expect.stringMatching(/^⠋ scenario-number-11 {2}probe step 1: 1\/20 samples/),
      '✔ 8 passed · ✖ 1 failed · 4 queued',
    ])
    expect(texts({ ...base, rows: 3, scenarios: names, state: crowded })).toEqual([expect.stringMatching(/^⠋ scenario-number-10/), '1 more running · ✔ 8 passed · ✖ 1 failed · 4 queued'])
  })

  test('narrow: every line is cut to the width', () => {
    const lines = texts({ ...base, columns: 30, rows: 40, scenarios: names, state: crowded })
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(30)
    expect(lines[0]).toBe('✔ scenario-number-01  30.0 s…')
  })

  test('whatever the state and the size, no line is wider and the screen no taller than the terminal allows', () => {
    const event = fc.oneof(
      fc.record({ kind: fc.constant('phase' as const), phase: fc.constantFrom('apply', 'ready', 'probe', 'destroy'), state: fc.constantFrom('start', 'done', 'failed'), detail: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }), expected: fc.option(fc.constantFrom('InvalidServiceName', 'Overlapping CIDR'), { nil: undefined }) }),
      fc.record({ kind: fc.constant('resources' as const), operation: fc.constantFrom('apply', 'destroy'), done: fc.nat(50), total: fc.nat(50) }),
      fc.record({ kind: fc.constant('step' as const), index: fc.nat(6), title: fc.string({ maxLength: 200 }), state: fc.constantFrom('start', 'done', 'failed'), expects: fc.option(fc.constantFrom('timeout', 'refused'), { nil: undefined }) }),
      fc.record({ kind: fc.constant('probe-batch' as const), step: fc.nat(6), instance: fc.string({ minLength: 1, maxLength: 30 }), az: fc.constantFrom('us-east-1a', 'eu-west-2b'), done: fc.nat(1000), total: fc.nat(1000) }),
      fc.record({ kind: fc.constant('outcome' as const), status: fc.constantFrom('passed', 'failed', 'error'), held: fc.nat(99), total: fc.nat(99) }),
    )
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(14), event), { maxLength: 120 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 60 }),
        fc.boolean(),
        (events, columns, rows, over) => {
          const state = fold(events.map(([i, body], n) => at(names[i]!, n * 100, body as Body)))
          const lines = layoutLiveScreen({ scenarios: names, state, now: 99_000, columns, rows, over }).map(lineText)
          expect(lines.length).toBeLessThanOrEqual(Math.max(1, rows - 1))
          for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(columns)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('layoutLiveScreen: terraform progress on the apply line', () => {
  // recorded from terraform 1.11.4 `apply -json` of five terraform_data resources (4 subnets, 1 endpoint)
  const recorded = readFileSync(join(import.meta.dirname, 'recorded-terraform-apply.jsonl'), 'utf8').trim().split('\n')

  test('the apply line counts resources as terraform reports them, as the AWS target hands them over', () => {
    let count: TerraformCount = { done: 0, total: 0 }
    let state = fold([at('aws-run', 0, { kind: 'phase', phase: 'apply', state: 'start' })])
    const seen: string[] = []
    recorded.forEach((line, i) => {
      const event = parseTerraformEvent(line)!
      const next = countTerraformEvent(count, toTerraformMessage({ ...event }))
      if (next === count) return
      count = next
      state = applyProgressEvent(state, at('aws-run', i * 1000, { kind: 'resources', operation: 'apply', done: count.done, total: count.total }))
      seen.push(lineText(layoutLiveScreen({ ...base, scenarios: ['aws-run'], state })[0]!))
    })
    expect(seen).toContain('⠋ aws-run  apply: 0/5 resources  (1m 00s)')
    expect(seen).toContain('⠋ aws-run  apply: 3/5 resources  (1m 00s)')
    expect(seen.at(-1)).toBe('⠋ aws-run  apply: 5/5 resources  (1m 00s)')
  })
})
