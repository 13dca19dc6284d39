// Turns zod issues into the one-line message DESIGN.md asks for: file, field path, problem, and
// for a misspelt key or enum value the closest valid one.
import type { ZodError, ZodIssue, ZodType, ZodTypeAny } from 'zod'
import { didYouMean } from './did-you-mean.js'
import { InputError } from './errors.js'
import { allowedKeysAt, valueAt } from './schema-keys.js'

/** Renders a zod issue path as `steps[1].expect.status`. */
export function formatFieldPath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '')
}

/** The field a zod issue is about: an unknown key is named itself, not the object holding it. */
export function fieldOfIssue(issue: ZodIssue, prefix: ReadonlyArray<string | number> = []): string {
  const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined
  return formatFieldPath([...prefix, ...issue.path, ...(key === undefined ? [] : [key])])
}

/** What was checked: lets a message offer the allowed key or value closest to a misspelt one. */
export interface CheckedInput {
  schema: ZodTypeAny
  input: unknown
}

/** `; did you mean "x"?` for an unknown key, enum value or step kind close to a valid one, else nothing. */
export function suggestionFor(issue: ZodIssue, checked?: CheckedInput): string {
  if (issue.code === 'invalid_enum_value') return didYouMean(issue.received, issue.options.map(String))
  if (!checked) return ''
  if (issue.code === 'invalid_union_discriminator') return didYouMean(valueAt(checked.input, issue.path), issue.options.map(String))
  if (issue.code === 'unrecognized_keys') {
    const present = valueAt(checked.input, issue.path)
    const used = new Set(typeof present === 'object' && present !== null ? Object.keys(present) : [])
    // a key already there is no fix for a misspelt one
    return didYouMean(issue.keys[0], allowedKeysAt(checked.schema, checked.input, issue.path).filter((k) => !used.has(k)))
  }
  return ''
}

/**
 * The issue to report: the first, except that a misspelt key beats the "Required" its right
 * spelling then draws (`stat: …` for `state`: "did you mean "state"?" says more than "Required").
 */
export function issueToReport(issues: readonly ZodIssue[], checked?: CheckedInput): ZodIssue | undefined {
  const first = issues[0]
  if (!first || first.code !== 'invalid_type' || first.received !== 'undefined') return first
  const missing = first.path[first.path.length - 1]
  const parent = formatFieldPath(first.path.slice(0, -1))
  const misspelt = issues.find((i) => i.code === 'unrecognized_keys' && formatFieldPath(i.path) === parent && suggestionFor(i, checked) === `; did you mean "${missing}"?`)
  return misspelt ?? first
}

/** The first issue of a zod error, as an InputError naming file and field (with `checked`: and a suggestion). */
export function inputErrorFromZod(file: string, error: ZodError, prefix: ReadonlyArray<string | number> = [], checked?: CheckedInput): InputError {
  const issue = issueToReport(error.issues, checked)
  if (!issue) return new InputError(file, formatFieldPath(prefix), 'invalid', { cause: error })
  // a misspelt key reported instead of the Required it drew counts for both
  const others = error.issues.length - (issue === error.issues[0] ? 1 : 2)
  const more = others > 0 ? ` (and ${others} more)` : ''
  return new InputError(file, fieldOfIssue(issue, prefix), `${issue.message}${suggestionFor(issue, checked)}${more}`, { cause: error })
}

/** Parses `value` with `schema` or throws an InputError that names file and field. */
export function parseOrThrow<T extends ZodType>(schema: T, value: unknown, file: string, prefix: ReadonlyArray<string | number> = []): T['_output'] {
  const result = schema.safeParse(value)
  if (!result.success) throw inputErrorFromZod(file, result.error, prefix, { schema, input: value })
  return result.data
}
