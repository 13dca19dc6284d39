// End to end in a real terminal: `plh run` inside a tmux pane of a fixed size (smaller than the
// list it has to show, so that it must fold), resized while it runs. The pane is captured every
// second, and each capture is checked as a user would read it: no line wider than the pane, no
// frame pushed out of the screen, queued scenarios marked queued, at most two running (the
// workers), the scenarios that pass by failing (an apply error, a probe whose samples must time
// out) never shown with ✖, and a final screen that says what the run summary says.
import { execa } from 'execa'
import { mkdtemp, readlink, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import stringWidth from 'string-width'
import { afterAll, describe, expect, it } from 'vitest'

const repo = resolve(import.meta.dirname, '..')
const isRoot = process.getuid?.() === 0
const hasTmux = (await execa('tmux', ['-V'], { reject: false }).catch(() => ({ exitCode: 1 }))).exitCode === 0
if (!isRoot) console.warn('live display e2e: skipped — the local target needs root (network namespaces, nftables)')
else if (!hasTmux) console.warn('live display e2e: skipped — tmux is not installed (scripts/install.sh installs it)')

// a tmux server of the test's own, its socket in a folder the test removes
let socket = ''
const session = 'plh'
const tmux = (...args: string[]) => execa('tmux', ['-S', socket, ...args], { reject: false })
const temps: string[] = []
afterAll(async () => {
  if (socket) await tmux('kill-server')
  for (const t of temps) await rm(t, { recursive: true, force: true })
})

const scenarios = ['principal-not-allowed', 'peering-overlap-refused', 'producer-cannot-reach-consumer', 'same-region-cross-account']
/** They pass because something fails: the apply (AWS's refusal) or every probe sample (a timeout). */
const passByFailing = ['principal-not-allowed', 'peering-overlap-refused', 'producer-cannot-reach-consumer']
const spinner = '[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]'
const names = `(${scenarios.join('|')})`
const runningLine = new RegExp(`^${spinner} ${names}  `)
const finishedLine = new RegExp(`^([✔✖!]) ${names}  \\S+( \\S+)?  (\\d+)/(\\d+) held`)
const queuedLine = new RegExp(`^· ${names}  queued`)
/** "1 more running · ✔ 8 passed · ✖ 1 failed · ! 1 error · 4 queued" */
const countsLine = /^(\d+ (more running|queued|not run)|[✔✖!] \d+ (passed|failed|errors?))( · |$)/

const isFrameLine = (line: string): boolean => new RegExp(`^( {4}|${spinner} |[✔✖!·] |\\d+ (more running|queued|not run))`).test(line)

interface Capture {
  lines: string[]
  width: number
  height: number
  history: number
}

async function capture(): Promise<Capture> {
  const [w, h, history] = (await tmux('display-message', '-p', '-t', session, '#{pane_width} #{pane_height} #{history_size}')).stdout.trim().split(' ').map(Number)
  // -J joins a line the terminal wrapped, so a line too wide shows as one long line
  const lines = (await tmux('capture-pane', '-p', '-J', '-t', session)).stdout.split('\n')
  return { lines, width: w!, height: h!, history: history! }
}

/** Scenarios the frame accounts for: shown one per line or counted. */
function accountedFor(lines: string[]): { running: number; total: number; queued: number } {
  let running = 0
  let total = 0
  let queued = 0
  for (const line of lines) {
    if (runningLine.test(line)) (running++, total++)
    else if (finishedLine.test(line) || /^· \S+ {2}not run/.test(line)) total++
    else if (queuedLine.test(line)) (queued++, total++)
    else if (countsLine.test(line)) {
      for (const [, n, what] of line.matchAll(/(\d+) (more running|passed|failed|errors?|queued|not run)/g)) {
        total += Number(n)
        if (what === 'more running') running += Number(n)
        if (what === 'queued') queued += Number(n)
      }
    }
  }
  return { running, total, queued }
}

describe.skipIf(!isRoot || !hasTmux)('plh run in a 100×12 tmux pane, resized to 72×9 while it runs', () => {
  it('fits the pane, marks queued scenarios, shows expected failures as held, and ends on what the summary says', async () => {
    const reports = await mkdtemp(join(tmpdir(), 'plh-tmux-'))
    temps.push(reports)
    const command = `node bin/plh.mjs run -s ${scenarios.join(' ')} -n 2 -r ${reports}; echo "plh-exit=$?"; sleep 600`
    // CI empty: the live display is for a terminal outside CI
    const sockets = await mkdtemp(join(tmpdir(), 'plh-tmux-socket-'))
    temps.push(sockets)
    socket = join(sockets, 'tmux')
    const started = await execa('tmux', ['-S', socket, 'new-session', '-d', '-s', session, '-x', '100', '-y', '12', '-c', repo, '-e', 'CI=', command], { reject: false })
    expect(started.exitCode, started.stderr).toBe(0)

    const captures: Capture[] = []
    let resized = false
    let framesAfterResize = 0
    /** history lines that were there after the resize (tmux moves the top rows there when a pane gets shorter) */
    let historyBaseline = 0
    const deadline = Date.now() + 420_000
    let last: Capture
    for (;;) {
      last = await capture()
      if (last.lines.some((l) => l.startsWith('plh-exit='))) break
      // until the summary is printed (any of its lines: the pane may be too short for all of them)
      const live = !last.lines.some((l) => / on local: (PASSED|FAILED|ERROR) in /.test(l) || /^ {4}scenario +apply +ready/.test(l) || /^ {2}(scenarios \d+\/\d+ passed|report: |log: )/.test(l))
      if (live) {
        captures.push(last)
        const where = `\n${last.lines.join('\n')}`
        // the display's lines (text others print goes above the frame and is theirs to wrap)
        for (const line of last.lines.filter(isFrameLine)) expect(stringWidth(line), `wider than ${last.width}: ${line}${where}`).toBeLessThanOrEqual(last.width)
        // a frame taller than the pane would push its top lines into the history
        if (last.history > historyBaseline) {
          const added = (await tmux('capture-pane', '-p', '-J', '-t', session, '-S', String(-(last.history - historyBaseline)), '-E', '-1')).stdout.split('\n')
          expect(added.filter((l) => runningLine.test(l) || queuedLine.test(l) || countsLine.test(l) || finishedLine.test(l)), `frame lines scrolled out of the pane:\n${added.join('\n')}`).toEqual([])
          historyBaseline = last.history
        }
        const seen = accountedFor(last.lines)
        if (seen.total > 0 && resized) framesAfterResize++
        if (seen.total > 0) {
          expect(seen.total, `every scenario is shown or counted${where}`).toBe(scenarios.length)
          expect(seen.running, `at most two workers${where}`).toBeLessThanOrEqual(2)
        }
        if (!resized && seen.running > 0) {
          await tmux('resize-window', '-t', session, '-x', '72', '-y', '9')
          resized = true
          await new Promise((r) => setTimeout(r, 300))
          historyBaseline = (await capture()).history
        }
      }
      if (Date.now() > deadline) {
        // hand the run a Ctrl-C so that it tears down, and give it time to
        await tmux('send-keys', '-t', session, 'C-c')
        for (let i = 0; i < 60 && !(await capture()).lines.some((l) => l.startsWith('plh-exit=')); i++) await new Promise((r) => setTimeout(r, 1000))
        throw new Error(`the run did not end in 7 minutes:\n${last.lines.join('\n')}`)
      }
      await new Promise((r) => setTimeout(r, 1000))
    }

    const exit = Number(/plh-exit=(\d+)/.exec(last.lines.join('\n'))![1])
    const everything = (await tmux('capture-pane', '-p', '-J', '-t', session, '-S', '-')).stdout.split('\n')
    // 1: an expectation failed (a latency bound can miss on a loaded machine); anything else is not the display's doing
    expect([0, 1], everything.join('\n')).toContain(exit)
    expect(resized, 'the pane was resized while a scenario ran').toBe(true)
    expect(framesAfterResize, 'frames were checked at the new size').toBeGreaterThan(2)
    expect(captures.length).toBeGreaterThan(5)

    // queued scenarios were marked queued (two workers, four scenarios: two wait at first)
    expect(captures.some((c) => accountedFor(c.lines).queued >= 2)).toBe(true)
    // the scenarios that pass by failing are never shown with ✖, nor is any apply failure
    for (const line of [...captures.flatMap((c) => c.lines), ...everything]) {
      for (const name of passByFailing) expect(line).not.toMatch(new RegExp(`^\\s*✖ ${name}\\b`))
      expect(line).not.toMatch(/^\s*✖ apply/)
    }

    // the final screen says what the summary says
    const runId = await readlink(join(reports, 'latest'))
    const summaryAt = everything.findIndex((l) => l.startsWith(`plh run ${runId} on local: `))
    expect(summaryAt, everything.join('\n')).toBeGreaterThan(0)
    const summary = new Map(
      everything
        .slice(summaryAt)
        .map((l) => /^ {2}([✓✗!]) (\S+)\s.*\s(\d+)\/(\d+) held$/.exec(l))
        .filter((m) => m !== null)
        .map((m) => [m[2]!, { mark: { '✓': '✔', '✗': '✖', '!': '!' }[m[1]!]!, held: m[3]!, total: m[4]! }]),
    )
    expect([...summary.keys()].sort()).toEqual([...scenarios].sort())
    const finalFrame = everything.slice(0, summaryAt).filter((l) => l.trim() !== '').slice(-scenarios.length)
    const shown = new Map(
      finalFrame
        .map((l) => finishedLine.exec(l))
        .filter((m) => m !== null)
        .map((m) => [m[2]!, { mark: m[1]!, held: m[4]!, total: m[5]! }]),
    )
    // four finished scenarios fit 72×9 one line each: mark, held and total as in the summary
    expect(Object.fromEntries(shown), finalFrame.join('\n')).toEqual(Object.fromEntries(summary))
    for (const name of ['principal-not-allowed', 'peering-overlap-refused']) {
      expect(finalFrame.find((l) => l.startsWith(`✔ ${name}  `)) ?? '', finalFrame.join('\n')).toMatch(/apply failed as/)
    }

    // nothing of the run is left
    const tag = runId.slice(-6)
    expect((await execa('ip', ['netns', 'list'])).stdout.split('\n').filter((n) => n.startsWith(`plh-${tag}-`))).toEqual([])
  }, 540_000)
})
