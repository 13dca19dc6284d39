import { describe, expect, it } from 'vitest'
import type { CleanupReport } from './cleanup-runs.js'
import { describeReclaim } from './reclaim-dead-runs.js'

const empty: CleanupReport = { removed: [], kept: [], failed: [], killed: [], journaled: [], manual: [], reclaimed: [], busy: [] }

describe('describeReclaim', () => {
  it('says nothing when no dead run was found', () => {
    expect(describeReclaim({ ...empty, kept: ['plh-abc123-vpc-a'] })).toEqual([])
  })

  it('counts what each dead run left by kind and names the runs', () => {
    const lines = describeReclaim({
      ...empty,
      reclaimed: ['abc123', 'def456'],
      journaled: ['abc123: namespace plh-abc123-a', 'abc123: namespace plh-abc123-b', 'abc123: process agent:1', 'def456: file /run/plh/x'],
      removed: ['plh-def456-c'],
    })
    expect(lines).toEqual([
      'removed what 2 dead run(s) left (abc123, def456): 4 journaled resource(s) (2 namespace, 1 process, 1 file); 1 namespace(s) no journal listed, found by name',
    ])
  })

  it('passes on what must be finished by hand and what could not be removed', () => {
    const lines = describeReclaim({ ...empty, reclaimed: ['abc123'], manual: ['cd /w && terraform destroy'], failed: ['abc123: namespace plh-abc123-a: busy'] })
    expect(lines[1]).toBe("a dead run's teardown must be finished by hand: cd /w && terraform destroy")
    expect(lines[2]).toMatch(/^could not remove what dead runs left: abc123: namespace plh-abc123-a: busy; see `plh cleanup --dry-run`$/)
  })
})
