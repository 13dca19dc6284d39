// The run journal's writer and remover against the real file system and real processes: what is
// recorded is read back, removal forgets what is gone, and a pid is only signalled while its
// command line is still the one recorded (a reused pid belongs to someone else). Then, as root,
// cleanup against real namespaces: a live run is never touched whatever state dir it registered
// in, a run's start reclaims only the dead runs its state dir recorded, and two reclaimers never
// work on one dead run at once. Every cleanup here names its own random tags, so nothing else on
// the machine is looked at.
import { execa } from 'execa'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, stat, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanupRuns } from '../harness/run/cleanup-runs.js'
import { reclaimDeadRuns } from '../harness/run/reclaim-dead-runs.js'
import { removeJournaled } from '../harness/run/remove-journaled.js'
import { dropJournalIfEmpty, journalFile, readJournal, RunJournal } from '../harness/run/run-journal.js'
import { registerRun, runIsAlive } from '../harness/run/run-registry.js'

const isRoot = process.getuid?.() === 0
const newTag = (): string => randomBytes(3).toString('hex')
const namespaces = async (): Promise<string[]> => (await execa('ip', ['netns', 'list'])).stdout.split('\n').map((l) => l.split(' ')[0]!)

let state: string
const saved = process.env.PLH_STATE_DIR
beforeAll(async () => {
  state = await mkdtemp(join(tmpdir(), 'plh-journal-'))
  process.env.PLH_STATE_DIR = state
})
afterAll(async () => {
  if (saved === undefined) delete process.env.PLH_STATE_DIR
  else process.env.PLH_STATE_DIR = saved
  await rm(state, { recursive: true, force: true })
})

describe('RunJournal and removeJournaled', () => {
  it('records before, forgets after, scopes by scenario and drops an empty journal', async () => {
    const a = new RunJournal('a1b2c3', 'scenario-a')
    const b = new RunJournal('a1b2c3', 'scenario-b')
    await a.record({ kind: 'dir', id: '/tmp/x-a', path: '/tmp/x-a' })
    await b.record({ kind: 'dir', id: '/tmp/x-b', path: '/tmp/x-b' })
    expect((await a.pending()).map((r) => r.id)).toEqual(['/tmp/x-a'])
    expect((await new RunJournal('a1b2c3').pending()).map((r) => r.id)).toEqual(['/tmp/x-b', '/tmp/x-a'])
    expect(await dropJournalIfEmpty('a1b2c3')).toBe(false)
    await a.forget({ kind: 'dir', id: '/tmp/x-a' })
    await b.forget({ kind: 'dir', id: '/tmp/x-b' })
    expect((await readJournal('a1b2c3')).map((l) => l.op)).toEqual(['create', 'create', 'remove', 'remove'])
    expect(await dropJournalIfEmpty('a1b2c3')).toBe(true)
    await expect(stat(journalFile('a1b2c3'))).rejects.toThrow()
  })

  it('removes files and dirs and kills a recorded process only while its command line matches', async () => {
    const journal = new RunJournal('d4e5f6')
    const dir = join(state, 'work')
    await mkdir(dir)
    await writeFile(join(dir, 'f'), 'x')
    const ours = execa('sleep', ['300'], { reject: false })
    const stranger = execa('sleep', ['301'], { reject: false })
    await journal.record({ kind: 'dir', id: dir, path: dir })
    await journal.record({ kind: 'process', id: 'ours', pid: ours.pid! })
    // the stranger's pid with a command line that is not its own: as if the pid had been reused
    await journal.record({ kind: 'process', id: 'reused', pid: stranger.pid!, cmdline: 'node socket-agent.mjs' })
    const report = await removeJournaled(await journal.pending(), journal)
    expect(report.left).toEqual([])
    expect(report.removed).toEqual(['process reused', 'process ours', `dir ${dir}`])
    expect((await ours).signal).toBe('SIGTERM')
    expect(stranger.exitCode).toBeNull()
    await expect(stat(dir)).rejects.toThrow()
    expect(await journal.pending()).toEqual([])
    stranger.kill()
    await stranger
  })

  it('refuses to remove a relative or top-level path and keeps it listed', async () => {
    const journal = new RunJournal('0a0b0c')
    await journal.record({ kind: 'dir', id: '/etc', path: '/etc' }, { kind: 'file', id: 'relative/file', path: 'relative/file' })
    const report = await removeJournaled(await journal.pending(), journal)
    expect(report.left).toEqual(['file relative/file: refusing to remove relative/file', 'dir /etc: refusing to remove /etc'])
    expect((await journal.pending()).length).toBe(2)
  })

  it('gives the command that finishes a terraform working directory it cannot destroy here', async () => {
    const journal = new RunJournal('0d0e0f')
    const workdir = join(state, 'gone-workdir')
    await journal.record({ kind: 'terraform-workdir', id: workdir, path: workdir, command: ['terraform', 'destroy', '-auto-approve', '-input=false'] })
    const report = await removeJournaled(await journal.pending(), journal)
    expect(report.manual).toEqual([`cd ${workdir} && terraform destroy -auto-approve -input=false`])
    expect(report.left[0]).toMatch(/is gone, so its state cannot be read here/)
  })
})

