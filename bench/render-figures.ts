// Renders the latest figures of a bench run as the Markdown block bench/README.md shows between
// its markers, so the README always states exactly what results.json holds. Pure.
import type { TargetCheck } from './targets.js'

export const FIGURES_START = '<!-- bench:figures:start -->'
export const FIGURES_END = '<!-- bench:figures:end -->'

/** The parts of the bench result the block shows (see run.ts for the whole object). */
export interface FiguresInput {
  at: string
  command: string
  machine: { cpus: number; memory_gib: number; node: string; loadavg_at_start: number[]; loadavg_at_end: number[] }
  bench_wall_s: number
  targets: TargetCheck[]
  suite: { wall_s: number; status: string; scenarios: Record<string, { status: string; apply_s: number; ready_s: number; probe_s: number; destroy_s: number }> }
  overhead_ratio: Record<string, { probe_s: number; model_s: number; ratio: number | null; probe_s_source: string }>
  fidelity: { summary: { paths: number; passed: number; failed: number; max_error_ms: number | null }; paths: Array<{ scenario: string; name_kind: string; az: string | null; consumer_az: string; expected_ms: number; median_ms: number; p95_ms: number; error_ms: number; pass: boolean }> }
  ssm: { probe_samples: number; api_calls: number; by_operation: Record<string, number>; calls_per_sample: number | null; floor_calls_per_sample: number | null }
  scale: { levels: Array<Record<string, unknown> & { consumer_vpcs: number }> }
  aws_projection: { scenarios: Record<string, { commands: number; projected_api_calls: number; projected_overhead_s: number; projected_calls_per_sample: number | null }> }
}

const cell = (v: unknown): string => (v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v).replace(/\|/g, '\\|') : String(v))
const verdict = (met: boolean | null) => (met === true ? '**met**' : met === false ? '**not met**' : 'no figure')

function table(head: string[], rows: unknown[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n')
}

/** The Markdown block, markers included. */
export function renderFigures(r: FiguresInput): string {
  const m = r.machine
  const levels = r.scale.levels as Array<Record<string, any>>
  const parts = [
    FIGURES_START,
    `Produced by \`${r.command}\` at ${r.at} on a ${m.cpus}-core, ${m.memory_gib} GiB machine (Node ${m.node}); load average (1/5/15 min) ${m.loadavg_at_start.join(' / ')} at the start, ${m.loadavg_at_end.join(' / ')} at the end; the bench took ${r.bench_wall_s} s. Every figure is in \`bench/results.json\`.`,
    '',
    '**Targets (issue 7)**',
    '',
    table(['target', 'limit', 'value', 'verdict'], r.targets.map((t) => [t.target, t.limit, t.value, `${verdict(t.met)}${t.note ? ` (${t.note})` : ''}`])),
    '',
    `**Suite**: ${r.suite.wall_s} s, ${r.suite.status}.`,
    '',
    table(
      ['scenario', 'status', 'apply s', 'ready s', 'probe s', 'destroy s', 'model s', 'overhead ratio'],
      Object.entries(r.suite.scenarios).map(([name, s]) => {
        const o = r.overhead_ratio[name]
        return [name, s.status, s.apply_s, s.ready_s, s.probe_s, s.destroy_s, o?.model_s, o ? `${cell(o.ratio)}${o.probe_s_source === 'phase-including-actions' ? ' (incl. actions)' : ''}` : null]
      }),
    ),
    '',
    `**Fidelity**: ${r.fidelity.summary.passed} of ${r.fidelity.summary.paths} paths within tolerance; largest error ${cell(r.fidelity.summary.max_error_ms)} ms.`,
    '',
    table(
      ['scenario', 'from', 'name', 'expected ms', 'median ms', 'p95 ms', 'error ms', 'pass'],
      r.fidelity.paths.map((p) => [p.scenario, p.consumer_az, `${p.name_kind}${p.az ? ` ${p.az}` : ''}`, p.expected_ms, p.median_ms, p.p95_ms, p.error_ms, p.pass ? 'yes' : 'no']),
    ),
    '',
    `**SSM**: ${r.ssm.api_calls} calls for ${r.ssm.probe_samples} samples = ${cell(r.ssm.calls_per_sample)} per sample (${Object.entries(r.ssm.by_operation)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}); floor with one command per consumer per batch: ${cell(r.ssm.floor_calls_per_sample)}.`,
    '',
    '**Scale** (one service, 3 AZs)',
    '',
    table(
      ['consumer VPCs', 'namespaces', 'load 1 min', 'apply s', 'of which services s', 'destroy s', 'names answered', 'peak MiB (VmHWM + helpers RSS)', 'PSS MiB', 'helpers at peak'],
      levels.map((l) => [
        l.consumer_vpcs,
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
    '**AWS projection** (harness time beyond terraform, per scenario)',
    '',
    table(
      ['scenario', 'commands', 'API calls', 'calls/sample', 'overhead s'],
      Object.entries(r.aws_projection.scenarios).map(([name, p]) => [name, p.commands, p.projected_api_calls, p.projected_calls_per_sample, p.projected_overhead_s]),
    ),
    FIGURES_END,
  ]
  return parts.join('\n')
}

/** `readme` with the block between the markers replaced (appended when the markers are missing). */
export function replaceFigures(readme: string, block: string): string {
  const start = readme.indexOf(FIGURES_START)
  const end = readme.indexOf(FIGURES_END)
  if (start === -1 || end === -1 || end < start) return `${readme.trimEnd()}\n\n${block}\n`
  return readme.slice(0, start) + block + readme.slice(end + FIGURES_END.length)
}
