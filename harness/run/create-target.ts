// The small registry that picks a target implementation by name.
import { PrerequisiteError } from '../core/errors.js'
import type { Target, TargetName } from '../core/target.js'
import { LocalTarget } from '../targets/local/local-target.js'

/** A fresh target instance for one scenario. */
export function createTarget(name: TargetName, options: { source: string }): Target {
  if (name === 'local') return new LocalTarget({ source: options.source })
  throw new PrerequisiteError('the aws target is not available in this build yet: run with --target local (see README, "Running against AWS")')
}
