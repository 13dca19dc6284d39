import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { describe, expect, test } from 'vitest'
import { formatNodeSupportNotice, nodeSupportCheck, sdkNodeSupport, sdkWarningSwitch, silenceSdkNodeWarning } from './node-support-notice.js'

/** The SDK's own warning code, as installed (the client submodule of @aws-sdk/core). */
async function installedSdkWarningSource(): Promise<string> {
  const require = createRequire(import.meta.url)
  return readFile(require.resolve('@aws-sdk/core/client'), 'utf8')
}

describe('formatNodeSupportNotice', () => {
  test('on Node 20: one line saying from when Node 22 is needed and where the README explains the move', () => {
    const notice = formatNodeSupportNotice('v20.20.2')!
    expect(notice).toBe(
      'plh: note: Node v20.20.2 runs this checkout, whose AWS SDK versions are pinned to ones that support Node 20; SDK releases published after the first week of January 2027 require Node 22 or newer (README, "Moving to Node 22")',
    )
    expect(notice).not.toContain('\n')
  })
  test('nothing on Node 22 and later', () => {
    expect(formatNodeSupportNotice('v22.11.0')).toBeNull()
    expect(formatNodeSupportNotice('v24.1.0')).toBeNull()
  })
})

describe('nodeSupportCheck (plh doctor)', () => {
  test('ok on Node 20, with the date after which Node 22 is needed', () => {
    expect(nodeSupportCheck('v20.20.2')).toEqual({ name: 'node', ok: true, detail: 'v20.20.2; AWS SDK releases published after the first week of January 2027 require Node 22 (README, "Moving to Node 22")' })
    expect(nodeSupportCheck('v22.11.0')).toEqual({ name: 'node', ok: true, detail: 'v22.11.0' })
  })
})

describe('what the installed AWS SDK says', () => {
  test('its warning names the same date and Node major as plh does, and honours the switch plh sets', async () => {
    const source = await installedSdkWarningSource()
    expect(source).toContain(`published after ${sdkNodeSupport.requiredAfter}`)
    expect(source).toMatch(new RegExp(`const vv = ${sdkNodeSupport.nextMajor};`))
    expect(source).toContain(`process.env.${sdkWarningSwitch} === "true"`)
  })
  test('silenceSdkNodeWarning sets the switch to the value the SDK checks', () => {
    const env: NodeJS.ProcessEnv = {}
    silenceSdkNodeWarning(env)
    expect(env[sdkWarningSwitch]).toBe('true')
  })
})
