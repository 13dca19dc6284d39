// The channel end to end through a real file: the writer appends, the tail reads in order.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import type { ProgressEvent } from './progress-event.js'
import { tailProgress } from './tail-progress.js'
import { openProgressWriter, progressFolder } from './write-progress.js'

let dir = ''
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

test('events written by two scenarios reach the tail, terraform messages counted into resources', async () => {
  dir = await mkdtemp(join(tmpdir(), 'plh-progress-'))
  let clock = 0
  const a = openProgressWriter(dir, 'a', () => ++clock)
  const b = openProgressWriter(dir, 'b', () => ++clock)
  const seen: ProgressEvent[] = []
  const tail = tailProgress(progressFolder(dir), (e) => seen.push(e), 10)
  a.emit({ kind: 'phase', phase: 'apply', state: 'start' })
  a.terraform({ type: 'planned_change', change: { action: 'create' }, '@message': 'aws_vpc.a: Plan to create' })
  a.terraform({ type: 'apply_complete', '@message': 'aws_vpc.a: Creation complete' })
  b.emit({ kind: 'phase', phase: 'destroy', state: 'start' })
  b.terraform({ type: 'planned_change', change: { action: 'delete' } })
  await tail.stop()
  expect(await readdir(progressFolder(dir))).toEqual(['a.jsonl', 'b.jsonl'])
  const ofA = seen.filter((e) => e.scenario === 'a')
  expect(ofA.map((e) => e.kind)).toEqual(['phase', 'terraform', 'resources', 'terraform', 'resources'])
  expect(ofA.at(-1)).toMatchObject({ kind: 'resources', operation: 'apply', done: 1, total: 1 })
  expect(seen.filter((e) => e.scenario === 'b').at(-1)).toMatchObject({ kind: 'resources', operation: 'destroy', done: 0, total: 1 })
})
