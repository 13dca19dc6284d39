// What a signal does to a run, as data: the first SIGINT/SIGTERM stops the run and waits for the
// scenarios to tear themselves down; any further one stops waiting and removes what the journal
// lists at once. Exit codes follow the shell's 128 + signal number, unless teardown left something
// (4, DESIGN.md "Exit codes"), which is what a person must act on.
import { constants } from 'node:os'

export const RUN_SIGNALS = ['SIGINT', 'SIGTERM'] as const
export type RunSignal = (typeof RUN_SIGNALS)[number]

/** 'graceful' for the first signal a run receives, 'force' for every later one. */
export function actionForSignal(received: number): 'graceful' | 'force' {
  return received <= 1 ? 'graceful' : 'force'
}

/** 130 for SIGINT, 143 for SIGTERM; 4 when the teardown that followed left something behind. */
export function exitCodeForInterruptedRun(signal: RunSignal, leftBehind: boolean): number {
  return leftBehind ? 4 : 128 + constants.signals[signal]
}
