// Where each scenario's worker leaves its result for the run to merge (no vitest import here:
// the CLI process reads these paths too).
import { join } from 'node:path'

/** The result file of scenario `name` inside a run's report directory. */
export function scenarioResultFile(reportDir: string, name: string): string {
  return join(reportDir, 'scenarios', `${name}.json`)
}
