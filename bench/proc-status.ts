// Pure parsing of /proc/<pid>/status and /proc/<pid>/task/<tid>/children, so the memory
// sampler's arithmetic is unit tested without processes.

/** Resident memory of one process, bytes: now (VmRSS) and its high-water mark (VmHWM). */
export interface ProcessMemory {
  rssBytes: number
  hwmBytes: number
}

/** Reads VmRSS and VmHWM (kB in the file) from a /proc/<pid>/status text; null when absent (a kernel thread, a zombie). */
export function parseProcStatus(text: string): ProcessMemory | null {
  const kb = (field: string): number | null => {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(text)
    return match ? Number(match[1]) * 1024 : null
  }
  const rss = kb('VmRSS')
  const hwm = kb('VmHWM')
  if (rss === null || hwm === null) return null
  return { rssBytes: rss, hwmBytes: hwm }
}

/** Proportional set size (bytes) from a /proc/<pid>/smaps_rollup text: shared pages (the node
 * binary, libraries) divided among the processes that map them, so a sum over processes is the
 * memory they really use together; null when absent. */
export function parsePss(text: string): number | null {
  const match = /^Pss:\s+(\d+)\s+kB$/m.exec(text)
  return match ? Number(match[1]) * 1024 : null
}

/** The pids listed in a /proc/<pid>/task/<tid>/children text (space separated). */
export function parseChildren(text: string): number[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
}

/** Bytes to MiB with one decimal, for readable JSON. */
export function toMiB(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 10) / 10
}
