// Renders a bench run's figures as the Markdown blocks bench/README.md (every figure) and
// README.md (the targets) show between their markers, so that both state exactly what
// results.json holds. Pure.
import type { Spread } from './repeat.js'
import type { TargetCheck } from './targets.js'

export const FIGURES_START = '<!-- bench:figures:start -->'
export const FIGURES_END = '<!-- bench:figures:end -->'
export const HEADLINE_START = '<!-- bench:headline:start -->'
export const HEADLINE_END = '<!-- bench:headline:end -->'

/** The parts of the bench result the blocks show (see run.ts and combine-runs.ts for the whole object). */
export interface FiguresInput {
  at: string
  command: string
  repetitions: number
  machine: { cpus: number; memory_gib: number; node: string; loadavg_at_start: number[]; loadavg_at_end: number[] }
  bench_wall_s: number
  targets: TargetCheck[]
  runs: { suite: Array<{ run: number; wall_s: number; status: string; loadavg_1m_at_start?: number }>; scale: Array<{ run: number }> }
  detail_run: number
  suite: { wall_s: number; status: string; wall_s_spread: Spread | null; scenarios: Record<string, { status: string; apply_s: number; ready_s: number; probe_s: number; destroy_s: number }> } | null
  overhead_ratio: Record<string, { probe_s: number; model_s: number; ratio: number | null; probe_s_source: string }>
  fidelity: { summary: { paths: number; passed: number; failed: number; max_error_ms: number | null }; paths: Array<{ scenario: string; name_kind: string; az: string | null; consumer_az: string; expected_ms: number; median_ms: number; p95_ms: number; error_ms: number; pass: boolean }> }
  ssm: {
    probe_samples: number
    api_calls: number
    by_operation: Record<string, number>
    calls_per_sample: number | null
    floor_calls_per_sample: number | null
    source: string | null
    calls_per_sample_spread: Spread | null
    transport_check: { endpoint_calls: number; transport_calls: number; unseen_by_transport: number; readiness_calls: number; consistent: boolean; inconsistent_scenarios: string[] } | null
    scenarios?: Record<string, { source: string; probe_samples: number; api_calls: number }>
  }
  scale: { levels: Array<Record<string, unknown> & { consumer_vpcs: number; from_run: number; apply_s_spread: Spread | null }> }
  aws_projection: { scenarios: Record<string, { commands: number; projected_api_calls: number; projected_overhead_s: number; projected_calls_per_sample: number | null }> }
}

const cell = (v: unknown): string => (v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v).replace(/\|/g, '\\|') : String(v))
const verdict = (met: boolean | null) => (met === true ? '**met**' : met === false ? '**not met**' : 'no figure')
/** "median (min–max)"; the median alone when every run gave the same. */
const spreadText = (s: Spread | null | undefined): string => (!s ? '–' : s.min === s.max ? `${s.median}` : `${s.median} (${s.min}–${s.max})`)
const runsText = (s: Spread | null | undefined): string => (!s ? '–' : s.runs.map(cell).join(', '))

