// The `plh` command line: a declarative table of commands, each a lazily imported module with
// `run(options)`. Only this file turns errors into exit codes (DESIGN.md "Exit codes").
import { Command, Option } from 'commander'
import { exitCodeFor, HarnessError, InputError } from '../core/errors.js'
import { parseShard } from '../run/shard.js'

/** A commander parser for a whole-number option; a bad value is bad input naming the option (exit 2). */
function wholeNumber(option: string, min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value)
    if (!/^\d+$/.test(value) || n < min || n > max) throw new InputError('plh run', option, `must be a whole number from ${min} to ${max}, got "${value}"`)
    return n
  }
}

/** A commander error message as `plh: plh <command>: <option>: <problem> (see --help)`. */
function oneLineCommanderError(text: string, argv: string[]): string {
  const message = text.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')
  const option = /option '(?:-\w, )?(--?[\w-]+)/.exec(message)?.[1] ?? /'(--?[\w-]+)'/.exec(message)?.[1] ?? '(arguments)'
  if (message.startsWith('unknown command')) return `plh: plh: (command): ${message} (see plh --help)\n`
  const command = argv[0] && !argv[0].startsWith('-') ? `plh ${argv[0]}` : 'plh'
  return `plh: ${command}: ${option}: ${message} (see ${command} --help)\n`
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('plh')
    .description('End-to-end connectivity tests for AWS PrivateLink topologies, on AWS or on a local emulator')
    .exitOverride()
    // commander's own errors (unknown option, bad choice, missing value) are bad input too: one line
    // naming the command and the option, like every other (subcommands inherit this setting)
    .configureOutput({ outputError: (text, write) => write(oneLineCommanderError(text, argv)) })
    .addHelpText('after', '\nExamples:\n  plh doctor                                   # what this machine lacks, and how to install it\n  plh list                                     # fixtures, scenarios, comparisons\n  plh run -s same-region-cross-account -n 5    # one scenario on the local emulator\n  plh init scenario my-check --fixture same-region-cross-account\n\nDocs: docs/getting-started.md, docs/reference/scenario.md. Each command: plh <command> --help\n')
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
    .option('--config <file>', 'run configuration for --target aws: accounts, regions, state backend, tags (default: plh.config.json in the project root)')
    .addOption(new Option('--local-engine <engine>', 'local target: terraform applies the fixture against the local AWS API; planner builds it from its variables (default: PLH_LOCAL_ENGINE, else planner)').choices(['planner', 'terraform']))
    .option('-r, --report-dir <dir>', 'reports go to DIR/<run-id>/ and DIR/latest points there', 'reports')
    .option('-n, --samples <n>', 'override every probe step\'s sample count', wholeNumber('--samples', 1, 1000))
    .option('-c, --concurrency <n>', 'scenarios run at once (vitest workers)', wholeNumber('--concurrency', 1, 64), 2)
    .option('--keep', 'leave the topology up after probing (local: until Ctrl-C) and write DIR/local-target.json')
    .option('-q, --quiet', 'only the summary')
    .option('-v, --verbose', 'also every probe batch and terraform event (plain lines)')
    .option('--mask-accounts', 'show account ids as ****1234 in results.json and index.html (for reports read beyond the team)')
    .option('--shard <i/n>', 'run only shard i of n (split by scenario name, the same on every machine); partial reports, no history line: join them with plh report --merge', (v: string) => parseShard(v))
    .addHelpText('after', '\nExamples:\n  plh run                                  # the nightly suite on the local target\n  plh run -s same-region-cross-account -n 50\n  plh run --keep -s same-region-cross-account   # poke at it with any AWS client\n  plh run --shard 2/3                      # this CI machine\'s third of the suite\n')
    .action(action(() => import('./run-command.js')))

  program
    .command('serve')
    .description('the local AWS API on loopback with the emulated data plane behind it, for terraform and any AWS client; prints the environment to use, Ctrl-C tears down')
    .option('--account <name=id...>', 'accounts by profile name and 12-digit id (default: producer=111111111111 consumer=222222222222)')
    .option('--region <region>', 'region written into the profiles (default us-east-1)')
    .addHelpText('after', '\nExample:\n  plh serve            # then, in another shell: eval the export lines; cd terraform/same-region-cross-account; terraform init; terraform apply\n')
    .action(action(() => import('./serve-command.js')))

  program
    .command('list')
    .description('fixtures and scenarios, what each proves and which targets run it')
    .option('--json', 'machine-readable')
    .addHelpText('after', '\nExamples:\n  plh list\n  plh list --json | jq \'.scenarios[] | select(.targets | index("local")) | .name\'   # scenarios the local target runs\n')
    .action(action(() => import('./list-command.js')))

  program
    .command('validate')
    .description('check scenarios and fixtures (HCL against manifest and contract) without applying anything')
    .addHelpText('after', '\nExamples:\n  plh validate                 # exit 0: all good; 2: each problem on stderr, naming the file and the field\n  plh init fixture my-topology && plh validate\n')
    .action(action(() => import('./validate-command.js')))

  program
    .command('cleanup')
    .description('remove namespaces and processes left by runs that died; never touches a live run')
    .option('--dry-run', 'only list what would be removed')
    .option('--run <tag...>', 'only these runs (the 6 hex digits that end a run id)')
    .addHelpText('after', '\nExample:\n  plh cleanup --dry-run\n')
    .action(action(() => import('./cleanup-command.js')))

  program
    .command('doctor')
    .description('check what the targets need on this machine and say what to install')
    .addOption(new Option('-t, --target <target>', 'which target to check').choices(['local', 'aws']).default('local'))
    .option('--config <file>', 'run configuration to check with --target aws (default: plh.config.json in the project root)')
    .addHelpText('after', '\nExamples:\n  plh doctor\n  plh doctor --target aws --config ci/plh.config.json   # terraform, the config, each account\'s credentials\n')
    .action(action(() => import('./doctor-command.js')))

  program
    .command('janitor')
    .description('list (default) or delete AWS resources tagged plh:run-id whose run is finished, across the configured accounts and regions')
    .addOption(new Option('-t, --target <target>', 'whose resources').choices(['aws']).default('aws'))
    .option('--config <file>', 'run configuration: the accounts and regions to scan (default: plh.config.json in the project root)')
    .option('--older-than <duration>', 'only runs that started this long ago (90m, 12h, 2d, 1w); a run alive on this machine past it counts as stuck. Without it, every run not alive on this machine counts as finished')
    .option('--delete', 'delete them (in dependency order, with retries); without it, only list')
    .addHelpText(
      'after',
      '\nExamples:\n  plh janitor --target aws                              # what would be deleted, and why the rest stays\n  plh janitor --target aws --older-than 12h --delete    # nightly safety net on a CI runner\n  plh janitor --target aws --config ci/plh.config.json --older-than 2d\n\nExit codes: 0 nothing left, 3 an account or region could not be listed, 4 something is left after --delete.\n',
    )
    .action(action(() => import('./janitor-command.js')))

  program
    .command('init')
    .description('write a commented scenario that runs as written, or a fixture skeleton that passes `plh validate`; never overwrites')
    .argument('<kind>', 'scenario or fixture')
    .argument('<name>', 'lower-case letters, digits and dashes')
    .option('-f, --fixture <fixture>', 'for a scenario: the fixture it applies (see `plh list`)')
    .addHelpText('after', '\nExamples:\n  plh init scenario my-first-check --fixture same-region-cross-account   # writes scenarios/my-first-check.scenario.ts\n  plh run -s my-first-check\n  plh init fixture my-topology                                           # writes terraform/my-topology/\n  plh validate\n')
    .action(action(() => import('./init-command.js')))

  program
    .command('compare')
    .description('two scenarios\' latency side by side: medians, p95, difference with a bootstrap 95% CI, Mann–Whitney p-value, which is faster')
    .argument('<a>', 'a scenario of the latest run, <run-id>/<scenario>, <results.json>#<scenario>, or a run (its directory or run id)')
    .argument('<b>', 'the same kinds; two runs compare their same-named scenarios')
    .addOption(new Option('--name-kind <kind>', 'which probed names to pool').choices(['regional', 'zonal', 'hostname']).default('regional'))
    .addOption(new Option('--timing <timing>', 'which curl timing (default: the probes\' latency model timing, else time_starttransfer)').choices(['time_starttransfer', 'time_total', 'time_connect']))
    .option('-r, --report-dir <dir>', 'where runs are (DIR/<run-id>/results.json, DIR/latest)', 'reports')
    .option('--json', 'machine-readable')
    .addHelpText(
      'after',
      '\nExamples:\n  plh compare native-cross-region peered-outpost-relay          # two scenarios of the latest run\n  plh compare 20261124T020000-a1b2c3/native-cross-region native-cross-region   # a scenario then and now\n  plh compare reports/20261124T020000-a1b2c3 reports/latest     # every scenario of two runs\n  plh compare ci/results.json#native-cross-region ci/results.json#peered-outpost-relay --timing time_total\n\nExit codes: 0 compared, 2 an argument names nothing.\n',
    )
    .action(action(() => import('./compare-command.js')))

  program
    .command('history')
    .description('trend per scenario over the last runs of DIR/history.jsonl, and regressions of the latest run')
    .option('-r, --report-dir <dir>', 'where history.jsonl is', 'reports')
    .option('--last <n>', 'runs shown per scenario, and the baseline: the previous N runs (default 7)')
    .option('-s, --scenario <name...>', 'only these scenarios')
    .option('--threshold <ratio>', 'flag a p95 above this multiple of the baseline median (and ≥ 5 ms above it) (default 1.5)')
    .option('--json', 'machine-readable')
    .addHelpText(
      'after',
      '\nA regression is a scenario that passed in the run before and did not pass in the latest, or a\nname whose p95 rose above the threshold against the median of the previous N runs.\n\nExamples:\n  plh history\n  plh history --last 14 --threshold 1.3 -s native-cross-region\n\nExit codes: 0 no regression, 1 a regression is flagged, 2 bad option.\n',
    )
    .action(action(() => import('./history-command.js')))

  program
    .command('report')
    .description('join the partial reports of a sharded run (plh run --shard i/n) into one report and one history entry per scenario')
    .option('--merge <dir...>', 'the shards\' run directories (results.json, junit.xml, logs/), or each machine\'s reports folder (its latest or only run)')
    .option('-o, --out <dir>', 'where the merged report goes (default: DIR/<new run-id>, and DIR/latest points there)')
    .option('-r, --report-dir <dir>', 'the reports folder whose history.jsonl gets the merged run', 'reports')
    .option('--allow-missing', 'join the shards given even when some of 1..n are missing')
    .addHelpText(
      'after',
      '\nShards of one run must share the target, the shard count and the git revision; each shard and\neach scenario may appear once.\n\nExamples:\n  plh report --merge shard-1/reports/20261125T020000-a1b2c3 shard-2/reports/20261125T020004-d4e5f6\n  plh report --merge plh-reports-1 plh-reports-2 --report-dir reports   # CI artifacts, one reports folder per machine\n\nExit codes: the merged run\'s (0 passed, 1 an expectation failed, 3 infrastructure error); 2 when\nthe directories are not shards of one run.\n',
    )
    .action(action(() => import('./report-command.js')))

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
    else if (!(error instanceof HarnessError)) process.stderr.write('plh: a bug, not your input: run again with PLH_DEBUG=1 for the stack, and report it with the run.log of reports/<run-id>/\n')
    return exitCodeFor(error)
  }
}
