// Turns zod issues into the one-line message DESIGN.md asks for: file, field path, problem.
import type { ZodError, ZodIssue, ZodType } from 'zod'
import { InputError } from './errors.js'

/** Renders a zod issue path as `steps[1].expect.status`. */
export function formatFieldPath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '')
}

/** The field a zod issue is about: an unknown key is named itself, not the object holding it. */
export function fieldOfIssue(issue: ZodIssue, prefix: ReadonlyArray<string | number> = []): string {
  const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined
  return formatFieldPath([...prefix, ...issue.path, ...(key === undefined ? [] : [key])])
}

/** The first issue of a zod error, as an InputError naming file and field. */
export function inputErrorFromZod(file: string, error: ZodError, prefix: ReadonlyArray<string | number> = []): InputError {
  const issue = error.issues[0]
  if (!issue) return new InputError(file, formatFieldPath(prefix), 'invalid', { cause: error })
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : ''
  return new InputError(file, fieldOfIssue(issue, prefix), `${issue.message}${more}`, { cause: error })
}

/** Parses `value` with `schema` or throws an InputError that names file and field. */
export function parseOrThrow<T extends ZodType>(schema: T, value: unknown, file: string, prefix: ReadonlyArray<string | number> = []): T['_output'] {
  const result = schema.safeParse(value)
  if (!result.success) throw inputErrorFromZod(file, result.error, prefix)
  return result.data
}
