// `plh validate`: every fixture (HCL against its manifest and the contract) and every scenario
// (schema, fixture, variables), without applying anything. Exit 2 when anything is wrong.
import { InputError } from '../core/errors.js'
import { renderInputError } from '../core/source-excerpt.js'
import { listFixtures } from '../run/load-fixture.js'
import { validateFixture } from '../run/validate-fixture.js'
import { join } from 'node:path'
import { loadComparisons } from '../run/load-comparison.js'
import { scenariosFolder } from '../run/load-scenario.js'
import { selectScenarios } from '../run/prepare-run.js'
import { projectRoot } from './project-root.js'

export async function run(): Promise<number> {
  const root = projectRoot()
  let problems = 0
  // a broken fixture is reported once, though the scenarios that use it run into it again
  const reported = new Set<string>()
  for (const name of await listFixtures(root)) {
    const { errors, warnings } = await validateFixture(root, name)
    for (const w of warnings) process.stdout.write(`warning: ${w}\n`)
    for (const e of errors) process.stderr.write(`plh: ${e}\n`)
    for (const e of errors) reported.add(e)
    problems += errors.length
    if (errors.length === 0) process.stdout.write(`ok   fixture ${name}\n`)
  }
  try {
    const local = await selectScenarios(root, 'local', undefined)
    const aws = await selectScenarios(root, 'aws', undefined)
    const names = new Set([...local, ...aws].map((s) => s.scenario.name))
    process.stdout.write(`ok   ${names.size} scenario(s)\n`)
    const comparisons = await loadComparisons(join(root, scenariosFolder), root)
    process.stdout.write(`ok   ${comparisons.length} comparison(s)\n`)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    if (!reported.has(error.message)) process.stderr.write(renderInputError(error, 'plh: '))
    problems += 1
  }
  return problems ? 2 : 0
}
