// The port between the local SSM endpoint and whatever plays the managed instances: the emulator
// (one network namespace per instance) in real runs, a plain local shell in the interop test.

/** One managed instance as the endpoint sees it. */
export interface RegisteredInstance {
  instanceId: string
  /** epoch ms when the instance's "agent" started; it shows up in SSM `registrationDelayMs` later */
  registeredAt: number
  computerName?: string
  ipAddress?: string
}

/** What running one script on one instance produced. */
export interface ExecResult {
  stdout: string
  stderr: string
  /** the script's exit status; meaningless when `timedOut` */
  exitCode: number
  /** the script ran past its execution timeout and was killed */
  timedOut: boolean
}

/** How long a script may run, and when to give up on it. */
export interface ExecOptions {
  /** the document's `executionTimeout`: kill the script after this many seconds */
  timeoutSeconds: number
  /** aborted when the endpoint closes: kill the script */
  signal: AbortSignal
}

/** The instances the endpoint serves and how a script runs on one of them. */
export interface InstanceRegistry {
  list(): RegisteredInstance[]
  exec(instanceId: string, script: string, opts: ExecOptions): Promise<ExecResult>
}
