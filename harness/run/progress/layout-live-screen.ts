// What the live display shows, as lines that fit a terminal of `columns` × `rows` (pure). Each
// scenario is queued (no worker has it yet), running, or finished. A finished scenario takes one
// line (mark, name, duration, expectations held); a running one shows its current phase and
// progress, and below it what it has done so far. An expected failure (an apply error the scenario
// asks for, a probe step whose samples must fail) is a held expectation and is shown as such. When
// the list is taller than the terminal, running scenarios stay (in full if they fit) and finished
// and queued ones become counts, so that the screen never grows past the terminal's height.
import cliTruncate from 'cli-truncate'
import stringWidth from 'string-width'
import { formatDuration } from '../../core/format-duration.js'
import type { Phase } from './progress-event.js'
import { phaseSeconds, samplesOf, type PhaseProgress, type RunProgress, type ScenarioProgress, type StepProgress } from './progress-state.js'

export const spinnerFrames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const

/** How a line is painted: held/passed, failed, under way, waiting, or neutral. */
export type Tone = 'ok' | 'bad' | 'running' | 'muted' | 'plain'

export interface ScreenLine {
  indent: number
  /** one character (✔ ✖ ! · or a spinner frame); empty for the counts line */
  mark: string
  body: string
  tone: Tone
}

export interface ScreenInput {
  /** every scenario of the run, in the order to show them */
  scenarios: string[]
  state: RunProgress
  /** ms, on the clock of the events' `at` */
  now: number
  columns: number
  rows: number
  /** spinner frame counter */
  tick?: number
  /** the run is over: nothing is running any more */
  over?: boolean
}

const phaseLabel: Record<Phase, string> = { apply: 'apply', ready: 'wait ready', probe: 'probe', destroy: 'destroy' }
const resultMark = { passed: '✔', failed: '✖', error: '!' } as const

/** A line as the terminal shows it, without colours. */
export function lineText(line: ScreenLine): string {
  return `${' '.repeat(line.indent)}${line.mark}${line.mark && line.body ? ' ' : ''}${line.body}`
}

type Standing = 'queued' | 'running' | 'finished' | 'not run'

function standingOf(s: ScenarioProgress | undefined, over: boolean): Standing {
  if (!s) return over ? 'not run' : 'queued'
  if (s.outcome || over) return 'finished'
  return 'running'
}

function resourcesOf(s: ScenarioProgress, phase: Phase): string {
  const r = s.resources
  if (!r || r.total === 0 || (phase !== 'apply' && phase !== 'destroy') || (phase === 'destroy') !== (r.operation === 'destroy')) return ''
  return `: ${r.done}/${r.total} resources`
}

/** "apply failed as expected: InvalidServiceName" for an expected failure, else undefined. */
function expectedApplyFailure(s: ScenarioProgress): string | undefined {
  const apply = s.phases.apply
  return apply?.state === 'failed' && apply.expected !== undefined ? `apply failed as expected: ${apply.expected}` : undefined
}

function finishedLine(name: string, s: ScenarioProgress | undefined, standing: Standing): ScreenLine {
  if (standing === 'not run' || !s) return { indent: 0, mark: '·', body: `${name}  not run`, tone: 'muted' }
  if (!s.outcome) return { indent: 0, mark: '!', body: `${name}  no result (its worker ended before the scenario did)`, tone: 'bad' }
  const { status, held, total, at } = s.outcome
  const expected = expectedApplyFailure(s)
  const body = `${name}  ${formatDuration((at - s.startedAt) / 1000)}  ${held}/${total} held${expected && status === 'passed' ? ` · ${expected}` : ''}${status === 'error' ? ' · error' : ''}`
  return { indent: 0, mark: resultMark[status], body, tone: status === 'passed' ? 'ok' : 'bad' }
}

/** The running scenario's current phase with its progress: "apply: 23/41 resources", "probe: 12/40 samples". */
function currentActivity(s: ScenarioProgress): string {
  if (!s.phase) return 'starting'
  const p = s.phases[s.phase]
  if (p && p.state !== 'running') return `${phaseLabel[s.phase]} ${p.state === 'done' ? 'done' : p.expected !== undefined ? 'failed as expected' : 'failed'}`
  if (s.phase === 'probe') {
    const { done, total } = samplesOf(s)
    return `probe${s.step ? ` step ${s.step.index + 1}` : ''}${total ? `: ${done}/${total} samples` : ''}`
  }
  return `${phaseLabel[s.phase]}${resourcesOf(s, s.phase)}`
}

function endedPhaseLine(s: ScenarioProgress, phase: Phase, p: PhaseProgress): ScreenLine {
  const took = formatDuration(phaseSeconds(p, p.endedAt ?? p.startedAt))
  if (p.state === 'failed' && p.expected !== undefined) return { indent: 4, mark: '✔', body: `${phaseLabel[phase]} failed as expected: ${p.expected} (${took})`, tone: 'ok' }
  if (p.state === 'failed') return { indent: 4, mark: '✖', body: `${phaseLabel[phase]} failed after ${took}${p.detail ? ` — ${p.detail}` : ''}`, tone: 'bad' }
  return { indent: 4, mark: '✔', body: `${phaseLabel[phase]}${resourcesOf(s, phase)} (${took})`, tone: 'ok' }
}

function endedStepLine(step: StepProgress): ScreenLine {
  if (step.state === 'failed') return { indent: 4, mark: '✖', body: `${step.title} — ${step.expects ? `expected ${step.expects}, which did not happen on every sample` : 'expectations failed'}`, tone: 'bad' }
  return { indent: 4, mark: '✔', body: `${step.title}${step.expects ? ` — ${step.expects}, as expected` : ''}`, tone: 'ok' }
}

