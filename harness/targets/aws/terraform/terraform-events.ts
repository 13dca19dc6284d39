// Reading `terraform apply -json` / `destroy -json` output (terraform's "machine-readable UI":
// one JSON object per line with @level, @message, type and a type-specific body such as `hook`,
// `change`, `changes`, `diagnostic`, `outputs`). Pure.

/** One line of terraform's JSON UI, with the fields progress display needs lifted out. */
export interface TerraformEvent {
  /** version, planned_change, apply_start, apply_progress, apply_complete, apply_errored, change_summary, diagnostic, outputs, … (and `retry`, which the harness adds) */
  type: string
  level?: string
  message: string
  /** resource address, such as module.nlb.aws_lb.this */
  resource?: string
  /** create, update, delete, replace, read, … */
  action?: string
  elapsed_s?: number
  raw: unknown
}

interface RawResource {
  addr?: unknown
}
interface RawLine {
  type?: unknown
  '@level'?: unknown
  '@message'?: unknown
  hook?: { resource?: RawResource; action?: unknown; elapsed_seconds?: unknown }
  change?: { resource?: RawResource; action?: unknown }
  diagnostic?: { severity?: unknown; summary?: unknown; detail?: unknown; address?: unknown; range?: { filename?: unknown; start?: { line?: unknown } } }
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/** The event of one output line; undefined for a line that is not a JSON UI message. */
export function parseTerraformEvent(line: string): TerraformEvent | undefined {
  let raw: RawLine
  try {
    raw = JSON.parse(line) as RawLine
  } catch {
    return undefined
  }
  if (raw === null || typeof raw !== 'object' || typeof raw.type !== 'string') return undefined
  const body = raw.hook ?? raw.change
  const event: TerraformEvent = { type: raw.type, message: str(raw['@message']) ?? '', raw }
  const level = str(raw['@level'])
  if (level) event.level = level
  const resource = str(body?.resource?.addr) ?? str(raw.diagnostic?.address)
  if (resource) event.resource = resource
  const action = str(body?.action)
  if (action) event.action = action
  if (typeof raw.hook?.elapsed_seconds === 'number') event.elapsed_s = raw.hook.elapsed_seconds
  return event
}

/** An error diagnostic as one line: summary, first line of the detail, where. Undefined for others. */
export function describeErrorDiagnostic(event: TerraformEvent): string | undefined {
  if (event.type !== 'diagnostic') return undefined
  const diagnostic = (event.raw as RawLine).diagnostic
  if (str(diagnostic?.severity) !== 'error' && event.level !== 'error') return undefined
  const summary = str(diagnostic?.summary) ?? event.message.replace(/^Error: /, '')
  const detail = str(diagnostic?.detail)?.split('\n').find((l) => l.trim())?.trim()
  const file = str(diagnostic?.range?.filename)
  const where = event.resource ? ` (${event.resource})` : file ? ` (${file}:${String(diagnostic?.range?.start?.line ?? '?')})` : ''
  return `${summary}${detail ? `: ${detail}` : ''}${where}`
}

/** Full text of an error diagnostic (summary and whole detail), which the retry table matches. */
export function errorDiagnosticText(event: TerraformEvent): string | undefined {
  if (describeErrorDiagnostic(event) === undefined) return undefined
  const diagnostic = (event.raw as RawLine).diagnostic
  return [str(diagnostic?.summary), str(diagnostic?.detail)].filter(Boolean).join('\n')
}

/** The first `Error: …` of terraform's human output (stderr of init, output), with the line after it. */
export function firstErrorInText(lines: readonly string[]): string | undefined {
  // Human output frames diagnostics with box-drawing characters ("│ Error: …").
  const clean = lines.map((l) => l.replace(/^[\s│╷╵]+/, '').trim())
  const index = clean.findIndex((l) => l.startsWith('Error: '))
  if (index < 0) return undefined
  const next = clean.slice(index + 1).find((l) => l !== '')
  const summary = clean[index]!.slice('Error: '.length)
  return next && !next.startsWith('Error: ') ? `${summary}: ${next}` : summary
}