describe('a run is alive whatever its state dir', () => {
  it('answers on its live socket while registered, and not after', async () => {
    const tag = newTag()
    const unregister = await registerRun(tag, `test-${tag}`)
    const other = await mkdtemp(join(tmpdir(), 'plh-journal-other-'))
    process.env.PLH_STATE_DIR = other
    try {
      // no registry file in this state dir: only the socket can say the run is alive
      expect(await runIsAlive(tag)).toBe(true)
      await unregister()
      expect(await runIsAlive(tag)).toBe(false)
    } finally {
      process.env.PLH_STATE_DIR = state
      await rm(other, { recursive: true, force: true })
    }
  })
})

describe.skipIf(!isRoot)('cleanup against real namespaces (root)', () => {
  const made: string[] = []
  afterAll(async () => {
    for (const ns of made) await execa('ip', ['netns', 'del', ns], { reject: false })
  })
  const addNamespace = async (ns: string) => {
    made.push(ns)
    await execa('ip', ['netns', 'add', ns])
  }

  it('`plh cleanup` never touches a live run registered under another PLH_STATE_DIR', async () => {
    const tag = newTag()
    const ns = `plh-${tag}-live-elsewhere`
    const elsewhere = await mkdtemp(join(tmpdir(), 'plh-journal-elsewhere-'))
    process.env.PLH_STATE_DIR = elsewhere
    const unregister = await registerRun(tag, `test-${tag}`)
    await addNamespace(ns)
    process.env.PLH_STATE_DIR = state
    try {
      const report = await cleanupRuns({ tags: [tag] })
      expect(report.kept).toEqual([ns])
      expect(report.removed).toEqual([])
      expect(await namespaces()).toContain(ns)
      // once that run has ended, its namespace is a dead run's and goes
      await unregister()
      const after = await cleanupRuns({ tags: [tag] })
      expect(after.removed).toEqual([ns])
      expect(await namespaces()).not.toContain(ns)
    } finally {
      await rm(elsewhere, { recursive: true, force: true })
    }
  })

  it("a run's start reclaims the dead runs its state dir recorded, and leaves namespaces no journal here knows to `plh cleanup`", async () => {
    // a state dir of its own: the earlier tests left journals (an /etc entry among them) in theirs
    const fresh = await mkdtemp(join(tmpdir(), 'plh-journal-fresh-'))
    process.env.PLH_STATE_DIR = fresh
    const recorded = newTag()
    const unknown = newTag()
    const journaled = `plh-${recorded}-dead-vpc`
    const stray = `plh-${unknown}-dead-vpc`
    const journal = new RunJournal(recorded, 'dead-scenario')
    await journal.record({ kind: 'namespace', id: journaled })
    await addNamespace(journaled)
    await addNamespace(stray)
    const said: string[] = []
    const report = await reclaimDeadRuns((line) => said.push(line))
    expect(report?.reclaimed).toEqual([recorded])
    expect(said).toEqual([`removed what 1 dead run(s) left (${recorded}): 1 journaled resource(s) (1 namespace)`])
    const now = await namespaces()
    expect(now).not.toContain(journaled)
    expect(now).toContain(stray)
    expect(await journal.pending()).toEqual([])
    const explicit = await cleanupRuns({ tags: [unknown] })
    expect(explicit.removed).toEqual([stray])
    process.env.PLH_STATE_DIR = state
    await rm(fresh, { recursive: true, force: true })
  })

  it('leaves a dead run to the live process that claimed it, and takes over a claim whose process is gone', async () => {
    const tag = newTag()
    const ns = `plh-${tag}-claimed`
    await new RunJournal(tag).record({ kind: 'namespace', id: ns })
    await addNamespace(ns)
    const holder = execa('sleep', ['60'], { reject: false })
    await mkdir(join(state, 'runs'), { recursive: true })
    await writeFile(join(state, 'runs', `${tag}.reclaim`), String(holder.pid))
    try {
      const busy = await cleanupRuns({ tags: [tag] })
      expect(busy.busy).toEqual([tag])
      expect(await namespaces()).toContain(ns)
    } finally {
      holder.kill('SIGKILL')
      await holder
    }
    const taken = await cleanupRuns({ tags: [tag] })
    expect(taken.busy).toEqual([])
    expect(taken.journaled).toEqual([`${tag}: namespace ${ns}`])
    expect(await namespaces()).not.toContain(ns)
  })
})
