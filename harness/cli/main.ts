// The `plh` command line: a declarative table of commands, each a lazily imported module with
// `run(options)`. Only this file turns errors into exit codes (DESIGN.md "Exit codes").
import { Command, Option } from 'commander'
import { exitCodeFor, HarnessError } from '../core/errors.js'

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('plh')
    .description('End-to-end connectivity tests for AWS PrivateLink topologies, on AWS or on a local emulator')
    .exitOverride()
    .showHelpAfterError()
  let exitCode = 0
  const action =
    (load: () => Promise<{ run(options: Record<string, unknown>, args: string[]): Promise<number> }>) =>
    async (...args: unknown[]): Promise<void> => {
      const command = args[args.length - 1] as Command
      const module = await load()
      exitCode = await module.run(command.opts(), command.args)
    }

  program
    .command('run')
    .description('apply each scenario\'s fixture, probe it, assert, tear down, write reports')
    .option('-s, --scenario <name...>', 'only these scenarios (default: every scenario for the target)')
    .addOption(new Option('-t, --target <target>', 'where to run').choices(['local', 'aws']).default('local'))
    .option('-r, --report-dir <dir>', 'reports go to DIR/<run-id>/ and DIR/latest points there', 'reports')
    .option('-n, --samples <n>', 'override every probe step\'s sample count', (v) => Number(v))
    .option('-c, --concurrency <n>', 'scenarios run at once (vitest workers)', (v) => Number(v), 2)
    .option('--keep', 'leave the topology up after probing (local: until Ctrl-C) and write DIR/local-target.json')
    .option('-q, --quiet', 'only the summary')
    .addHelpText('after', '\nExamples:\n  plh run                                  # the nightly suite on the local target\n  plh run -s same-region-cross-account -n 50\n  plh run --keep -s same-region-cross-account   # poke at it with any AWS client\n')
    .action(action(() => import('./run-command.js')))

  program
    .command('list')
    .description('fixtures and scenarios, what each proves and which targets run it')
    .option('--json', 'machine-readable')
    .addHelpText('after', '\nExample:\n  plh list\n')
    .action(action(() => import('./list-command.js')))

  program
    .command('validate')
    .description('check scenarios and fixtures (HCL against manifest and contract) without applying anything')
    .addHelpText('after', '\nExample:\n  plh validate\n')
    .action(action(() => import('./validate-command.js')))

  program
    .command('cleanup')
    .description('remove namespaces and processes left by runs that died; never touches a live run')
    .option('--dry-run', 'only list what would be removed')
    .addHelpText('after', '\nExample:\n  plh cleanup --dry-run\n')
    .action(action(() => import('./cleanup-command.js')))

  program
    .command('doctor')
    .description('check what the targets need on this machine and say what to install')
    .addHelpText('after', '\nExample:\n  plh doctor\n')
    .action(action(() => import('./doctor-command.js')))

  try {
    await program.parseAsync(argv, { from: 'user' })
    return exitCode
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return 0
    if (typeof code === 'string' && code.startsWith('commander.')) return 2
    const message = error instanceof HarnessError ? error.message : `unexpected error: ${(error as Error).stack ?? String(error)}`
    process.stderr.write(`plh: ${message.split('\n')[0]}\n`)
    if (!(error instanceof HarnessError) && process.env.PLH_DEBUG) process.stderr.write(`${(error as Error).stack}\n`)
    return exitCodeFor(error)
  }
}
