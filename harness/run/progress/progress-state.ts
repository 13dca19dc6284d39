// The run's progress as the display needs it, folded from events (pure): for each scenario the
// current phase, when each phase started and ended (and whether a failure was the expected one),
// terraform's resource counts, the probe steps finished so far, the samples each instance has done
// in the current step, and at the end the scenario's outcome.
import type { Phase, ProgressEvent } from './progress-event.js'

export interface PhaseProgress {
  startedAt: number
  endedAt?: number
  state: 'running' | 'done' | 'failed'
  detail?: string
  /** the failure was the one the scenario expects: the matched part of the error */
  expected?: string
}

export interface StepProgress {
  index: number
  title: string
  state: 'running' | 'done' | 'failed'
  /** the failure class the step's probes expect */
  expects?: string
}

export interface InstanceProgress {
  instance: string
  az: string
  done: number
  total: number
}

export interface ScenarioProgress {
  name: string
  phase?: Phase
  phases: Partial<Record<Phase, PhaseProgress>>
  resources?: { operation: 'apply' | 'destroy'; done: number; total: number }
  /** the current (or last) step */
  step?: StepProgress
  /** steps that have ended, in order */
  stepsEnded: StepProgress[]
  /** samples per instance in the current probe step, keyed by instance id */
  instances: Record<string, InstanceProgress>
  /** when the first event arrived (ms) */
  startedAt: number
  /** set when the scenario is over */
  outcome?: { status: 'passed' | 'failed' | 'error'; held: number; total: number; at: number }
}

export type RunProgress = Record<string, ScenarioProgress>

function scenarioOf(state: RunProgress, name: string, at: number): ScenarioProgress {
  return state[name] ?? { name, phases: {}, instances: {}, stepsEnded: [], startedAt: at }
}

function startPhase(s: ScenarioProgress, phase: Phase, at: number): ScenarioProgress {
  if (s.phases[phase]?.state === 'running') return s
  // a phase starting ends the one before it (probe has no explicit end: destroy ends it)
  const phasesNow = { ...s.phases }
  if (s.phase && s.phase !== phase && phasesNow[s.phase]?.state === 'running') phasesNow[s.phase] = { ...phasesNow[s.phase]!, state: 'done', endedAt: at }
  phasesNow[phase] = { startedAt: at, state: 'running' }
  return { ...s, phase, phases: phasesNow }
}

/** The state after `event` (the input is not changed). */
export function applyProgressEvent(state: RunProgress, event: ProgressEvent): RunProgress {
  let s = scenarioOf(state, event.scenario, event.at)
  switch (event.kind) {
    case 'phase': {
      if (event.state === 'start') s = startPhase(s, event.phase, event.at)
      else {
        const started = s.phases[event.phase]?.startedAt ?? event.at
        const ended: PhaseProgress = { startedAt: started, endedAt: event.at, state: event.state, ...(event.detail ? { detail: event.detail } : {}), ...(event.expected ? { expected: event.expected } : {}) }
        s = { ...s, phase: event.phase, phases: { ...s.phases, [event.phase]: ended } }
      }
      break
    }
    case 'resources':
      s = { ...s, resources: { operation: event.operation, done: event.done, total: event.total } }
      break
    case 'step': {
      s = startPhase(s, 'probe', event.at)
      const step: StepProgress = { index: event.index, title: event.title, state: event.state === 'start' ? 'running' : event.state, ...(event.expects ? { expects: event.expects } : {}) }
      // an end event without `expects` keeps what its start said
      if (event.state !== 'start' && !step.expects && s.step?.index === event.index && s.step.expects) step.expects = s.step.expects
      if (event.state === 'start') s = { ...s, step, instances: {} }
      else s = { ...s, step, stepsEnded: [...s.stepsEnded.filter((e) => e.index !== event.index), step] }
      break
    }
    case 'probe-batch':
      s = startPhase(s, 'probe', event.at)
      s = { ...s, instances: { ...s.instances, [event.instance]: { instance: event.instance, az: event.az, done: event.done, total: event.total } } }
      break
    case 'outcome':
      s = { ...s, outcome: { status: event.status, held: event.held, total: event.total, at: event.at } }
      break
    case 'terraform':
      break
  }
  return { ...state, [event.scenario]: s }
}

/** Seconds a phase took (or has taken so far, at `now`). */
export function phaseSeconds(phase: PhaseProgress, now: number): number {
  return ((phase.endedAt ?? now) - phase.startedAt) / 1000
}

/** Samples done and total over every instance of the current step. */
export function samplesOf(s: ScenarioProgress): { done: number; total: number } {
  const all = Object.values(s.instances)
  return { done: all.reduce((n, i) => n + i.done, 0), total: all.reduce((n, i) => n + i.total, 0) }
}
