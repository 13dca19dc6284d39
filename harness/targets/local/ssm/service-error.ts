// Errors the endpoint answers with, shaped as AWS JSON 1.1 errors (`{"__type", "message"}` plus
// the HTTP status the real service uses), so that the SDK raises the same exception classes.

/** An error response of the emulated service: `type` becomes `__type`, the SDK's error name. */
export class SsmServiceError extends Error {
  readonly type: string
  readonly status: number
  constructor(type: string, message: string, status = 400) {
    super(message)
    this.name = 'SsmServiceError'
    this.type = type
    this.status = status
  }
}

/** The phrasing AWS uses for constraint violations, so messages read like the real service's. */
export function createValidationError(field: string, value: unknown, constraint: string): SsmServiceError {
  const shown = typeof value === 'string' ? value : JSON.stringify(value)
  return new SsmServiceError('ValidationException', `1 validation error detected: Value '${shown}' at '${field}' failed to satisfy constraint: ${constraint}`)
}

/** Serialises an error to the body the SDK's JSON 1.1 error parser reads. */
export function formatErrorBody(error: SsmServiceError): string {
  return JSON.stringify({ __type: error.type, message: error.message })
}
