// Teardown under faults, end to end on the local target: a real `plh run` (real namespaces, nft,
// socket agents, vitest workers) gets SIGINT, SIGTERM, SIGHUP or SIGQUIT at each phase (apply,
// wait, probe, destroy), a double SIGINT, a SIGKILL of a worker, a SIGKILL of its whole process
// group followed by `plh cleanup` or by the next `plh run`, a SIGKILL of the wrapper that started
// it, and a closed terminal (a tmux session killed under a live display); after each, nothing of
// that run may remain: no `plh-<tag>-` namespace, no /etc/netns entry, no nftables table, no
// process, no journal entry. Prints how many injected faults left nothing, as one JSON line (also
// written to test-output/teardown-faults.json).
//
// Each run gets its own state directory, so this file only ever looks at its own runs' tags and
// `plh cleanup --run <tag>` touches nothing else on the machine.
import { execa, type ResultPromise } from 'execa'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, describe, expect, it } from 'vitest'
import { parseJournal, pendingResources, type JournalLine } from '../harness/run/run-journal.js'

const repo = resolve(import.meta.dirname, '..')
const isRoot = process.getuid?.() === 0
if (!isRoot) console.warn('teardown-faults e2e: skipped — the local target needs root (network namespaces, nftables)')

type Phase = 'apply' | 'wait' | 'probe' | 'destroy'
const tally: Array<{ fault: string; clean: boolean }> = []
const temps: string[] = []
const tmuxSockets: string[] = []

afterAll(async () => {
  for (const socket of tmuxSockets) await execa('tmux', ['-L', socket, 'kill-server'], { reject: false })
  for (const t of temps) await rm(t, { recursive: true, force: true })
  if (tally.length === 0) return
  const line = JSON.stringify({ faults: tally.length, clean: tally.filter((t) => t.clean).length, dirty: tally.filter((t) => !t.clean).map((t) => t.fault) })
  console.log(line)
  await mkdir(join(repo, 'test-output'), { recursive: true })
  await writeFile(join(repo, 'test-output', 'teardown-faults.json'), line + '\n')
})

interface LiveRun {
  child: ResultPromise
  stateDir: string
  tag: string
  /** every process the journal recorded while the run was up: pid → command line */
  processes: Map<number, string>
  /** what the run printed so far (stdout and stderr) */
  output(): string
}

/** A run started by something else (a wrapper, a terminal): only its state dir and files tell about it. */
interface ForeignRun {
  stateDir: string
  reports: string
  tag: string
  /** the `plh run` process, from the run registry */
  pid: number
  processes: Map<number, string>
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(50)
  }
}

async function journalLines(stateDir: string, tag: string): Promise<JournalLine[]> {
  return parseJournal(await readFile(join(stateDir, 'journal', `${tag}.jsonl`), 'utf8').catch(() => ''))
}

async function tempDirs(): Promise<{ stateDir: string; reports: string }> {
  const stateDir = await mkdtemp(join(tmpdir(), 'plh-faults-state-'))
  const reports = await mkdtemp(join(tmpdir(), 'plh-faults-reports-'))
  temps.push(stateDir, reports)
  return { stateDir, reports }
}

/** The tag of a run registered under `stateDir` that is not one of `known` (a dead run's file stays until it is reclaimed). */
async function registeredTag(stateDir: string, known: string[] = []): Promise<string | undefined> {
  const runs = await readdir(join(stateDir, 'runs')).catch(() => [] as string[])
  return runs.find((f) => /^[0-9a-f]{6}\.json$/.test(f) && !known.includes(f.slice(0, 6)))?.slice(0, 6)
}

