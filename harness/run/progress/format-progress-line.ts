// Plain progress lines (pure): one per phase change with its elapsed time, and with --verbose one
// per probe batch and terraform message. Used when stdout is not a terminal or CI is set.
import { formatDuration } from '../../core/format-duration.js'
import type { Phase, ProgressEvent } from './progress-event.js'
import { phases } from './progress-event.js'
import { phaseSeconds, samplesOf, type RunProgress, type ScenarioProgress } from './progress-state.js'

const phaseLabel: Record<Phase, string> = { apply: 'apply', ready: 'wait ready', probe: 'probe', destroy: 'destroy' }

/** "consumer us-east-1a 3/3, consumer us-east-1b 3/3 samples" for the current probe step. */
export function formatInstanceSamples(s: ScenarioProgress): string {
  const all = Object.values(s.instances)
  if (!all.length) return ''
  return `${all.map((i) => `${i.az} ${i.instance} ${i.done}/${i.total}`).join(', ')} samples`
}

function resourcesSuffix(s: ScenarioProgress, phase: Phase): string {
  const r = s.resources
  if (!r || r.total === 0 || (phase !== 'apply' && phase !== 'destroy') || (phase === 'destroy') !== (r.operation === 'destroy')) return ''
  return ` (${r.done}/${r.total} resources)`
}

function phaseEndLine(s: ScenarioProgress, phase: Phase, now: number): string {
  const p = s.phases[phase]!
  const verb = p.state === 'failed' ? (p.expected !== undefined ? 'failed as expected after' : 'failed after') : 'done in'
  return `[${s.name}] ${phaseLabel[phase]}: ${verb} ${formatDuration(phaseSeconds(p, now))}${resourcesSuffix(s, phase)}${p.detail ? ` — ${p.detail}` : ''}`
}

/**
 * The lines to print for `event`, given the state before and after it. Phase ends are found by
 * comparing the two states, so a phase ended implicitly (probe, when destroy starts) prints too.
 */
export function formatProgressLines(event: ProgressEvent, before: RunProgress, after: RunProgress, options: { verbose?: boolean } = {}): string[] {
  const was = before[event.scenario]
  const now = after[event.scenario]!
  const lines: string[] = []
  for (const phase of phases) {
    const p = now.phases[phase]
    const old = was?.phases[phase]
    if (p && p.state !== 'running' && old?.state !== p.state) lines.push(phaseEndLine(now, phase, event.at))
  }
  for (const phase of phases) {
    if (now.phases[phase]?.state === 'running' && was?.phases[phase]?.state !== 'running') lines.push(`[${now.name}] ${phaseLabel[phase]}: started`)
  }
  switch (event.kind) {
    case 'step':
      if (event.state !== 'start') {
        const { done, total } = samplesOf(now)
        const samples = total ? `; ${formatInstanceSamples(now)} (${done}/${total} in all)` : ''
        const expects = now.step?.expects
        const outcome = event.state === 'failed' ? `failed${expects ? ` (expected ${expects} on every sample)` : ''}` : `done${expects ? ` (${expects}, as expected)` : ''}`
        lines.push(`[${now.name}] probe: ${event.title} ${outcome}${samples}`)
      } else if (options.verbose) lines.push(`[${now.name}] probe: ${event.title}`)
      break
    case 'probe-batch':
      if (options.verbose) lines.push(`[${now.name}] probe step ${event.step + 1}: ${event.az} ${event.instance} ${event.done}/${event.total} samples`)
      break
    case 'resources':
      if (options.verbose) lines.push(`[${now.name}] ${event.operation}: ${event.done}/${event.total} resources`)
      break
    case 'terraform':
      if (options.verbose && event.message) lines.push(`[${now.name}] terraform: ${event.message}`)
      break
  }
  return lines
}