interface RunningBlock {
  header: ScreenLine
  /** what is under way now: the current step and its samples per instance */
  current: ScreenLine[]
  /** what is over: ended phases and steps */
  ended: ScreenLine[]
}

function runningBlock(name: string, s: ScenarioProgress, input: ScreenInput): RunningBlock {
  const spinner = spinnerFrames[(input.tick ?? 0) % spinnerFrames.length]!
  const header: ScreenLine = { indent: 0, mark: spinner, body: `${name}  ${currentActivity(s)}  (${formatDuration((input.now - s.startedAt) / 1000)})`, tone: 'running' }
  const ended: ScreenLine[] = []
  for (const phase of ['apply', 'ready'] as const) {
    const p = s.phases[phase]
    if (p && p.state !== 'running') ended.push(endedPhaseLine(s, phase, p))
  }
  ended.push(...s.stepsEnded.map(endedStepLine))
  const destroy = s.phases.destroy
  if (destroy && destroy.state === 'failed') ended.push(endedPhaseLine(s, 'destroy', destroy))
  const current: ScreenLine[] = []
  if (s.phase === 'probe' && s.step?.state === 'running') {
    current.push({ indent: 4, mark: spinner, body: `${s.step.title}${s.step.expects ? ` — expects ${s.step.expects}` : ''}`, tone: 'running' })
    const instances = Object.values(s.instances)
    if (instances.length) current.push({ indent: 6, mark: '', body: instances.map((i) => `${i.az} ${i.instance} ${i.done}/${i.total}`).join(' · '), tone: 'muted' })
  }
  return { header, current, ended }
}

interface Counts {
  passed: number
  failed: number
  error: number
  queued: number
  notRun: number
  /** running scenarios not shown */
  running: number
}

function countsLine(counts: Counts): ScreenLine {
  const parts = [
    counts.running ? `${counts.running} more running` : '',
    counts.passed ? `✔ ${counts.passed} passed` : '',
    counts.failed ? `✖ ${counts.failed} failed` : '',
    counts.error ? `! ${counts.error} ${counts.error === 1 ? 'error' : 'errors'}` : '',
    counts.queued ? `${counts.queued} queued` : '',
    counts.notRun ? `${counts.notRun} not run` : '',
  ].filter(Boolean)
  return { indent: 0, mark: '', body: parts.join(' · '), tone: 'plain' }
}

/** Cuts a line's body so that the whole line fits `columns`. */
function fit(line: ScreenLine, columns: number): ScreenLine {
  const room = columns - line.indent - (line.mark ? stringWidth(line.mark) + 1 : 0)
  // a terminal narrower than a mark and its indent: the mark alone, or nothing
  if (room <= 0) return { ...line, indent: 0, mark: stringWidth(line.mark) <= columns ? line.mark : '', body: '' }
  return stringWidth(line.body) > room ? { ...line, body: truncate(line.body, room) } : line
}

/**
 * Cuts `text` to `room` columns with an ellipsis. cli-truncate measures a text-style emoji such as
 * ✔ as one column where string-width says two; string-width is the measure kept here (the frame
 * counts rows with it too), so a cut that still measures too wide is cut once more.
 */
function truncate(text: string, room: number): string {
  for (let width = room; width > 0; width--) {
    const cut = cliTruncate(text, width)
    if (stringWidth(cut) <= room) return cut
  }
  return ''
}

/** The lines to draw; never more than rows − 1 (the cursor rests on the last row), none wider than columns. */
export function layoutLiveScreen(input: ScreenInput): ScreenLine[] {
  const over = input.over ?? false
  const budget = Math.max(1, input.rows - 1)
  const blocks = new Map<string, RunningBlock>()
  const singles = new Map<string, ScreenLine>()
  const counts: Counts = { passed: 0, failed: 0, error: 0, queued: 0, notRun: 0, running: 0 }
  for (const name of input.scenarios) {
    const s = input.state[name]
    const standing = standingOf(s, over)
    if (standing === 'running') blocks.set(name, runningBlock(name, s!, input))
    else if (standing === 'queued') {
      counts.queued++
      singles.set(name, { indent: 0, mark: '·', body: `${name}  queued`, tone: 'muted' })
    } else {
      const line = finishedLine(name, s, standing)
      singles.set(name, line)
      if (s?.outcome) counts[s.outcome.status]++
      else if (standing === 'finished') counts.error++
      else counts.notRun++
    }
  }
  const running = [...blocks.values()]
  const detail = (level: 'full' | 'current' | 'header'): ScreenLine[][] =>
    running.map((b) => [b.header, ...(level === 'header' ? [] : level === 'current' ? b.current : [...b.ended, ...b.current])])
  const finish = (lines: ScreenLine[]): ScreenLine[] => lines.slice(0, budget).map((l) => fit(l, input.columns))

  // everything, in the run's order
  const full = detail('full')
  const all = input.scenarios.flatMap((name) => (blocks.has(name) ? full[running.indexOf(blocks.get(name)!)]! : [singles.get(name)!]))
  if (all.length <= budget) return finish(all)
  // running scenarios, then the rest as counts; the running ones lose their detail if need be
  const hasRest = singles.size > 0
  for (const level of ['full', 'current', 'header'] as const) {
    const lines = detail(level).flat()
    if (lines.length + (hasRest ? 1 : 0) <= budget) return finish(hasRest ? [...lines, countsLine(counts)] : lines)
  }
  // more running scenarios than rows: as many headers as fit, the others counted
  const shown = Math.max(0, budget - 1)
  return finish([...running.slice(0, shown).map((b) => b.header), countsLine({ ...counts, running: running.length - shown })])
}
