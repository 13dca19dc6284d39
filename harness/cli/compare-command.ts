// `plh compare <a> <b>`: two scenarios' latency side by side (medians, p95, the difference of
// medians with a bootstrap 95% interval, a rank test's p-value, and a sentence saying which is
// faster), from any two recorded runs. Each argument is a scenario of the latest run,
// <run-id>/<scenario>, <results.json>#<scenario>, or a whole run (a run directory or run id:
// then same-named scenarios of the two runs are compared).
import { readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { evaluateComparison } from '../core/comparison-evaluate.js'
import { comparisonNameKinds, type Comparison, type ComparisonNameKind, type ComparisonResult } from '../core/comparison.js'
import { HarnessError } from '../core/errors.js'
import type { RunResults, ScenarioResult } from '../core/results.js'
import type { Timing } from '../core/scenario.js'
import { formatPValue } from '../stats/compare-samples.js'

const allowedTimings = ['time_starttransfer', 'time_total', 'time_connect'] as const satisfies readonly Timing[]

/** What one argument names: one scenario of a run, or a whole run. */
type Resolved = { kind: 'scenario'; label: string; run: RunResults; scenario: ScenarioResult } | { kind: 'run'; label: string; run: RunResults }

function badArgument(which: string, value: string, problem: string): HarnessError {
  return new HarnessError('BAD_INPUT', `compare ${which} "${value}": ${problem}`)
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false)
}

async function readRun(file: string, which: string, value: string): Promise<RunResults> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw badArgument(which, value, `cannot read ${file}: ${(error as Error).message.split('\n')[0]}`)
  }
  const run = parsed as Partial<RunResults>
  if (typeof run?.run_id !== 'string' || !Array.isArray(run.scenarios)) throw badArgument(which, value, `${file} is not a results.json (no run_id or scenarios)`)
  return run as RunResults
}

function pickScenario(run: RunResults, name: string, which: string, value: string, where: string): Resolved {
  const scenario = run.scenarios.find((s) => s.name === name)
  if (!scenario) throw badArgument(which, value, `no scenario "${name}" in ${where}; it has: ${run.scenarios.map((s) => s.name).join(', ') || '(none)'}`)
  return { kind: 'scenario', label: `${name} (${run.run_id})`, run, scenario }
}

/** Resolves one argument against the report folder; a HarnessError naming the argument when it names nothing. */
export async function resolveCompareArgument(value: string, which: string, reportDir: string): Promise<Resolved> {
  const hash = value.lastIndexOf('#')
  if (hash > 0) {
    const file = resolve(value.slice(0, hash))
    if (!(await isFile(file))) throw badArgument(which, value, `${file} is not a file`)
    return pickScenario(await readRun(file, which, value), value.slice(hash + 1), which, value, file)
  }
  if (await isFile(join(value, 'results.json'))) {
    const run = await readRun(join(value, 'results.json'), which, value)
    return { kind: 'run', label: run.run_id, run }
  }
  const slash = value.indexOf('/')
  if (slash > 0 && slash === value.lastIndexOf('/')) {
    const file = join(reportDir, value.slice(0, slash), 'results.json')
    if (await isFile(file)) return pickScenario(await readRun(file, which, value), value.slice(slash + 1), which, value, `run ${value.slice(0, slash)}`)
  }
  if (!value.includes('/') && (await isFile(join(reportDir, value, 'results.json')))) {
    const run = await readRun(join(reportDir, value, 'results.json'), which, value)
    return { kind: 'run', label: run.run_id, run }
  }
  if (value.includes('/')) throw badArgument(which, value, `no results.json at ${join(value, 'results.json')} or ${join(reportDir, value.split('/')[0]!, 'results.json')}`)
  const latest = join(reportDir, 'latest', 'results.json')
  if (!(await isFile(latest))) throw badArgument(which, value, `no run in ${reportDir} (no ${latest}); give <run-id>/<scenario> or <results.json>#<scenario>`)
  return pickScenario(await readRun(latest, which, value), value, which, value, `the latest run (${reportDir}/latest)`)
}

