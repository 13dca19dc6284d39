// `npm run docs`: writes docs/reference/scenario.md from the zod schemas of harness/core/scenario.ts.
// With --check, writes nothing and exits 1 when the committed file differs.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { readSchemaComments } from '../harness/cli/schema-docs/read-schema-comments.js'
import { renderScenarioReference } from '../harness/cli/schema-docs/render-scenario-reference.js'

const root = resolve(import.meta.dirname, '..')
const target = join(root, 'docs', 'reference', 'scenario.md')
const schemaFile = join(root, 'harness', 'core', 'scenario.ts')
const text = renderScenarioReference(readSchemaComments(await readFile(schemaFile, 'utf8'), schemaFile))

if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => '')
  if (committed !== text) {
    process.stderr.write(`docs/reference/scenario.md is out of date with harness/core/scenario.ts: run \`npm run docs\`\n`)
    process.exit(1)
  }
  process.stdout.write('docs/reference/scenario.md is up to date\n')
} else {
  await mkdir(dirname(target), { recursive: true })
  await writeFile(target, text)
  process.stdout.write('wrote docs/reference/scenario.md\n')
}
