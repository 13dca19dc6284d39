// SSM's output limits and truncation marker, which the local endpoint reproduces and the probe
// code must live with. Values of the SSM Agent (aws/amazon-ssm-agent, iohandler.go:
// MaxStdoutLength, MaxStderrLength, truncateOut — the agent writes the marker after a newline).

/** characters of stdout GetCommandInvocation carries */
export const SSM_STDOUT_LIMIT = 24_000
/** characters of stderr GetCommandInvocation carries */
export const SSM_STDERR_LIMIT = 8_000
/** what SSM appends (after a newline) to StandardOutputContent when it cut it */
export const SSM_OUTPUT_TRUNCATED_MARKER = '---Output truncated---'
