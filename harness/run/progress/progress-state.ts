// The run's progress as the display needs it, folded from events (pure): for each scenario the
// current phase, when each phase started and ended, terraform's resource counts and the samples
// each instance has done in the current probe step.
import type { Phase, ProgressEvent } from './progress-event.js'

export interface PhaseProgress {
  startedAt: number
  endedAt?: number
  state: 'running' | 'done' | 'failed'
  detail?: string
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
  step?: { index: number; title: string }
  /** samples per instance in the current probe step, keyed by instance id */
  instances: Record<string, InstanceProgress>
}

export type RunProgress = Record<string, ScenarioProgress>

function scenarioOf(state: RunProgress, name: string): ScenarioProgress {
  return state[name] ?? { name, phases: {}, instances: {} }
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
  let s = scenarioOf(state, event.scenario)
  switch (event.kind) {
    case 'phase': {
      if (event.state === 'start') s = startPhase(s, event.phase, event.at)
      else {
        const started = s.phases[event.phase]?.startedAt ?? event.at
        s = { ...s, phase: event.phase, phases: { ...s.phases, [event.phase]: { startedAt: started, endedAt: event.at, state: event.state, ...(event.detail ? { detail: event.detail } : {}) } } }
      }
      break
    }
    case 'resources':
      s = { ...s, resources: { operation: event.operation, done: event.done, total: event.total } }
      break
    case 'step':
      s = startPhase(s, 'probe', event.at)
      s = { ...s, step: { index: event.index, title: event.title }, ...(event.state === 'start' ? { instances: {} } : {}) }
      break
    case 'probe-batch':
      s = startPhase(s, 'probe', event.at)
      s = { ...s, instances: { ...s.instances, [event.instance]: { instance: event.instance, az: event.az, done: event.done, total: event.total } } }
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
