// `plh doctor [--target local|aws] [--config FILE]`: what this machine (and, for aws, the
// account credentials) lacks for a target, one line per check with what to fix.
import { HarnessError } from '../core/errors.js'
import { defaultRunConfigFile } from '../core/run-config.js'
import { loadRunConfig } from '../run/load-run-config.js'
import { nodeSupportCheck } from '../run/node-support-notice.js'
import { awsPrerequisiteChecks, terraformVersionCheck } from '../targets/aws/check-aws-prerequisites.js'
import { localPrerequisiteChecks, type PrerequisiteCheck } from '../targets/local/check-prerequisites.js'
import { projectRoot } from './project-root.js'

/** One line per check: `ok` or `FAIL`, what was found, and for a failure what to do. */
export function formatChecks(checks: readonly PrerequisiteCheck[]): string {
  return checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}${c.ok || !c.fix ? '' : `\n     fix: ${c.fix}`}\n`).join('')
}

export async function run(options: Record<string, unknown> = {}): Promise<number> {
  const target = (options.target as string | undefined) ?? 'local'
  let checks: PrerequisiteCheck[]
  let badInput = false
  if (target === 'aws') {
    const file = options.config as string | undefined
    const config = await loadRunConfig(projectRoot(), file).catch((error: unknown) => {
      if (!(error instanceof HarnessError)) throw error
      badInput = true
      return error
    })
    if (config === undefined) badInput = true
    checks = await awsPrerequisiteChecks(config, file ?? defaultRunConfigFile)
  } else {
    const terraform = await terraformVersionCheck()
    checks = [...(await localPrerequisiteChecks()), { ...terraform, name: `${terraform.name} (aws target, plh validate)` }]
  }
  checks.unshift(nodeSupportCheck(process.version))
  process.stdout.write(`plh doctor: ${target} target\n${formatChecks(checks)}`)
  if (checks.every((c) => c.ok)) return 0
  return badInput ? 2 : 3
}
