// Scenario and comparison files are TypeScript modules that default-export a definition: this
// lists them, imports one and validates its export, with errors that name the file and field.
import { readdir, readFile } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { z } from 'zod'
import { InputError } from '../core/errors.js'
import { inputErrorFromZod } from '../core/validate-input.js'
import { columnFromByteOffset, describeLoadFailure, findImport } from './locate-load-error.js'

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
    throw await inputErrorFromLoadFailure(error, shown, root)
  }
  if (module.default === undefined) throw new InputError(shown, 'default', `the file must \`export default ${definer}({...})\``)
  const parsed = schema.safeParse(module.default)
  if (!parsed.success) throw inputErrorFromZod(shown, parsed.error, [], { schema, input: module.default })
  const expected = basename(file, suffix)
  if (parsed.data.name !== expected) throw new InputError(shown, 'name', `must equal the file name "${expected}" (got "${parsed.data.name}")`)
  return { shown, data: parsed.data }
}

/**
 * A file that did not import, as `file:line:col: <what the transformer, Node or the throw said>`
 * with the source line; the file is the one at fault (an imported helper, maybe), relative to root.
 */
async function inputErrorFromLoadFailure(error: unknown, shown: string, root: string): Promise<InputError> {
  const failure = describeLoadFailure(error)
  const name = (file: string): string => relative(root, file) || file
  const source = async (file: string): Promise<string | undefined> => readFile(file, 'utf8').catch(() => undefined)
  const lineOf = (text: string | undefined, line: number): string | undefined => text?.split('\n')[line - 1]
  switch (failure.kind) {
    case 'syntax': {
      const lineText = lineOf(await source(failure.file), failure.line)
      const column = lineText === undefined ? failure.byteColumn + 1 : columnFromByteOffset(lineText, failure.byteColumn)
      return new InputError(name(failure.file), '(file)', failure.problem, { cause: error, position: { line: failure.line, column, lineText } })
    }
    case 'thrown': {
      const lineText = lineOf(await source(failure.file), failure.line)
      return new InputError(name(failure.file), '(file)', failure.problem, { cause: error, position: { line: failure.line, column: failure.column, lineText } })
    }
    case 'unresolved-import': {
      const text = await source(failure.file)
      const found = text === undefined ? undefined : findImport(text, failure.file, failure.missing)
      if (!found) return new InputError(shown, '(file)', `cannot be loaded: ${failure.problem} (imported from ${name(failure.file)})`, { cause: error })
      const position = { line: found.line, column: found.column, lineText: lineOf(text, found.line) }
      return new InputError(name(failure.file), '(file)', `Cannot find module '${found.specifier}'`, { cause: error, position })
    }
    case 'unlocated':
      return new InputError(shown, '(file)', `cannot be loaded: ${failure.problem}`, { cause: error })
  }
}
