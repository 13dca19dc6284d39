// `plh serve`: the local AWS API on its own, with the emulated data plane behind it, for a person
// trying a fixture by hand (`terraform apply`, `aws ec2 describe-vpc-endpoints`, SSM Run Command
// into the emulated instances). Prints the environment to use; Ctrl-C (or SIGTERM/SIGHUP/SIGQUIT) tears
// the data plane down and removes the config files. Registered and journaled like a run, so
// `plh cleanup` finds what a killed `plh serve` left.
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { createRunId } from '../run/create-run-id.js'
import { RunJournal, dropJournalIfEmpty } from '../run/run-journal.js'
import { reclaimDeadRuns } from '../run/reclaim-dead-runs.js'
import { registerRun, stateDir } from '../run/run-registry.js'
import { RUN_SIGNALS } from '../run/signal-policy.js'
import { startLocalAwsWithDataPlane } from '../targets/local/start-local-aws-with-data-plane.js'

/** `--account name=id`, repeated; default the shipped fixtures' producer and consumer. */
function parseAccounts(values: string[] | undefined): Array<{ name: string; id: string }> {
  if (!values || values.length === 0) return [{ name: 'producer', id: '111111111111' }, { name: 'consumer', id: '222222222222' }]
  return values.map((v) => {
    const match = /^([a-z][a-z0-9_]{0,30})=(\d{12})$/.exec(v)
    if (!match) throw Object.assign(new Error(`--account: expected NAME=ACCOUNT_ID (a 12-digit id), got "${v}"`), { exitCode: 2 })
    return { name: match[1]!, id: match[2]! }
  })
}

/** Lines a shell can `eval`, and what they are for. */
export function formatServeEnvironment(env: Record<string, string>, accounts: Array<{ name: string }>): string {
  const lines = Object.entries(env).map(([k, v]) => `export ${k}=${v}`)
  return [
    '# the local AWS API is up; in another shell:',
    ...lines,
    `# profiles: ${accounts.map((a) => a.name).join(', ')} (terraform: the fixtures' <account>_profile variables; aws cli: --profile NAME)`,
    '# Ctrl-C here tears everything down.',
    '',
  ].join('\n')
}

export async function run(options: Record<string, unknown>): Promise<number> {
  let accounts
  try {
    accounts = parseAccounts(options.account as string[] | undefined)
  } catch (error) {
    process.stderr.write(`plh: ${(error as Error).message}\n`)
    return 2
  }
  if (options.region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(options.region as string)) {
    process.stderr.write(`plh: --region: an AWS region such as us-east-1, got "${options.region as string}"\n`)
    return 2
  }
  const { runId, tag } = createRunId()
  const dir = join(stateDir(), 'serve', tag)
  await mkdir(dir, { recursive: true })
  const journal = new RunJournal(tag)
  await journal.record({ kind: 'dir', id: dir, path: dir })
  const unregister = await registerRun(tag, runId)
  await reclaimDeadRuns((line) => process.stderr.write(`plh: ${line}\n`))
  const { local, close } = await startLocalAwsWithDataPlane({ accounts, dir, tag, journal, ...(options.region ? { region: options.region as string } : {}) })
  process.stdout.write(formatServeEnvironment(local.env, accounts))

  // `on`, not `once`: a hang-up arrives twice (kernel and shell), and a second one must not
  // kill the process in the middle of its teardown
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    for (const s of RUN_SIGNALS) process.on(s, () => resolve(s))
  })
  process.stderr.write(`plh serve: ${signal}: tearing down\n`)
  const left = await close()
  await rm(dir, { recursive: true, force: true })
  await journal.forget({ kind: 'dir', id: dir })
  await dropJournalIfEmpty(tag)
  await unregister()
  if (left.length > 0) {
    process.stderr.write(`plh serve: namespaces left behind: ${left.join(', ')}; \`plh cleanup\` removes them\n`)
    return 4
  }
  return 0
}
