// The bad-input corpus (test/bad-input/<case>/), each case run through the real CLI against a
// project root of its own: exit code 2, exactly one stderr line naming the case's file and field,
// and nothing applied (no run id, no report, no registered run, no namespace, no terraform state).
// A file that does not load names its place instead of a field: `file:line:col: <problem>`, then
// the source line and a caret under that column (three lines in all).
//
// A case is a folder: case.json says why it is bad, the command (default `plh run --target
// local`), the file and field (or `at`: line:col) the one line must name and optionally a
// pattern for the rest;
// `scenarios/` replaces the project's scenarios (absent: the shipped ones); `fixtures` in case.json
// copies a real fixture (every file linked) under a new name, with its manifest.json patched
// (`null` removes a key, `+key` appends to a list) and any file under the case's `terraform/`
// laid over it. Files ending in `.src` are copied without that suffix (deliberately broken
// TypeScript that tsc must not read).
import { execa } from 'execa'
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'

const repo = resolve(import.meta.dirname, '..')
const corpus = join(import.meta.dirname, 'bad-input')
const isRoot = process.getuid?.() === 0
const hasIp = (await execa('ip', ['-V'], { reject: false })).exitCode === 0
if (!isRoot || !hasIp) console.warn(`bad-input e2e: skipped — it checks that no namespace was created, which needs root and iproute2 (root: ${isRoot}, ip: ${hasIp})`)

const caseSchema = z
  .object({
    why: z.string().min(1),
    /** plh arguments; `run` gets `--report-dir <temp>` appended */
    args: z.array(z.string()).default(['run', '--target', 'local']),
    file: z.string().min(1),
    field: z.string().min(1).optional(),
    /** for a file that does not load: `line:col` (1-based) that the line names instead of a field */
    at: z.string().regex(/^\d+:\d+$/).optional(),
    /** a regular expression the rest of the line must match */
    message: z.string().optional(),
    fixtures: z.record(z.object({ copy: z.string(), manifest: z.record(z.unknown()).default({}) })).default({}),
    /** also run `plh validate`, which must report the same line */
    validate: z.boolean().default(false),
    /** also run `plh list`, which must report the same line */
    list: z.boolean().default(false),
  })
  .strict()
  .refine((c) => (c.field === undefined) !== (c.at === undefined), 'give either field or at')
type Case = z.infer<typeof caseSchema> & { id: string; dir: string }

const cases: Case[] = await Promise.all(
  (await readdir(corpus, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort().map(async (id) => {
    const dir = join(corpus, id)
    return { id, dir, ...caseSchema.parse(JSON.parse(await readFile(join(dir, 'case.json'), 'utf8'))) }
  }),
)

const temps: string[] = []
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true })
})

// A counting semaphore: the machine has 2 cores and each case starts node with tsx.
const slots = { free: 3, waiting: [] as Array<() => void> }
async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  while (slots.free === 0) await new Promise<void>((r) => slots.waiting.push(r))
  slots.free -= 1
  try {
    return await work()
  } finally {
    slots.free += 1
    slots.waiting.shift()?.()
  }
}

/** Copies the case's files under `from` into `to`, dropping a trailing `.src` from names. */
async function overlay(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { withFileTypes: true }).catch(() => [])
  for (const entry of entries) {
    const target = join(to, entry.name.replace(/\.src$/, ''))
    if (entry.isDirectory()) {
      await mkdir(target, { recursive: true })
      await overlay(join(from, entry.name), target)
    } else {
      await rm(target, { force: true })
      await cp(join(from, entry.name), target)
    }
  }
}

function patchManifest(manifest: Record<string, unknown>, patch: Record<string, unknown>, name: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...manifest, name }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('+')) out[key.slice(1)] = [...((out[key.slice(1)] as unknown[]) ?? []), ...(value as unknown[])]
    else if (value === null) delete out[key]
    else out[key] = value
  }
  return out
}

