// `plh janitor --target aws`: lists (default) or deletes AWS resources tagged plh:run-id whose run
// is finished, across the accounts and regions of the run configuration.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { InputError } from '../core/errors.js'
import { defaultRunConfigFile } from '../core/run-config.js'
import { loadRunConfig } from '../run/load-run-config.js'
import { runIsAlive, stateDir } from '../run/run-registry.js'
import { AwsClients } from '../targets/aws/aws-clients.js'
import { formatJanitorReport } from '../targets/aws/janitor/format-janitor-report.js'
import { parseDuration } from '../targets/aws/janitor/plan-janitor.js'
import { runJanitor } from '../targets/aws/janitor/run-janitor.js'
import { projectRoot } from './project-root.js'

/** Tags of the runs alive on this machine (the run registry). */
async function aliveRunTags(): Promise<Set<string>> {
  const files = await readdir(join(stateDir(), 'runs')).catch(() => [] as string[])
  const tags = files.filter((f) => /^[0-9a-f]{6}\.json$/.test(f)).map((f) => f.slice(0, 6))
  const alive = await Promise.all(tags.map(async (tag) => ((await runIsAlive(tag)) ? tag : undefined)))
  return new Set(alive.filter((t): t is string => t !== undefined))
}

export async function run(options: Record<string, unknown>): Promise<number> {
  if (options.target !== 'aws') throw new InputError('plh janitor', '--target', 'only the aws target has a janitor (the local target has `plh cleanup`)')
  let olderThanMs: number | undefined
  if (options.olderThan !== undefined) {
    olderThanMs = parseDuration(String(options.olderThan))
    if (olderThanMs === undefined) throw new InputError('plh janitor', '--older-than', `expected a duration such as 90m, 12h, 2d or 1w, got "${options.olderThan}"`)
  }
  const configFile = options.config as string | undefined
  const config = await loadRunConfig(projectRoot(), configFile)
  if (!config) throw new InputError(defaultRunConfigFile, '(root)', 'the janitor needs the run configuration (accounts and regions): create plh.config.json or pass --config FILE')
  const clients = new AwsClients({ config })
  try {
    const report = await runJanitor({
      clients,
      configFile: configFile ?? defaultRunConfigFile,
      delete: Boolean(options.delete),
      aliveTags: await aliveRunTags(),
      ...(olderThanMs !== undefined ? { olderThanMs } : {}),
    })
    const { stdout, stderr, exitCode } = formatJanitorReport(report, { delete: Boolean(options.delete) })
    process.stdout.write(stdout)
    if (stderr) process.stderr.write(stderr)
    return exitCode
  } finally {
    clients.destroy()
  }
}
