// Which progress display a run gets (pure): a live task list on a terminal, plain lines in CI or
// when stdout is a pipe or file, only the summary with --quiet. --verbose prints every probe batch
// and terraform message, which a live list cannot keep on screen, so it uses plain lines.
export type DisplayMode = 'live' | 'plain' | 'quiet'

export interface DisplayChoice {
  quiet?: boolean
  verbose?: boolean
  isTTY: boolean
  /** the CI environment variable (set and not "false"/"0": CI) */
  ci?: string
}

export function chooseDisplay(choice: DisplayChoice): DisplayMode {
  if (choice.quiet) return 'quiet'
  const ci = choice.ci !== undefined && choice.ci !== '' && choice.ci !== 'false' && choice.ci !== '0'
  if (choice.verbose || ci || !choice.isTTY) return 'plain'
  return 'live'
}
