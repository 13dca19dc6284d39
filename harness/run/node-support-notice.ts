// The AWS SDK for JavaScript v3 warns on Node 20 with a multi-line process warning of its own,
// once per process: `plh run` would print it once per vitest worker, before anything else. plh
// turns the SDK's copy off (its documented switch) and says the same thing once, in its own words.

/**
 * What the installed SDK says (@aws-sdk/core, `emitWarningIfUnsupportedVersion` in
 * dist-cjs/submodules/client/index.js): "versions published after the first week of January 2027
 * will require node >=22". node-support-notice.test.ts reads that message from node_modules, so a
 * new SDK that says something else fails the test instead of leaving this text wrong.
 */
export const sdkNodeSupport = { nextMajor: 22, requiredAfter: 'the first week of January 2027' } as const

/** The SDK's own switch for its warning (read in @aws-sdk/core's emitWarningIfUnsupportedVersion). */
export const sdkWarningSwitch = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'

/** Turns the SDK's warning off in this process and in every process it starts (vitest's workers inherit it). */
export function silenceSdkNodeWarning(env: NodeJS.ProcessEnv = process.env): void {
  env[sdkWarningSwitch] = 'true'
}

/** The major version of a `process.version` string ("v20.20.2" → 20); NaN when it is not one. */
function majorOf(version: string): number {
  return Number(/^v?(\d+)\./.exec(version)?.[1] ?? Number.NaN)
}

/**
 * plh's one-line notice for `nodeVersion`, or null when that Node is new enough for the SDK's
 * coming releases. It says when Node 22 becomes necessary and where the README explains the move.
 */
export function formatNodeSupportNotice(nodeVersion: string): string | null {
  const major = majorOf(nodeVersion)
  if (!(major < sdkNodeSupport.nextMajor)) return null
  return (
    `plh: note: Node ${nodeVersion} runs this checkout, whose AWS SDK versions are pinned to ones that support Node ${major}; ` +
    `SDK releases published after ${sdkNodeSupport.requiredAfter} require Node ${sdkNodeSupport.nextMajor} or newer ` +
    `(README, "Moving to Node ${sdkNodeSupport.nextMajor}")`
  )
}

/** `plh doctor`'s line about Node: always ok (Node 20 runs everything today), with the date when it stops being enough. */
export function nodeSupportCheck(nodeVersion: string): { name: string; ok: true; detail: string } {
  const later = majorOf(nodeVersion) < sdkNodeSupport.nextMajor
  return {
    name: 'node',
    ok: true,
    detail: later
      ? `${nodeVersion}; AWS SDK releases published after ${sdkNodeSupport.requiredAfter} require Node ${sdkNodeSupport.nextMajor} (README, "Moving to Node ${sdkNodeSupport.nextMajor}")`
      : nodeVersion,
  }
}
