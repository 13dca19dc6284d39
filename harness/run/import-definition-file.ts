// Scenario and comparison files are TypeScript modules that default-export a definition: this
// lists them, imports one and validates its export, with errors that name the file and field.
import { readdir } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { z } from 'zod'
import { InputError } from '../core/errors.js'
import { inputErrorFromZod } from '../core/validate-input.js'

/** Files under `dir` whose names end with `suffix`, sorted. */
export async function listDefinitionFiles(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => join(dir, e.name))
    .sort()
}

/**
 * Imports `file`, validates its default export with `schema` and checks that its `name` is the
 * file's name less `suffix`. `definer` names the function the file should call, for the message.
 */
export async function importDefinitionFile<S extends z.ZodType<{ name: string }, z.ZodTypeDef, unknown>>(
  file: string,
  root: string,
  schema: S,
  suffix: string,
  definer: string,
): Promise<{ shown: string; data: z.output<S> }> {
  const shown = relative(root, file) || file
  let module: { default?: unknown }
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown }
  } catch (error) {
    const first = String((error as Error).message ?? error).split('\n')[0]
    throw new InputError(shown, '(file)', `cannot be loaded: ${first}`, { cause: error })
  }
  if (module.default === undefined) throw new InputError(shown, 'default', `the file must \`export default ${definer}({...})\``)
  const parsed = schema.safeParse(module.default)
  if (!parsed.success) throw inputErrorFromZod(shown, parsed.error)
  const expected = basename(file, suffix)
  if (parsed.data.name !== expected) throw new InputError(shown, 'name', `must equal the file name "${expected}" (got "${parsed.data.name}")`)
  return { shown, data: parsed.data }
}