/** Starts `plh run` in its own process group (like a terminal job) and waits until it has a tag. */
async function startRun(pauseAt?: Exclude<Phase, 'apply'>, reuse?: { stateDir: string; known: string[] }): Promise<LiveRun> {
  const { stateDir, reports } = reuse ? { stateDir: reuse.stateDir, reports: (await tempDirs()).reports } : await tempDirs()
  const child = execa('node', [join(repo, 'bin/plh.mjs'), 'run', '-s', 'same-region-cross-account', '-n', '3', '--report-dir', reports], {
    cwd: repo,
    reject: false,
    detached: true,
    all: true,
    env: { CI: '1', PLH_STATE_DIR: stateDir, ...(pauseAt ? { PLH_TEST_PAUSE_AT: pauseAt } : {}) },
    timeout: 240_000,
  })
  let printed = ''
  child.all?.on('data', (chunk: Buffer) => (printed += chunk.toString()))
  const tag = await until('the run to register', async () => {
    if (child.exitCode !== null) throw new Error(`plh run ended before registering: ${(await child).all}`)
    return registeredTag(stateDir, reuse?.known)
  })
  return { child, stateDir, tag, processes: new Map(), output: () => printed }
}

/** The shell command that starts `plh run` paused at probe, for a wrapper or a terminal to run. */
function plhRunCommand(stateDir: string, reports: string): string {
  return `env -u CI PLH_STATE_DIR=${stateDir} PLH_TEST_PAUSE_AT=probe node ${join(repo, 'bin/plh.mjs')} run -s same-region-cross-account -n 3 --report-dir ${reports}`
}

/** Waits for the run that something else started under `stateDir` to register; its pid comes from the registry. */
async function foreignRun(stateDir: string, reports: string): Promise<ForeignRun> {
  return until(
    'the run to register',
    async () => {
      const tag = await registeredTag(stateDir)
      const text = tag ? await readFile(join(stateDir, 'runs', `${tag}.json`), 'utf8').catch(() => '') : ''
      if (!tag || !text) return undefined
      return { stateDir, reports, tag, pid: (JSON.parse(text) as { pid: number }).pid, processes: new Map<number, string>() }
    },
    180_000,
  )
}

/** The messages of the run's run.log (where a run says what happened once its console is gone). */
async function runLogMessages(run: ForeignRun): Promise<string> {
  const dirs = (await readdir(run.reports).catch(() => [] as string[])).filter((d) => d.endsWith(`-${run.tag}`))
  const text = dirs.length ? await readFile(join(run.reports, dirs[0]!, 'run.log'), 'utf8').catch(() => '') : ''
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => String((JSON.parse(line) as { msg?: string }).msg ?? ''))
    .join('\n')
}

async function exited(pid: number, timeoutMs = 180_000): Promise<void> {
  await until(`pid ${pid} to exit`, async () => ((await cmdlineOf(pid)) === undefined ? true : undefined), timeoutMs)
}

function tmux(socket: string, args: string[]) {
  return execa('tmux', ['-L', socket, ...args], { reject: false })
}

/** Waits until `run` is in `phase`: for apply, the journal lists a namespace; else the test pause marker exists. */
async function reachPhase(run: LiveRun | ForeignRun, phase: Phase): Promise<void> {
  await until(`phase ${phase}`, async () => {
    if ('child' in run && run.child.exitCode !== null) throw new Error(`plh run ended before ${phase}: ${(await run.child).all}`)
    if ('pid' in run && (await cmdlineOf(run.pid)) === undefined) throw new Error(`plh run (pid ${run.pid}) ended before ${phase}`)
    if (phase === 'apply') return (await journalLines(run.stateDir, run.tag)).some((l) => l.kind === 'namespace') ? true : undefined
    return (await readdir(join(run.stateDir, 'paused')).catch(() => [] as string[])).includes(`${run.tag}-${phase}`) ? true : undefined
  })
  await noteProcesses(run)
}

async function noteProcesses(run: LiveRun | ForeignRun): Promise<void> {
  for (const line of await journalLines(run.stateDir, run.tag)) if (line.pid && line.cmdline) run.processes.set(line.pid, line.cmdline)
  run.processes.set('child' in run ? run.child.pid! : run.pid, 'plh run (main)')
}

async function cmdlineOf(pid: number): Promise<string | undefined> {
  const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined)
  return raw ? raw.replace(/\0+$/, '').replaceAll('\0', ' ') : undefined
}

