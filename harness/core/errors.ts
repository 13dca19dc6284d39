// Typed errors with stable codes. Only the CLI entry turns them into exit codes
// (DESIGN.md: 0 passed, 1 expectation failed, 2 bad input, 3 infrastructure, 4 teardown leak).

export type ErrorCode =
  | 'BAD_INPUT'
  | 'UNKNOWN_FIXTURE'
  | 'UNKNOWN_SCENARIO'
  | 'CONTRACT_VIOLATION'
  | 'APPLY_FAILED'
  | 'NOT_READY'
  | 'TRANSPORT_FAILED'
  | 'PREREQUISITE_MISSING'
  | 'TEARDOWN_INCOMPLETE'

/** Base of every error the harness raises on purpose: a stable `code`, structured fields, a cause. */
export class HarnessError extends Error {
  readonly code: ErrorCode
  readonly fields: Record<string, unknown>
  constructor(code: ErrorCode, message: string, options: { cause?: unknown; fields?: Record<string, unknown> } = {}) {
    super(message, { cause: options.cause })
    this.name = new.target.name
    this.code = code
    this.fields = options.fields ?? {}
  }
}

/** A place in a source file: 1-based line and column, and that line's text (for a caret under it). */
export interface SourcePosition {
  line: number
  column: number
  lineText?: string
}

/**
 * Bad input: names the file and the field so that the one-line message says what to fix. Exit 2.
 * With a `position` (a file that does not load) the line reads `file:line:col: problem` instead.
 */
export class InputError extends HarnessError {
  readonly file: string
  readonly field: string
  readonly position?: SourcePosition
  constructor(file: string, field: string, problem: string, options: { cause?: unknown; code?: ErrorCode; position?: SourcePosition } = {}) {
    const at = options.position ? `${file}:${options.position.line}:${options.position.column}` : `${file}: ${field || '(root)'}`
    super(options.code ?? 'BAD_INPUT', `${at}: ${problem}`, {
      cause: options.cause,
      fields: { file, field, ...(options.position ? { line: options.position.line, column: options.position.column } : {}) },
    })
    this.file = file
    this.field = field
    if (options.position) this.position = options.position
  }
}

/** Apply, readiness, or transport failed: the topology could not be exercised. Exit 3. */
export class InfrastructureError extends HarnessError {}

/** The target needs something the machine lacks (a package, a privilege); says what to install. Exit 3. */
export class PrerequisiteError extends HarnessError {
  constructor(message: string, options: { cause?: unknown; fields?: Record<string, unknown> } = {}) {
    super('PREREQUISITE_MISSING', message, options)
  }
}

/** Teardown could not remove everything the run made. Exit 4. */
export class TeardownError extends HarnessError {
  constructor(message: string, options: { cause?: unknown; fields?: Record<string, unknown> } = {}) {
    super('TEARDOWN_INCOMPLETE', message, options)
  }
}

/** Maps an error to the exit code DESIGN.md fixes for it. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof InputError) return 2
  if (error instanceof TeardownError) return 4
  if (error instanceof HarnessError) return error.code === 'BAD_INPUT' || error.code === 'UNKNOWN_FIXTURE' || error.code === 'UNKNOWN_SCENARIO' ? 2 : 3
  return 3
}
