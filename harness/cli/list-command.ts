// `plh list`: fixtures and scenarios with what each proves and which targets run it.
import { relative } from 'node:path'
import { listFixtures, loadFixture } from '../run/load-fixture.js'
import { listScenarioFiles, loadScenarioFile, scenariosFolder } from '../run/load-scenario.js'
import { projectRoot } from './project-root.js'

export async function run(options: Record<string, unknown>): Promise<number> {
  const root = projectRoot()
  const fixtures = await Promise.all((await listFixtures(root)).map((name) => loadFixture(root, name)))
  const scenarios = await Promise.all((await listScenarioFiles(`${root}/${scenariosFolder}`)).map(async (file) => ({ file: relative(root, file), scenario: await loadScenarioFile(file, root) })))
  if (options.json) {
    process.stdout.write(
      JSON.stringify(
        {
          fixtures: fixtures.map((f) => ({ name: f.name, description: f.manifest.description, proves: f.manifest.proves, targets: f.manifest.targets })),
          scenarios: scenarios.map(({ file, scenario }) => ({ name: scenario.name, file, fixture: scenario.fixture, description: scenario.description, proves: scenario.proves, targets: scenario.targets })),
        },
        null,
        2,
      ) + '\n',
    )
    return 0
  }
  const out: string[] = ['Fixtures:']
  for (const f of fixtures) {
    out.push(`  ${f.name}  [${f.manifest.targets.join(', ')}]`, `      ${f.manifest.description}`)
    for (const p of f.manifest.proves) out.push(`      · ${p}`)
  }
  out.push('', 'Scenarios:')
  for (const { scenario } of scenarios) {
    out.push(`  ${scenario.name}  (fixture ${scenario.fixture}; targets ${scenario.targets.join(', ')})`, `      ${scenario.description}`)
    if (scenario.proves) out.push(`      proves: ${scenario.proves}`)
    if (scenario.assumes) out.push(`      assumes (local emulator): ${scenario.assumes}`)
  }
  process.stdout.write(out.join('\n') + '\n')
  return 0
}
