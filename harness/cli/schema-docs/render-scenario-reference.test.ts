// The committed reference is what the generator prints from today's schemas: a schema change
// without `npm run docs` fails here, so docs/reference/scenario.md cannot drift.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { expect, test } from 'vitest'
import { readSchemaComments } from './read-schema-comments.js'
import { renderScenarioReference } from './render-scenario-reference.js'

const root = resolve(import.meta.dirname, '..', '..', '..')

test('docs/reference/scenario.md is what `npm run docs` prints from harness/core/scenario.ts', async () => {
  const schemaFile = resolve(root, 'harness/core/scenario.ts')
  const expected = renderScenarioReference(readSchemaComments(await readFile(schemaFile, 'utf8'), schemaFile))
  const committed = await readFile(resolve(root, 'docs/reference/scenario.md'), 'utf8').catch(() => '(missing)')
  expect(committed, 'docs/reference/scenario.md is out of date: run `npm run docs`').toBe(expected)
})

test('the reference covers every step kind and every expectation of the schema', async () => {
  const text = renderScenarioReference(new Map())
  for (const heading of ['#### accept-endpoint', '#### wait', '#### set-target-health', '#### set-target-registration', '#### expect-endpoint-state', '### probe', '## Expectations']) expect(text).toContain(heading)
  for (const field of ['`status`', '`body`', '`success_ratio`', '`failure`', '`resolves_to_own_az`', '`latency`']) expect(text).toContain(`| ${field} |`)
})