/** Processes whose environment says they belong to run `tag` (vitest workers carry PLH_RUN_TAG). */
async function processesWithRunTag(tag: string): Promise<number[]> {
  const found: number[] = []
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    const environ = await readFile(`/proc/${entry}/environ`, 'utf8').catch(() => '')
    if (environ.split('\0').includes(`PLH_RUN_TAG=${tag}`)) found.push(Number(entry))
  }
  return found
}

/** Everything of run `tag` still on the machine, one line each; [] when nothing is left. */
async function leftovers(run: LiveRun | ForeignRun): Promise<string[]> {
  const { tag } = run
  const left: string[] = []
  const namespaces = (await execa('ip', ['netns', 'list'])).stdout.split('\n').map((l) => l.split(' ')[0]!)
  left.push(...namespaces.filter((n) => n.startsWith(`plh-${tag}-`)).map((n) => `namespace ${n}`))
  left.push(...(await readdir('/etc/netns').catch(() => [] as string[])).filter((e) => e.startsWith(`plh-${tag}-`)).map((e) => `/etc/netns/${e}`))
  // the run's tables live inside its namespaces (gone with them); none may sit in the host namespace
  left.push(...(await execa('nft', ['list', 'tables'])).stdout.split('\n').filter((l) => l.includes(`plh_${tag}`)).map((l) => `host nft ${l}`))
  // processes: give the kernel a moment to reap what was just killed
  let procs: string[] = []
  for (let i = 0; i < 40; i++) {
    procs = []
    for (const [pid, cmdline] of run.processes) {
      const now = await cmdlineOf(pid)
      if (now !== undefined && (cmdline === 'plh run (main)' ? now.includes('plh.mjs run') : now === cmdline)) procs.push(`process ${pid} ${now}`)
    }
    const pgrep = await execa('pgrep', ['-f', tag], { reject: false })
    procs.push(...pgrep.stdout.split('\n').filter(Boolean).map((pid) => `pgrep -f ${tag}: ${pid}`))
    procs.push(...(await processesWithRunTag(tag)).map((pid) => `process ${pid} with PLH_RUN_TAG=${tag}`))
    if (procs.length === 0) break
    await sleep(100)
  }
  left.push(...procs)
  left.push(...pendingResources(await journalLines(run.stateDir, tag)).map((r) => `journal entry ${r.kind} ${r.id}`))
  return left
}

async function expectNothingLeft(fault: string, run: LiveRun | ForeignRun): Promise<void> {
  const left = await leftovers(run)
  tally.push({ fault, clean: left.length === 0 })
  expect(left, fault).toEqual([])
}