function table(head: string[], rows: unknown[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n')
}

/** The highest 1-minute load average seen (at the start, at the end, when each suite run started). */
export function peakLoad(r: Pick<FiguresInput, 'machine' | 'runs'>): number {
  return Math.max(r.machine.loadavg_at_start[0] ?? 0, r.machine.loadavg_at_end[0] ?? 0, ...r.runs.suite.map((s) => s.loadavg_1m_at_start ?? 0))
}

/** One sentence on how busy the machine was: loaded when the 1-minute load average exceeded its cores. */
export function loadSentence(r: Pick<FiguresInput, 'machine' | 'runs'>): string {
  const peak = peakLoad(r)
  return peak > r.machine.cpus
    ? `**Taken on a loaded machine**: the 1-minute load average reached ${peak} on ${r.machine.cpus} cores (other work shared it), so times are longer than on an idle machine.`
    : `The machine was not loaded: the 1-minute load average stayed at or below its ${r.machine.cpus} cores (at most ${peak}).`
}

const produced = (r: FiguresInput) =>
  `Produced by \`${r.command}\` at ${r.at}: ${r.repetitions} runs of each timed part on a ${r.machine.cpus}-core, ${r.machine.memory_gib} GiB machine (Node ${r.machine.node}); load average (1/5/15 min) ${r.machine.loadavg_at_start.join(' / ')} at the start, ${r.machine.loadavg_at_end.join(' / ')} at the end; the bench took ${r.bench_wall_s} s.`

const targetsTable = (r: FiguresInput) =>
  table(
    ['target', 'limit', 'median', `spread (min–max; each of ${r.repetitions} runs)`, 'verdict (on the median)'],
    r.targets.map((t) => [t.target, t.limit, t.value, t.spread ? `${t.spread.min}–${t.spread.max}; ${runsText(t.spread)}` : null, `${verdict(t.met)}${t.note ? ` (${t.note})` : ''}`]),
  )

/** The README's block: the targets with medians and spreads, and where they come from. */
export function renderHeadline(r: FiguresInput): string {
  return [
    HEADLINE_START,
    `${produced(r)} ${loadSentence(r)} Generated from \`bench/results.json\`; every figure and the method: [bench/README.md](bench/README.md).`,
    '',
    targetsTable(r),
    HEADLINE_END,
  ].join('\n')
}

/** The Markdown block, markers included. */
export function renderFigures(r: FiguresInput): string {
  const m = r.machine
  const levels = r.scale.levels as Array<Record<string, any>>
  const suiteLine = r.suite
    ? `**Suite**: median wall time ${spreadText(r.suite.wall_s_spread)} s over the passed runs; each run: ${r.runs.suite.map((x) => `${x.wall_s} s ${x.status}`).join(', ')}. The tables below are from run ${r.detail_run} (${r.suite.wall_s} s, ${r.suite.status}): the passed run with the median wall time, or, when none passed, the median run.`
    : '**Suite**: not run.'
  const parts = [
    FIGURES_START,
    `${produced(r)} Every figure is in \`bench/results.json\`.`,
    '',
    loadSentence(r),
    '',
    '**Targets (issue 7)**, each judged on the median over the runs',
    '',
    targetsTable(r),
    '',
    suiteLine,
    '',
    table(
      ['scenario', 'status', 'apply s', 'ready s', 'probe s', 'destroy s', 'model s', 'overhead ratio'],
      Object.entries(r.suite?.scenarios ?? {}).map(([name, s]) => {
        const o = r.overhead_ratio[name]
        return [name, s.status, s.apply_s, s.ready_s, s.probe_s, s.destroy_s, o?.model_s, o ? `${cell(o.ratio)}${o.probe_s_source === 'phase-including-actions' ? ' (incl. actions)' : ''}` : null]
      }),
    ),
    '',
    `**Fidelity** (run ${r.detail_run}; the emulator measured against its own latency model, not against AWS): ${r.fidelity.summary.passed} of ${r.fidelity.summary.paths} paths within tolerance; largest error ${cell(r.fidelity.summary.max_error_ms)} ms.`,
    '',
    table(
      ['scenario', 'from', 'name', 'expected ms', 'median ms', 'p95 ms', 'error ms', 'pass'],
      r.fidelity.paths.map((p) => [p.scenario, p.consumer_az, `${p.name_kind}${p.az ? ` ${p.az}` : ''}`, p.expected_ms, p.median_ms, p.p95_ms, p.error_ms, p.pass ? 'yes' : 'no']),
    ),
    '',
    ssmLine(r),
    '',
    '**Scale** (one service, 3 AZs; per level the run with the median apply time)',
    '',
    table(
      ['consumer VPCs', 'apply s, median (min–max)', 'from run', 'namespaces', 'load 1 min', 'apply s', 'of which services s', 'destroy s', 'names answered', 'peak MiB (VmHWM + helpers RSS)', 'PSS MiB', 'helpers at peak'],
      levels.map((l) => [
        l.consumer_vpcs,
        spreadText(l.apply_s_spread),
        l.from_run,
        l.namespaces,
        l.loadavg_1m_at_start,
        l.error ? `error: ${l.error}` : l.apply_s,
        l.apply_profile?.phases_s?.startServices,
        l.destroy_s,
        l.names ? `${l.names.answered}/${l.names.expected}` : null,
        l.memory?.peak_upper_bound_mib,
        l.memory?.total_pss_peak_mib,
        l.memory?.descendants_peak,
      ]),
    ),
    '',
    `**AWS projection** (harness time beyond terraform, per scenario; from run ${r.detail_run})`,
    '',
    table(
      ['scenario', 'commands', 'API calls', 'calls/sample', 'overhead s'],
      Object.entries(r.aws_projection.scenarios).map(([name, p]) => [name, p.commands, p.projected_api_calls, p.projected_calls_per_sample, p.projected_overhead_s]),
    ),
    FIGURES_END,
  ]
  return parts.join('\n')
}

function ssmLine(r: FiguresInput): string {
  const s = r.ssm
  const check = s.transport_check
  // scenarios without the endpoint's count, and whether they made any call at all
  const uncounted = Object.entries(s.scenarios ?? {}).filter(([, c]) => c.source !== 'endpoint')
  const uncountedText = uncounted.length
    ? ` (${uncounted.length} scenarios carry no endpoint count: ${uncounted.map(([n]) => n).join(', ')}; ${uncounted.every(([, c]) => c.api_calls === 0 && c.probe_samples === 0) ? 'none of them made an SSM call or took a sample' : 'their calls are derived from the transport'})`
    : ''
  const source =
    check
      ? `counted by the local SSM endpoint itself${uncountedText}; the transport counted ${check!.transport_calls} of its ${check!.endpoint_calls} probe calls (${check!.unseen_by_transport} unseen by it: the SDK's own retries)${check!.consistent ? '' : `; **inconsistent** in ${check!.inconsistent_scenarios.join(', ')} (the endpoint saw fewer calls than the transport made)`}; ${check!.readiness_calls} readiness calls (DescribeInstanceInformation) not counted per sample`
      : `derived from results.json (${cell(s.source)}): the transport's own counter, which misses the SDK's internal retries`
  return `**SSM** (run ${r.detail_run}): ${s.api_calls} calls for ${s.probe_samples} samples = ${cell(s.calls_per_sample)} per sample (${Object.entries(s.by_operation)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}); ${source}. Calls per sample over the runs: ${spreadText(s.calls_per_sample_spread)} (each: ${runsText(s.calls_per_sample_spread)}). Floor with one command per consumer per batch: ${cell(s.floor_calls_per_sample)}.`
}

/** `text` with the block between `start` and `end` replaced (appended when the markers are missing). */
export function replaceBlock(text: string, block: string, start = FIGURES_START, end = FIGURES_END): string {
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from === -1 || to === -1 || to < from) return `${text.trimEnd()}\n\n${block}\n`
  return text.slice(0, from) + block + text.slice(to + end.length)
}

/** The block between `start` and `end` in `text`, markers included; null when absent. */
export function extractBlock(text: string, start = FIGURES_START, end = FIGURES_END): string | null {
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  return from === -1 || to === -1 || to < from ? null : text.slice(from, to + end.length)
}
