// The run journal's writer and remover against the real file system and real processes: what is
// recorded is read back, removal forgets what is gone, and a pid is only signalled while its
// command line is still the one recorded (a reused pid belongs to someone else).
import { execa } from 'execa'
import { mkdtemp, rm, stat, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeJournaled } from '../harness/run/remove-journaled.js'
import { dropJournalIfEmpty, journalFile, readJournal, RunJournal } from '../harness/run/run-journal.js'

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