describe.skipIf(!isRoot)('teardown under faults (plh run, local target)', () => {
  const phases: Phase[] = ['apply', 'wait', 'probe', 'destroy']

  for (const phase of phases) {
    it(`SIGINT to the process group during ${phase} (Ctrl-C): exits 130 and leaves nothing`, async () => {
      const run = await startRun(phase === 'apply' ? undefined : phase)
      await reachPhase(run, phase)
      process.kill(-run.child.pid!, 'SIGINT')
      const result = await run.child
      expect(result.exitCode, String(result.all)).toBe(130)
      expect(result.all).toMatch(/stopped \(SIGINT\): torn down, nothing left/)
      await expectNothingLeft(`SIGINT during ${phase}`, run)
    }, 240_000)
  }

  for (const phase of phases) {
    it(`SIGTERM to the plh process alone during ${phase}: exits 143 and leaves nothing`, async () => {
      const run = await startRun(phase === 'apply' ? undefined : phase)
      await reachPhase(run, phase)
      process.kill(run.child.pid!, 'SIGTERM')
      const result = await run.child
      expect(result.exitCode, String(result.all)).toBe(143)
      expect(result.all).toMatch(/stopped \(SIGTERM\): torn down, nothing left/)
      await expectNothingLeft(`SIGTERM during ${phase}`, run)
    }, 240_000)
  }

  for (const phase of phases) {
    it(`SIGHUP to the process group during ${phase} (a closed terminal): exits 129 and leaves nothing`, async () => {
      const run = await startRun(phase === 'apply' ? undefined : phase)
      await reachPhase(run, phase)
      process.kill(-run.child.pid!, 'SIGHUP')
      // a hang-up comes more than once (the kernel, then the shell): the second must not cut the teardown short
      await sleep(50)
      process.kill(-run.child.pid!, 'SIGHUP')
      const result = await run.child
      expect(result.exitCode, String(result.all)).toBe(129)
      expect(result.all).toMatch(/stopped \(SIGHUP\): torn down, nothing left/)
      expect(result.all).not.toMatch(/not waiting/)
      await expectNothingLeft(`SIGHUP during ${phase}`, run)
    }, 240_000)
  }

  for (const phase of phases) {
    it(`SIGQUIT to the process group during ${phase} (Ctrl-\\): exits 131 and leaves nothing`, async () => {
      const run = await startRun(phase === 'apply' ? undefined : phase)
      await reachPhase(run, phase)
      process.kill(-run.child.pid!, 'SIGQUIT')
      const result = await run.child
      expect(result.exitCode, String(result.all)).toBe(131)
      expect(result.all).toMatch(/stopped \(SIGQUIT\): torn down, nothing left/)
      await expectNothingLeft(`SIGQUIT during ${phase}`, run)
    }, 240_000)
  }

  it('a closed terminal: the tmux session showing the live display is killed during probe; the run tears down and leaves nothing', async () => {
    expect((await execa('tmux', ['-V'], { reject: false })).exitCode, 'tmux is missing: scripts/install.sh installs it').toBe(0)
    const { stateDir, reports } = await tempDirs()
    const socket = `plh-faults-${process.pid}`
    tmuxSockets.push(socket)
    expect((await tmux(socket, ['new-session', '-d', '-s', 'run', '-x', '140', '-y', '40', 'bash --norc --noprofile'])).exitCode).toBe(0)
    await tmux(socket, ['send-keys', '-t', 'run', plhRunCommand(stateDir, reports), 'Enter'])
    const run = await foreignRun(stateDir, reports)
    await reachPhase(run, 'probe')
    // the live display (a terminal, no CI) is on screen: this is what must not crash on a closed terminal
    await until('the live display to show the finished phases', async () => ((await tmux(socket, ['capture-pane', '-p', '-t', 'run'])).stdout.includes('✔ wait ready') ? true : undefined), 30_000)
    expect((await tmux(socket, ['kill-session', '-t', 'run'])).exitCode).toBe(0)
    await exited(run.pid)
    const said = await runLogMessages(run)
    expect(said).toMatch(/SIGHUP: stopping run/)
    expect(said).toMatch(/stopped \(SIGHUP\): torn down, nothing left/)
    expect(said).not.toMatch(/unhandled error|a vitest worker died|not waiting/)
    await expectNothingLeft('tmux session killed during probe (closed terminal)', run)
  }, 300_000)

  it('the wrapper that started plh run is killed with SIGKILL during probe (its process group lives on): the run stops as on a hang-up and leaves nothing', async () => {
    const { stateDir, reports } = await tempDirs()
    const out = join(reports, 'wrapper.out')
    // a script that started plh run and waits for it, killed alone: no signal reaches plh run
    const wrapper = execa('bash', ['-c', `${plhRunCommand(stateDir, reports)} >${out} 2>&1 & wait`], { detached: true, reject: false })
    const run = await foreignRun(stateDir, reports)
    await reachPhase(run, 'probe')
    process.kill(wrapper.pid!, 'SIGKILL')
    await wrapper
    await exited(run.pid)
    const printed = await readFile(out, 'utf8')
    expect(printed).toMatch(/\(pid \d+\) exited: taken as a hang-up/)
    expect(printed).toMatch(/stopped \(parent exited\): torn down, nothing left/)
    await expectNothingLeft('wrapper SIGKILL during probe (orphaned run)', run)
  }, 300_000)

  it('SIGKILL of the whole process group during probe, then the next `plh run` removes what it left before it starts', async () => {
    const dead = await startRun('probe')
    await reachPhase(dead, 'probe')
    process.kill(-dead.child.pid!, 'SIGKILL')
    await dead.child
    expect((await execa('ip', ['netns', 'list'])).stdout).toContain(`plh-${dead.tag}-`)
    const next = await startRun('probe', { stateDir: dead.stateDir, known: [dead.tag] })
    await until('the next run to say what it reclaimed', async () => (next.output().includes(`dead run(s) left (${dead.tag})`) ? true : undefined), 180_000)
    expect(next.output()).toMatch(new RegExp(`removed what 1 dead run\\(s\\) left \\(${dead.tag}\\): \\d+ journaled resource\\(s\\) \\([^)]*\\d+ namespace`))
    await expectNothingLeft('SIGKILL of the process group during probe, then the next plh run', dead)
    await noteProcesses(next)
    process.kill(next.child.pid!, 'SIGINT')
    const result = await next.child
    expect(result.exitCode, String(result.all)).toBe(130)
    await expectNothingLeft('the next plh run, stopped by SIGINT', next)
  }, 300_000)

  it('a second SIGINT stops waiting for a hung worker and still removes what the journal lists', async () => {
    const run = await startRun('probe')
    await reachPhase(run, 'probe')
    // a worker that cannot tear down (stopped): the first SIGINT waits for it
    const worker = pendingResources(await journalLines(run.stateDir, run.tag)).find((r) => r.id.startsWith('worker:'))
    expect(worker?.pid, 'the worker is in the journal').toBeGreaterThan(0)
    process.kill(worker!.pid!, 'SIGSTOP')
    process.kill(run.child.pid!, 'SIGINT')
    await until('the first SIGINT to be taken', async () => (run.output().includes('SIGINT: stopping run') ? true : undefined), 30_000)
    await sleep(1000)
    expect(run.child.exitCode, 'still waiting for the stopped worker').toBeNull()
    process.kill(run.child.pid!, 'SIGINT')
    const result = await run.child
    expect(result.exitCode, String(result.all)).toBe(130)
    expect(result.all).toMatch(/SIGINT again: not waiting/)
    expect(result.all).toMatch(/stopped \(SIGINT\): torn down, nothing left/)
    await expectNothingLeft('second SIGINT with a hung worker', run)
  }, 240_000)

  it('a vitest worker killed during probe: plh run tears its fixture down from the journal and exits 3', async () => {
    const run = await startRun('probe')
    await reachPhase(run, 'probe')
    const worker = pendingResources(await journalLines(run.stateDir, run.tag)).find((r) => r.id.startsWith('worker:'))
    expect(worker?.pid, 'the worker is in the journal').toBeGreaterThan(0)
    process.kill(worker!.pid!, 'SIGKILL')
    const result = await run.child
    expect(result.exitCode, String(result.all)).toBe(3)
    await expectNothingLeft('worker SIGKILL during probe', run)
  }, 240_000)

  it('SIGKILL of the whole process group during probe, then `plh cleanup`, leaves nothing', async () => {
    const run = await startRun('probe')
    await reachPhase(run, 'probe')
    process.kill(-run.child.pid!, 'SIGKILL')
    const killed = await run.child
    expect(killed.signal).toBe('SIGKILL')
    // the dead run's namespaces are still there: only the journal knows all of what it made
    expect((await execa('ip', ['netns', 'list'])).stdout).toContain(`plh-${run.tag}-`)
    const cleanup = await execa('node', [join(repo, 'bin/plh.mjs'), 'cleanup', '--run', run.tag], { cwd: repo, reject: false, all: true, env: { PLH_STATE_DIR: run.stateDir } })
    expect(cleanup.exitCode, String(cleanup.all)).toBe(0)
    expect(cleanup.all).toMatch(/removed \d+ journaled resource\(s\)/)
    expect(cleanup.all).toContain(`${run.tag}: namespace plh-${run.tag}-`)
    await expectNothingLeft('SIGKILL of the process group during probe, then plh cleanup', run)
  }, 240_000)
})
