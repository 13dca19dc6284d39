// Why a scenario or comparison file failed to import, and where: the transformer's syntax error,
// Node's unresolved import, or an exception thrown while the module ran. Pure: it reads the error
// (messages and stack, which is all that crosses tsx's loader thread) and source text it is given.
import { dirname, isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** A load failure: where it is (absolute file; line and column 1-based) and what the tool said. */
export type LoadFailure =
  | { kind: 'syntax'; file: string; line: number; /** 0-based, in UTF-8 bytes (esbuild's unit) */ byteColumn: number; problem: string }
  | { kind: 'unresolved-import'; file: string; missing: string; problem: string }
  | { kind: 'thrown'; file: string; line: number; column: number; problem: string }
  | { kind: 'unlocated'; problem: string }

/** esbuild's error line, as tsx passes it on: `<file>:<line>:<col>: ERROR: <text>` (col 0-based, bytes). */
const transformErrorLine = /^(.+?):(\d+):(\d+): ERROR: (.+)$/m
/** Node's ERR_MODULE_NOT_FOUND message. */
const moduleNotFound = /^Cannot find (module|package) '([^']+)' imported from (.+)$/m
/** A V8 stack frame with a file position: `at fn (/a/b.ts:3:9)` or `at /a/b.ts:3:9` or a file URL. */
const stackFrame = /^\s*at (?:.*? \()?((?:file:\/\/)?\/[^():]*?):(\d+):(\d+)\)?$/

function toPath(pathOrUrl: string): string {
  return pathOrUrl.startsWith('file://') ? fileURLToPath(pathOrUrl) : pathOrUrl
}

/** Reads what importing a definition file threw. */
export function describeLoadFailure(error: unknown): LoadFailure {
  if (!(error instanceof Error)) return { kind: 'unlocated', problem: `threw ${JSON.stringify(error) ?? String(error)}` }
  const message = String(error.message ?? '')
  const syntax = transformErrorLine.exec(message)
  if (syntax) return { kind: 'syntax', file: toPath(syntax[1]!), line: Number(syntax[2]), byteColumn: Number(syntax[3]), problem: syntax[4]! }
  const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' ? moduleNotFound.exec(message) : null
  if (missing) return { kind: 'unresolved-import', file: toPath(missing[3]!), missing: missing[2]!, problem: `Cannot find ${missing[1]} '${missing[2]}'` }
  const firstLine = message.split('\n')[0] ?? ''
  const problem = `${error.name}: ${firstLine}`
  for (const line of (error.stack ?? '').split('\n').slice(1)) {
    const frame = stackFrame.exec(line)
    if (!frame) continue
    const file = toPath(frame[1]!)
    // the first frame in the user's own code: a library's internals are not where to look
    if (file.includes('/node_modules/')) continue
    return { kind: 'thrown', file, line: Number(frame[2]), column: Number(frame[3]), problem }
  }
  return { kind: 'unlocated', problem: firstLine || error.name }
}

/** Import specifiers in TypeScript source: `from '…'`, `import '…'`, `import('…')`, with the offset of the opening quote. */
const importSpecifier = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"\n]+)\1/g

/**
 * Where `source` (the text of `importer`) imports what Node could not find: `missing` is a resolved
 * absolute path (a relative import) or a package name. The specifier as written, and the 1-based
 * line and column of its opening quote.
 */
export function findImport(source: string, importer: string, missing: string): { specifier: string; line: number; column: number } | undefined {
  // comments blanked, same length, so that offsets stay those of the source
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (comment) => comment.replace(/[^\n]/g, ' '))
  for (const match of code.matchAll(importSpecifier)) {
    const specifier = match[2]!
    const relativeOrAbsolute = specifier.startsWith('.') || isAbsolute(specifier)
    const same = relativeOrAbsolute
      ? isAbsolute(missing) && resolve(dirname(importer), specifier) === missing
      : specifier === missing || specifier.startsWith(`${missing}/`)
    if (!same) continue
    const offset = match.index + match[0].length - specifier.length - 2
    const before = source.slice(0, offset)
    return { specifier, line: before.split('\n').length, column: offset - before.lastIndexOf('\n') }
  }
  return undefined
}

/** A 1-based character column from esbuild's 0-based byte column on `lineText`. */
export function columnFromByteOffset(lineText: string, byteColumn: number): number {
  return Buffer.from(lineText, 'utf8').subarray(0, byteColumn).toString('utf8').length + 1
}
