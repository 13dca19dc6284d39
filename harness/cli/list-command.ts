// `plh list`: fixtures, scenarios and comparisons, with what each proves and which targets run it.
import { relative } from 'node:path'
import { listFixtures, loadFixture } from '../run/load-fixture.js'
import { loadComparisons } from '../run/load-comparison.js'
import { listScenarioFiles, loadScenarioFile, scenariosFolder } from '../run/load-scenario.js'
import { projectRoot } from './project-root.js'

export async function run(options: Record<string, unknown>): Promise<number> {
  const root = projectRoot()
  const fixtures = await Promise.all((await listFixtures(root)).map((name) => loadFixture(root, name)))
  const scenarios = await Promise.all((await listScenarioFiles(`${root}/${scenariosFolder}`)).map(async (file) => ({ file: relative(root, file), scenario: await loadScenarioFile(file, root) })))
  const comparisons = await loadComparisons(`${root}/${scenariosFolder}`, root)
  const fixtureTargets = new Map(fixtures.map((f) => [f.name, f.manifest.targets]))
  // a scenario runs where both it and its fixture can
  const runsOn = (targets: string[], fixture: string): string[] => targets.filter((t) => (fixtureTargets.get(fixture) as string[] | undefined)?.includes(t) ?? false)
  if (options.json) {
    process.stdout.write(
      JSON.stringify(
        {
          fixtures: fixtures.map((f) => ({ name: f.name, description: f.manifest.description, proves: f.manifest.proves, targets: f.manifest.targets })),
          scenarios: scenarios.map(({ file, scenario }) => ({ name: scenario.name, file, fixture: scenario.fixture, description: scenario.description, proves: scenario.proves, targets: runsOn(scenario.targets, scenario.fixture) })),
          comparisons: comparisons.map(({ file, comparison }) => ({ name: comparison.name, file, description: comparison.description, a: comparison.a, b: comparison.b, expect: comparison.expect })),
        },
        null,
        2,
      ) + '\n',
    )
    return 0
  }
  const out: string[] = ['Fixtures (terraform/<name>/):']
  for (const f of fixtures) {
    out.push(`  ${f.name}  [${f.manifest.targets.join(', ')}]`, `      ${f.manifest.description}`)
    for (const p of f.manifest.proves) out.push(`      · ${p}`)
  }
  out.push('', 'Scenarios (scenarios/<name>.scenario.ts; run one with `plh run -s <name>`):')
  for (const { scenario } of scenarios) {
    const targets = runsOn(scenario.targets, scenario.fixture)
    out.push(`  ${scenario.name}  [${targets.join(', ') || 'no target: its fixture runs on none of its targets'}]  fixture ${scenario.fixture}`, `      ${scenario.description}`)
    if (scenario.proves) out.push(`      proves: ${scenario.proves}`)
    if (scenario.assumes) out.push(`      assumes (local emulator): ${scenario.assumes}`)
  }
  if (comparisons.length) {
    out.push('', 'Comparisons (scenarios/<name>.comparison.ts; `plh run` evaluates them when both scenarios ran):')
    for (const { comparison: c } of comparisons) {
      const expectation = c.expect ? `; expects ${c.expect.faster === 'a' ? c.a : c.b} faster${c.expect.by_at_least_ms !== undefined ? ` by ≥ ${c.expect.by_at_least_ms} ms` : ''}` : ''
      out.push(`  ${c.name}  ${c.a} vs ${c.b}${expectation}`, `      ${c.description}`)
    }
  }
  out.push('', 'New ones: plh init scenario <name> --fixture <fixture>, plh init fixture <name>.')
  process.stdout.write(out.join('\n') + '\n')
  return 0
}