/** The pairs of scenarios to compare: one pair, or every scenario name the two runs share. */
export function pairScenarios(a: Resolved, b: Resolved): Array<{ a: ScenarioResult; b: ScenarioResult; labels: { a: string; b: string } }> {
  if (a.kind === 'scenario' && b.kind === 'scenario') {
    const same = a.scenario.name === b.scenario.name
    return [{ a: a.scenario, b: b.scenario, labels: same ? { a: a.label, b: b.label } : { a: a.scenario.name, b: b.scenario.name } }]
  }
  if (a.kind === 'run' && b.kind === 'run') {
    const shared = a.run.scenarios.filter((s) => b.run.scenarios.some((t) => t.name === s.name))
    if (shared.length === 0) throw badArgument('<b>', b.label, `runs ${a.run.run_id} and ${b.run.run_id} have no scenario in common`)
    return shared.map((s) => ({ a: s, b: b.run.scenarios.find((t) => t.name === s.name)!, labels: { a: `${s.name} (${a.run.run_id})`, b: `${s.name} (${b.run.run_id})` } }))
  }
  throw badArgument(a.kind === 'run' ? '<b>' : '<a>', a.kind === 'run' ? b.label : a.label, 'compare a run with a run, or a scenario with a scenario')
}

function formatComparison(result: ComparisonResult, labels: { a: string; b: string }): string {
  const s = result.stats
  const head = `${labels.a}  vs  ${labels.b}  (${result.name_kind} names, ${result.timing})`
  if (!s) return `${head}\n  ${result.detail}\n`
  const width = Math.max(labels.a.length, labels.b.length, 8)
  const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10)
  const row = (side: string, label: string, x: { n: number; median: number; p95: number }) => `  ${side}  ${label.padEnd(width)}  ${String(x.n).padStart(7)}  ${ms(x.median)}  ${ms(x.p95)}`
  return [
    head,
    `     ${''.padEnd(width)}  ${'samples'.padStart(7)}  ${'median'.padStart(10)}  ${'p95'.padStart(10)}`,
    row('a', labels.a, s.a),
    row('b', labels.b, s.b),
    `  difference of medians a − b: ${s.median_diff_ms.toFixed(1)} ms, 95% CI ${s.ci95[0].toFixed(1)} to ${s.ci95[1].toFixed(1)} ms (bootstrap, ${s.method.resamples} resamples); Mann–Whitney ${formatPValue(s.p_value)}`,
    `  → ${s.sentence}`,
    '',
  ].join('\n')
}

export async function run(options: Record<string, unknown>, args: string[]): Promise<number> {
  const reportDir = resolve((options.reportDir as string | undefined) ?? 'reports')
  const nameKind = (options.nameKind as string | undefined) ?? 'regional'
  if (!(comparisonNameKinds as readonly string[]).includes(nameKind)) throw new HarnessError('BAD_INPUT', `compare --name-kind "${nameKind}": must be one of ${comparisonNameKinds.join(', ')}`)
  const timing = options.timing as string | undefined
  if (timing !== undefined && !(allowedTimings as readonly string[]).includes(timing)) throw new HarnessError('BAD_INPUT', `compare --timing "${timing}": must be one of ${allowedTimings.join(', ')}`)
  const [argA, argB] = args
  if (argA === undefined || argB === undefined || args.length > 2) throw new HarnessError('BAD_INPUT', `compare: needs exactly two arguments <a> <b>, got ${args.length}`)
  const a = await resolveCompareArgument(argA, '<a>', reportDir)
  const b = await resolveCompareArgument(argB, '<b>', reportDir)
  const results = pairScenarios(a, b).map(({ a: sa, b: sb, labels }) => {
    // an ad-hoc comparison: no file to validate, the sides are labelled with their runs
    const comparison: Comparison = {
      name: 'plh-compare',
      description: `${labels.a} against ${labels.b}`,
      a: labels.a,
      b: labels.b,
      name_kind: nameKind as ComparisonNameKind,
      ...(timing ? { timing: timing as Timing } : {}),
    }
    return evaluateComparison(comparison, { ...sa, name: labels.a }, { ...sb, name: labels.b })
  })
  if (options.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
  else process.stdout.write(results.map((r) => formatComparison(r, { a: r.a, b: r.b })).join('\n'))
  return 0
}
