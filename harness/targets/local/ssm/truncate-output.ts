// SSM's output limits, which a client must live with: GetCommandInvocation carries the first 24,000
// characters of stdout and 8,000 of stderr; ListCommandInvocations' plugin Output carries 2,500 of
// both together. Constants and markers are those of the SSM Agent
// (github.com/aws/amazon-ssm-agent, agent/framework/processor/executer/iohandler/iohandler.go:
// MaxStdoutLength 24000, MaxStderrLength 8000, MaximumPluginOutputSize 2500,
// truncateOut "\n---Output truncated---", truncateError "\n---Error truncated----").
import { SSM_OUTPUT_TRUNCATED_MARKER, SSM_STDERR_LIMIT, SSM_STDOUT_LIMIT } from '../../../core/ssm-limits.js'

/** characters of stdout GetCommandInvocation carries */
export const STDOUT_LIMIT = SSM_STDOUT_LIMIT
/** characters of stderr GetCommandInvocation carries */
export const STDERR_LIMIT = SSM_STDERR_LIMIT
/** characters of stdout + stderr in ListCommandInvocations' plugin Output */
export const PLUGIN_OUTPUT_LIMIT = 2_500
/** appended to stdout when it was cut; clients detect truncation by it */
export const OUTPUT_TRUNCATED_MARKER = `\n${SSM_OUTPUT_TRUNCATED_MARKER}`
/** appended to stderr when it was cut (the agent's spelling, four dashes at the end) */
export const ERROR_TRUNCATED_MARKER = '\n---Error truncated----'
const ERROR_TITLE = '\n----------ERROR-------\n'

/** StandardOutputContent: the first 24,000 characters, the marker appended when cut. */
export function truncateStdout(stdout: string): string {
  return cutWithMarker(stdout, STDOUT_LIMIT, OUTPUT_TRUNCATED_MARKER)
}

/** StandardErrorContent: the first 8,000 characters, the agent's error marker appended when cut. */
export function truncateStderr(stderr: string): string {
  return cutWithMarker(stderr, STDERR_LIMIT, ERROR_TRUNCATED_MARKER)
}

/** CommandPlugins[].Output of ListCommandInvocations: stdout and stderr in 2,500 characters, as the agent's TruncateOutput builds it. */
export function formatPluginOutput(stdout: string, stderr: string, capacity = PLUGIN_OUTPUT_LIMIT): string {
  const title = stderr.length > 0 ? ERROR_TITLE : ''
  const available = capacity - title.length
  if (stdout.length + stderr.length < available) return stdout + title + stderr
  if (stdout.length > available / 2 && stderr.length > available / 2) {
    const each = Math.floor((available - ERROR_TRUNCATED_MARKER.length - OUTPUT_TRUNCATED_MARKER.length) / 2)
    return headOf(stdout, each) + OUTPUT_TRUNCATED_MARKER + title + headOf(stderr, each) + ERROR_TRUNCATED_MARKER
  }
  if (stdout.length < available / 2) {
    return stdout + title + headOf(stderr, available - ERROR_TRUNCATED_MARKER.length - stdout.length) + ERROR_TRUNCATED_MARKER
  }
  return headOf(stdout, available - OUTPUT_TRUNCATED_MARKER.length - stderr.length) + OUTPUT_TRUNCATED_MARKER + title + stderr
}

function cutWithMarker(text: string, limit: number, marker: string): string {
  return text.length > limit ? headOf(text, limit) + marker : text
}

/** The first `n` UTF-16 units, without splitting a surrogate pair. */
function headOf(text: string, n: number): string {
  if (n <= 0) return ''
  if (text.length <= n) return text
  const last = text.charCodeAt(n - 1)
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, n - 1) : text.slice(0, n)
}