/** A project root for one case: the repo's harness and modules, the case's scenarios and fixtures. */
async function caseRoot(c: Case): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `plh-bad-${c.id.slice(0, 2)}-`))
  temps.push(root)
  for (const entry of ['harness', 'node_modules', 'package.json', 'tsconfig.json']) await symlink(join(repo, entry), join(root, entry))
  await mkdir(join(root, 'terraform'))
  for (const entry of await readdir(join(repo, 'terraform'))) await symlink(join(repo, 'terraform', entry), join(root, 'terraform', entry))
  for (const [name, { copy, manifest }] of Object.entries(c.fixtures)) {
    const dir = join(root, 'terraform', name)
    await mkdir(dir)
    for (const entry of await readdir(join(repo, 'terraform', copy))) {
      if (entry !== 'manifest.json') await symlink(join(repo, 'terraform', copy, entry), join(dir, entry))
    }
    const real = JSON.parse(await readFile(join(repo, 'terraform', copy, 'manifest.json'), 'utf8')) as Record<string, unknown>
    await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(patchManifest(real, manifest, name), null, 2)}\n`)
  }
  await overlay(join(c.dir, 'terraform'), join(root, 'terraform'))
  if ((await readdir(join(c.dir, 'scenarios')).catch(() => null)) === null) await symlink(join(repo, 'scenarios'), join(root, 'scenarios'))
  else await overlay(join(c.dir, 'scenarios'), await mkdir(join(root, 'scenarios')).then(() => join(root, 'scenarios')))
  for (const entry of await readdir(c.dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name !== 'case.json') await cp(join(c.dir, entry.name), join(root, entry.name.replace(/\.src$/, '')))
  }
  return root
}

async function namespaces(): Promise<string[]> {
  if (!hasIp) return []
  return (await execa('ip', ['netns', 'list'])).stdout
    .split('\n')
    .map((l) => l.split(' ')[0]!)
    .filter((n) => n.startsWith('plh-'))
}

async function filesUnder(dir: string): Promise<string[]> {
  const { stdout } = await execa('find', [dir, '-mindepth', '1'], { reject: false })
  return stdout ? stdout.split('\n') : []
}

async function runCase(c: Case, args: string[]) {
  const root = await caseRoot(c)
  const reports = join(root, 'reports-out')
  const state = join(root, 'state')
  const before = new Set(await namespaces())
  const argv = args[0] === 'run' ? [...args, '--report-dir', reports] : args
  const result = await execa('node', [join(repo, 'bin/plh.mjs'), ...argv], {
    cwd: root,
    reject: false,
    timeout: 120_000,
    env: { PLH_ROOT_OVERRIDE: root, PLH_STATE_DIR: state, CI: '1', NO_COLOR: '1' },
  })
  const reportFiles = await filesUnder(reports)
  const registered = await filesUnder(join(state, 'runs'))
  // the run's tag, had it got one: its report folder <run-id> ends with it, its registry file is <tag>.json
  const tags = new Set([...reportFiles, ...registered].map((f) => /([0-9a-f]{6})(\.json)?$/.exec(f.split('/').pop()!)?.[1]).filter(Boolean))
  const created = (await namespaces()).filter((n) => !before.has(n) && tags.has(/^plh-([0-9a-f]{6})-/.exec(n)?.[1] ?? ''))
  return {
    result,
    created,
    reportFiles,
    registered,
    // find does not follow symlinks: only what this root holds of its own (not the repo's fixtures)
    terraformState: (await filesUnder(root)).filter((f) => /(\.tfstate(\.backup)?|\/\.terraform(\.lock\.hcl)?)$/.test(f)),
    shims: await filesUnder(join(root, '.plh')),
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A file of the case as its project root holds it (the case folder may keep it as `<name>.src`). */
async function caseFile(c: Case, file: string): Promise<string> {
  return readFile(join(c.dir, file), 'utf8').catch(() => readFile(join(c.dir, `${file}.src`), 'utf8'))
}

describe.skipIf(!isRoot || !hasIp)('bad input: exit 2, one line naming file and field, nothing applied', () => {
  beforeAll(() => {
    expect(cases.length).toBeGreaterThanOrEqual(30)
  })

  for (const c of cases) {
    const commands = [c.args, ...(c.validate ? [['validate']] : []), ...(c.list ? [['list']] : [])]
    for (const args of commands) {
      it.concurrent(`${c.id}: ${c.why} (plh ${args.join(' ')})`, async () => {
        const run = await withSlot(() => runCase(c, args))
        const { stderr, exitCode } = run.result
        const lines = stderr.split('\n').filter((l) => l.trim() !== '')
        expect(exitCode, `stdout: ${run.result.stdout}\nstderr: ${stderr}`).toBe(2)
        const named = c.at ? `plh: ${c.file}:${c.at}: ` : `plh: ${c.file}: ${c.field}: `
        expect(lines, stderr).toHaveLength(c.at ? 3 : 1)
        expect(lines[0]).toMatch(new RegExp(`^${escapeRegExp(named)}\\S`))
        if (c.message) expect(lines[0]!.slice(named.length)).toMatch(new RegExp(c.message))
        if (c.at) {
          // the offending source line, then a caret under the named column
          const [line, column] = c.at.split(':').map(Number) as [number, number]
          const source = (await caseFile(c, c.file)).split('\n')[line - 1]!
          expect(lines[1]!.endsWith(source), `${lines[1]} shows line ${line}: ${source}`).toBe(true)
          expect(lines[2]!.indexOf('^'), lines.join('\n')).toBe(lines[1]!.length - source.length + column - 1)
          expect(lines[2]!.slice(lines[2]!.indexOf('^') + 1)).toBe('')
        }
        expect(run.created, 'namespaces made by this run').toEqual([])
        expect(run.reportFiles, 'report directory').toEqual([])
        expect(run.registered, 'runs registered').toEqual([])
        expect(run.terraformState, 'terraform state').toEqual([])
        expect(run.shims, 'generated vitest files').toEqual([])
      }, 180_000) // the wait for a slot counts too; a case itself takes a second or two on an idle machine
    }
  }
})
