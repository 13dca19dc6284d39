import { describe, expect, it } from 'vitest'
import { parseJournal, pendingResources, type JournalLine } from './run-journal.js'

const at = '2026-11-25T12:00:00.000Z'
const create = (kind: JournalLine['kind'], id: string, extra: Partial<JournalLine> = {}): JournalLine => ({ op: 'create', kind, id, at, ...extra })
const remove = (kind: JournalLine['kind'], id: string): JournalLine => ({ op: 'remove', kind, id, at })

describe('pendingResources', () => {
  it('lists what was created and not removed, newest first (the order to tear down in)', () => {
    const lines = [create('namespace', 'plh-abc123-prod'), create('dir', '/etc/netns/plh-abc123-i-1'), create('process', 'socket-agent:plh-abc123-prod'), remove('dir', '/etc/netns/plh-abc123-i-1')]
    expect(pendingResources(lines).map((r) => `${r.kind} ${r.id}`)).toEqual(['process socket-agent:plh-abc123-prod', 'namespace plh-abc123-prod'])
  })

  it('merges a later create of a live resource (its pid, once spawned) without moving it', () => {
    const lines = [
      create('namespace', 'plh-abc123-prod'),
      create('process', 'socket-agent:plh-abc123-prod', { ns: 'plh-abc123-prod' }),
      create('dir', '/etc/netns/x'),
      create('process', 'socket-agent:plh-abc123-prod', { pid: 42, cmdline: 'node socket-agent.mjs' }),
    ]
    const pending = pendingResources(lines)
    expect(pending.map((r) => r.id)).toEqual(['/etc/netns/x', 'socket-agent:plh-abc123-prod', 'plh-abc123-prod'])
    expect(pending[1]).toEqual({ kind: 'process', id: 'socket-agent:plh-abc123-prod', ns: 'plh-abc123-prod', pid: 42, cmdline: 'node socket-agent.mjs' })
  })

  it('treats a resource made again after its removal as new (and last)', () => {
    const lines = [create('process', 'a'), create('namespace', 'n'), remove('process', 'a'), create('process', 'a', { pid: 7 })]
    expect(pendingResources(lines).map((r) => `${r.id}${r.pid ? `:${r.pid}` : ''}`)).toEqual(['a:7', 'n'])
  })

  it('keeps kinds apart: a dir and a file with the same id are two resources', () => {
    expect(pendingResources([create('dir', '/tmp/x'), create('file', '/tmp/x'), remove('dir', '/tmp/x')]).map((r) => r.kind)).toEqual(['file'])
  })

  it('is empty for an empty journal and for one where everything was removed', () => {
    expect(pendingResources([])).toEqual([])
    expect(pendingResources([create('namespace', 'n'), remove('namespace', 'n')])).toEqual([])
  })
})

describe('parseJournal', () => {
  it('reads whole lines and ignores a torn last line and lines that are not journal facts', () => {
    const text = [JSON.stringify(create('namespace', 'n')), JSON.stringify({ hello: 1 }), JSON.stringify(remove('namespace', 'n')), '{"op":"create","kind":"na'].join('\n')
    expect(parseJournal(text)).toEqual([create('namespace', 'n'), remove('namespace', 'n')])
  })
})
