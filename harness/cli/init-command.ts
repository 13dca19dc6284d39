// `plh init scenario <name> --fixture <fixture>` and `plh init fixture <name>`: write a commented
// scenario that runs as written, or a fixture skeleton that passes `plh validate`. Never
// overwrites: an existing path is bad input (exit 2) naming it.
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { InputError } from '../core/errors.js'
import { fixturesFolder, loadFixture, requireFixtureDir } from '../run/load-fixture.js'
import { scenariosFolder } from '../run/load-scenario.js'
import { renderFixtureFiles } from './templates/fixture-template.js'
import { renderScenarioFile } from './templates/scenario-template.js'
import { projectRoot } from './project-root.js'

const namePattern = /^[a-z0-9][a-z0-9-]{0,62}$/

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false)

async function refuseExisting(root: string, path: string): Promise<void> {
  if (await exists(path)) throw new InputError(relative(root, path), '', 'already exists; plh init never overwrites: choose another name, or move the existing one away first')
}

/** The fixture's expected body pattern as its HCL states it (`body_pattern = "…"`), if it does. */
async function readBodyPattern(dir: string): Promise<string | undefined> {
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.tf'))) {
    const match = /body_pattern\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(await readFile(join(dir, file), 'utf8'))
    if (match) return match[1]!.replaceAll('\\\\', '\\')
  }
  return undefined
}

async function initScenario(root: string, name: string, fixtureName: string | undefined): Promise<string[]> {
  if (!fixtureName) throw new InputError('plh init scenario', '--fixture', 'missing: name the fixture to apply (`plh list` shows them), e.g. --fixture same-region-cross-account')
  const dir = await requireFixtureDir(root, fixtureName)
  const fixture = await loadFixture(root, fixtureName)
  const file = join(root, scenariosFolder, `${name}.scenario.ts`)
  await refuseExisting(root, file)
  const bodyPattern = await readBodyPattern(dir)
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, renderScenarioFile({ name, fixture: fixtureName, targets: fixture.manifest.targets, ...(bodyPattern ? { bodyPattern } : {}) }), { flag: 'wx' })
  return [relative(root, file)]
}

async function initFixture(root: string, name: string): Promise<string[]> {
  const dir = join(root, fixturesFolder, name)
  await refuseExisting(root, dir)
  const written: string[] = []
  for (const [path, text] of Object.entries(renderFixtureFiles(name))) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), text, { flag: 'wx' })
    written.push(relative(root, join(dir, path)))
  }
  return written
}

export async function run(options: Record<string, unknown>, args: string[]): Promise<number> {
  const [kind, name] = args
  const root = projectRoot()
  if (kind !== 'scenario' && kind !== 'fixture') throw new InputError('plh init', 'kind', `"${kind ?? ''}" is neither scenario nor fixture: plh init scenario <name> --fixture <fixture>, or plh init fixture <name>`)
  if (!name || !namePattern.test(name)) throw new InputError('plh init', 'name', `"${name ?? ''}": lower-case letters, digits and dashes, starting with a letter or digit (at most 63)`)
  const written = kind === 'scenario' ? await initScenario(root, name, options.fixture as string | undefined) : await initFixture(root, name)
  const next =
    kind === 'scenario'
      ? [`next: edit ${written[0]}, then`, '  plh validate', `  plh run -s ${name}`]
      : [`next: edit terraform/${name}/ (keep manifest.json's variables and outputs in step with the HCL), then`, '  plh validate', `  cd terraform/${name} && terraform init && terraform test   # offline, with the mock provider`, `  plh init scenario ${name}-check --fixture ${name}`]
  process.stdout.write([...written.map((w) => `wrote ${w}`), ...next, ''].join('\n'))
  return 0
}
