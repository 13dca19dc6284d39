// Checks, without creating anything, that the local target can build a fixture from these
// variables: the same planning apply does, so bad input fails before anything exists.
import { InputError } from '../../core/errors.js'
import type { Fixture } from '../../core/target.js'
import { planTopology } from './topology/plan-topology.js'

/** Throws an InputError (file and field named) when the variables cannot make a topology. */
export function validateLocalScenario(fixture: Fixture, vars: Record<string, unknown>, source: string): void {
  try {
    planTopology(fixture.manifest.topology, { vars, tag: '000000', seed: 'validate', source })
  } catch (error) {
    // an error AWS itself gives at apply (InvalidServiceName…) is a scenario outcome, not bad input
    if (error instanceof InputError) throw error
  }
}
