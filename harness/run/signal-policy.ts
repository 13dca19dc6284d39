// What a signal does to a run, as data: the first SIGINT, SIGTERM, SIGHUP or SIGQUIT stops the run
// and waits for the scenarios to tear themselves down; any further one stops waiting and removes
// what the journal lists at once. SIGHUP is how most runs by a person die (a terminal closed, an
// SSH connection dropped), so it is handled like SIGTERM; but one hang-up arrives several times
// (from the kernel to the foreground job, from the shell to each of its jobs), so a later SIGHUP
// never cuts the teardown short. Exit codes follow the shell's
// 128 + signal number, unless teardown left something (4, DESIGN.md "Exit codes"), which is what a
// person must act on.
import { constants } from 'node:os'

export const RUN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const
export type RunSignal = (typeof RUN_SIGNALS)[number]

/** 'graceful' for a signal to a run that is not yet stopping; once it is, 'force' for any signal but a hang-up ('ignore'). */
export function actionForSignal(alreadyStopping: boolean, signal: RunSignal): 'graceful' | 'force' | 'ignore' {
  if (!alreadyStopping) return 'graceful'
  return signal === 'SIGHUP' ? 'ignore' : 'force'
}

/** 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP, 131 for SIGQUIT; 4 when the teardown that followed left something behind. */
export function exitCodeForInterruptedRun(signal: RunSignal, leftBehind: boolean): number {
  return leftBehind ? 4 : 128 + constants.signals[signal]
}

/**
 * Whether the process that started `plh run` is gone (it was reparented): a wrapper killed with
 * SIGKILL leaves its process group alive and no signal reaches the run. A run that was already
 * detached when it started (parent 1: `setsid`, a daemon) is never taken for orphaned.
 */
export function parentIsGone(ppidAtStart: number, ppidNow: number): boolean {
  return ppidAtStart > 1 && ppidNow !== ppidAtStart
}
