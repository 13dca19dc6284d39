// Pure helpers of the offline Terraform checks (test/terraform-fixtures.test.ts): the CLI
// configuration that points terraform at a local provider mirror, and the reading of
// `terraform test -json -verbose` output, which carries each run's outputs.
import { formatFieldPath } from '../../harness/core/validate-input.js'
import { harnessOutputSchema } from '../../harness/core/contract.js'

/** A terraform CLI configuration that installs hashicorp/* providers from `mirror` only. */
export function buildMirrorCliConfig(mirror: string): string {
  return ['provider_installation {', '  filesystem_mirror {', `    path    = ${JSON.stringify(mirror)}`, '    include = ["registry.terraform.io/hashicorp/*"]', '  }', '}', ''].join('\n')
}

/** One line of `terraform test -json -verbose`: text for a failure message, or a run's `harness` output. */
export interface TestJsonLine {
  text?: string
  output?: { run: string; harness: unknown }
}

interface TerraformJsonMessage {
  type?: string
  '@level'?: string
  '@message'?: string
  '@testrun'?: string
  diagnostic?: {
    summary?: string
    detail?: string
    range?: { filename?: string; start?: { line?: number } }
    snippet?: { code?: string; values?: { traversal?: string; statement?: string }[] }
  }
  test_state?: { outputs?: Record<string, { value?: unknown }> }
}

/** Reads one line; states become outputs (their provider schemas are dropped), the rest becomes text. */
export function readTestJsonLine(line: string): TestJsonLine {
  let message: TerraformJsonMessage
  try {
    message = JSON.parse(line) as TerraformJsonMessage
  } catch {
    return line.trim() ? { text: line } : {}
  }
  if (message.type === 'test_state') {
    const harness = message.test_state?.outputs?.harness?.value
    return harness === undefined ? {} : { output: { run: message['@testrun'] ?? '?', harness } }
  }
  if (message.type === 'test_plan') return {}
  if (message.type === 'diagnostic' && message.diagnostic) {
    const { summary, detail, range, snippet } = message.diagnostic
    const where = range?.filename ? ` (${range.filename}:${range.start?.line ?? '?'})` : ''
    const lines = [`${message['@level'] ?? 'error'}: ${summary ?? ''}${where}`]
    if (snippet?.code) lines.push(`  ${snippet.code.trim()}`)
    for (const value of snippet?.values ?? []) lines.push(`    ${value.traversal ?? ''} ${value.statement ?? ''}`)
    if (detail) lines.push(`  ${detail.replaceAll('\n', '\n  ')}`)
    return { text: lines.join('\n') }
  }
  return message['@message'] ? { text: message['@message'] } : {}
}

/** Problems of one `harness` output against the contract, one line each (empty: it meets it). */
export function contractProblems(harness: unknown): string[] {
  const result = harnessOutputSchema.safeParse(harness)
  return result.success ? [] : result.error.issues.map((issue) => `${formatFieldPath(issue.path) || '(root)'}: ${issue.message}`)
}
