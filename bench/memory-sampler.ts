// Samples the resident memory of this process and of every process it started (socket agents,
// ip, nft, curl…) from /proc while the scale benchmark applies and probes, and keeps the peaks.
// Read from /proc directly: no library in package.json reads per-process VmRSS/VmHWM.
import { readdir, readFile } from 'node:fs/promises'
import { parseChildren, parseProcStatus, parsePss } from './proc-status.js'

export interface MemoryPeaks {
  /** this process's VmHWM (the kernel's own peak) */
  mainHwmBytes: number
  /** the largest sum of VmRSS over the helper pids the emulator reports, in one sample */
  helperRssPeakBytes: number
  /** the largest number of helper pids alive in one sample */
  helperCountPeak: number
  /** the largest sum of VmRSS over every descendant process, in one sample */
  descendantsRssPeakBytes: number
  descendantsCountPeak: number
  /** the largest (main VmRSS + descendants' VmRSS) seen in one sample */
  totalRssPeakBytes: number
  /** the largest (main + descendants) proportional set size in one sample: shared pages counted once */
  totalPssPeakBytes: number
  samples: number
}

async function memoryOf(pid: number): Promise<{ rssBytes: number; hwmBytes: number } | null> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null)
  return text === null ? null : parseProcStatus(text)
}

/** Every live descendant of `pid` (children of every thread, recursively). */
export async function descendantsOf(pid: number): Promise<number[]> {
  const found: number[] = []
  const queue = [pid]
  while (queue.length) {
    const current = queue.shift()!
    const tids = await readdir(`/proc/${current}/task`).catch(() => [] as string[])
    for (const tid of tids) {
      const kids = parseChildren(await readFile(`/proc/${current}/task/${tid}/children`, 'utf8').catch(() => ''))
      for (const kid of kids) {
        found.push(kid)
        queue.push(kid)
      }
    }
  }
  return found
}

async function pssOf(pid: number): Promise<number> {
  const text = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => null)
  return (text === null ? null : parsePss(text)) ?? 0
}

async function sumRss(pids: number[]): Promise<{ bytes: number; count: number }> {
  const all = await Promise.all(pids.map(memoryOf))
  const live = all.filter((m) => m !== null)
  return { bytes: live.reduce((n, m) => n + m!.rssBytes, 0), count: live.length }
}

/** Starts sampling every `intervalMs` (less often when the event loop is busy); stop() takes a last sample and returns the peaks. */
export function startMemorySampler(options: { helperPids: () => number[]; intervalMs?: number }): { sample(): Promise<void>; stop(): Promise<MemoryPeaks> } {
  const peaks: MemoryPeaks = {
    mainHwmBytes: 0,
    helperRssPeakBytes: 0,
    helperCountPeak: 0,
    descendantsRssPeakBytes: 0,
    descendantsCountPeak: 0,
    totalRssPeakBytes: 0,
    totalPssPeakBytes: 0,
    samples: 0,
  }
  let running = true
  const sampleOnce = async (): Promise<void> => {
    const tree = [process.pid, ...(await descendantsOf(process.pid))]
    const [main, helpers, descendants, pss] = await Promise.all([
      memoryOf(process.pid),
      sumRss(options.helperPids()),
      sumRss(tree.slice(1)),
      Promise.all(tree.map(pssOf)).then((all) => all.reduce((a, b) => a + b, 0)),
    ])
    peaks.samples += 1
    peaks.mainHwmBytes = Math.max(peaks.mainHwmBytes, main?.hwmBytes ?? 0)
    peaks.helperRssPeakBytes = Math.max(peaks.helperRssPeakBytes, helpers.bytes)
    peaks.helperCountPeak = Math.max(peaks.helperCountPeak, helpers.count)
    peaks.descendantsRssPeakBytes = Math.max(peaks.descendantsRssPeakBytes, descendants.bytes)
    peaks.descendantsCountPeak = Math.max(peaks.descendantsCountPeak, descendants.count)
    peaks.totalRssPeakBytes = Math.max(peaks.totalRssPeakBytes, (main?.rssBytes ?? 0) + descendants.bytes)
    peaks.totalPssPeakBytes = Math.max(peaks.totalPssPeakBytes, pss)
  }
  const loop = (async () => {
    while (running) {
      await sampleOnce()
      await new Promise((r) => setTimeout(r, options.intervalMs ?? 50))
    }
  })()
  return {
    /** an extra sample now (at a moment known to matter, which the timer may miss on a busy loop) */
    sample: sampleOnce,
    async stop() {
      running = false
      await loop
      await sampleOnce()
      return peaks
    },
  }
}
