// The live task list (listr2) on a terminal: one task per scenario, one subtask per phase whose
// title shows what is under way ("apply: 12/31 resources (40.2 s)", "probe: … 24/40 samples")
// and, while probing, one output line per instance. The tasks only read the shared state; the
// events arrive through update().
import { Listr, type ListrTask } from 'listr2'
import type { Phase } from './progress-event.js'
import { phases } from './progress-event.js'
import { formatDuration } from '../../core/format-duration.js'
import { phaseSeconds, samplesOf, type RunProgress, type ScenarioProgress } from './progress-state.js'

const label: Record<Phase, string> = { apply: 'apply', ready: 'wait ready', probe: 'probe', destroy: 'destroy' }
const tickMs = 200

export interface LiveDisplay {
  update(state: RunProgress): void
  /** Ends every task still open (the run is over) and waits for the list to render its last frame. */
  stop(): Promise<void>
}

function phaseTitle(s: ScenarioProgress, phase: Phase, now: number): string {
  const p = s.phases[phase]!
  let what = ''
  if (phase !== 'probe' && s.resources && s.resources.total > 0 && (phase === 'destroy') === (s.resources.operation === 'destroy')) what = `: ${s.resources.done}/${s.resources.total} resources`
  if (phase === 'probe') {
    const { done, total } = samplesOf(s)
    what = `${s.step ? `: ${s.step.title}` : ''}${total ? `, ${done}/${total} samples` : ''}`
  }
  return `${label[phase]}${what} (${formatDuration(phaseSeconds(p, now))})${p.detail ? ` — ${p.detail}` : ''}`
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Starts rendering a list for `scenarios` on stdout. */
export function startLiveDisplay(scenarios: string[]): LiveDisplay {
  let state: RunProgress = {}
  let over = false

  const phaseTask = (name: string, phase: Phase): ListrTask => ({
    title: label[phase],
    rendererOptions: { outputBar: Infinity },
    task: async (_ctx, task) => {
      for (;;) {
        const s = state[name]
        const p = s?.phases[phase]
        if (s && p) {
          task.title = phaseTitle(s, phase, Date.now())
          if (phase === 'probe') task.output = Object.values(s.instances).map((i) => `${i.az} ${i.instance}: ${i.done}/${i.total} samples`).join('\n')
          if (p.state === 'done') return
          if (p.state === 'failed') throw new Error(task.title)
          if (over) return
        } else {
          // a later phase started (or the run ended) without this one: it was not reached
          const later = phases.slice(phases.indexOf(phase) + 1).some((q) => s?.phases[q])
          if (later || over) {
            task.skip(`${label[phase]}: not reached`)
            return
          }
        }
        await sleep(tickMs)
      }
    },
  })

  const list = new Listr<object, 'default', 'simple'>(
    scenarios.map((name) => ({
      title: name,
      task: (_ctx, task) => task.newListr(phases.map((phase) => phaseTask(name, phase)), { concurrent: false, exitOnError: false }),
    })),
    { concurrent: true, exitOnError: false, registerSignalListeners: false, rendererOptions: { collapseSubtasks: false, collapseErrors: false } },
  )
  const done = list.run().catch(() => undefined)
  return {
    update(next) {
      state = next
    },
    async stop() {
      over = true
      await done
    },
  }
}
