// The small registry that picks a target implementation by name.
import type { Step } from '../core/scenario.js'
import type { Target, TargetName } from '../core/target.js'
import { AwsTarget } from '../targets/aws/aws-target.js'
import { LocalAwsTarget } from '../targets/local/local-aws-target.js'
import { LocalTarget } from '../targets/local/local-target.js'
import { configFileFromEnv, localEngineFromEnv } from './run-env.js'

export interface CreateTargetOptions {
  /** names the input in error messages (the scenario file) */
  source: string
  /** project root (aws: where plh.config.json is looked up; default: the working directory) */
  root?: string
  /** run configuration file (aws; default: PLH_CONFIG, else <root>/plh.config.json) */
  configFile?: string
  /** the scenario's steps (aws: a pending endpoint is ready when the scenario accepts it) */
  steps?: readonly Step[]
}

/** A fresh target instance for one scenario. */
export function createTarget(name: TargetName, options: CreateTargetOptions): Target {
  if (name === 'local') {
    // PLH_LOCAL_ENGINE=terraform (plh run --local-engine terraform): the fixture's own Terraform
    // against the local AWS API; otherwise the planners' fast path (DESIGN.md: the move under way)
    if (localEngineFromEnv() === 'terraform') return new LocalAwsTarget({ source: options.source, root: options.root ?? process.cwd(), ...(options.steps ? { steps: options.steps } : {}) })
    return new LocalTarget({ source: options.source })
  }
  const configFile = options.configFile ?? configFileFromEnv()
  return new AwsTarget({
    source: options.source,
    root: options.root ?? process.cwd(),
    ...(configFile ? { configFile } : {}),
    ...(options.steps ? { steps: options.steps } : {}),
  })
}
