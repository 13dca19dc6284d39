// The run's settings travel from the `plh run` process to vitest's workers in environment
// variables (workers inherit the environment); this file is the one place that names them.
import { z } from 'zod'

const envSchema = z.object({
  PLH_RUN_ID: z.string().min(1),
  PLH_RUN_TAG: z.string().regex(/^[0-9a-f]{6}$/),
  PLH_REPORT_DIR: z.string().min(1),
  PLH_ROOT: z.string().min(1),
  PLH_TARGET: z.enum(['local', 'aws']),
  PLH_SAMPLES: z.string().regex(/^\d*$/).optional(),
  /** the run configuration file (aws target); empty: plh.config.json in the root */
  PLH_CONFIG: z.string().optional(),
})

export interface RunSettings {
  runId: string
  tag: string
  reportDir: string
  root: string
  target: 'local' | 'aws'
  samples?: number
  /** --config FILE, absolute (aws target) */
  configFile?: string
}

/** Environment variables that carry `settings` to workers. */
export function settingsToEnv(settings: RunSettings): Record<string, string> {
  return {
    PLH_RUN_ID: settings.runId,
    PLH_RUN_TAG: settings.tag,
    PLH_REPORT_DIR: settings.reportDir,
    PLH_ROOT: settings.root,
    PLH_TARGET: settings.target,
    PLH_SAMPLES: settings.samples ? String(settings.samples) : '',
    PLH_CONFIG: settings.configFile ?? '',
  }
}

/** Reads the settings in a worker; throws when the suite is not started by `plh run`. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): RunSettings {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) throw new Error(`scenario suites run under \`plh run\`; missing or bad ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`)
  const e = parsed.data
  return {
    runId: e.PLH_RUN_ID,
    tag: e.PLH_RUN_TAG,
    reportDir: e.PLH_REPORT_DIR,
    root: e.PLH_ROOT,
    target: e.PLH_TARGET,
    ...(e.PLH_SAMPLES ? { samples: Number(e.PLH_SAMPLES) } : {}),
    ...(e.PLH_CONFIG ? { configFile: e.PLH_CONFIG } : {}),
  }
}

/** The run configuration file a worker was given (PLH_CONFIG), or undefined for the default. */
export function configFileFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.PLH_CONFIG ? env.PLH_CONFIG : undefined
}

/** How the local target builds a fixture: `planner` (default: the planners' fast path) or `terraform` (the local AWS API). */
export type LocalEngine = 'planner' | 'terraform'

/** The local engine a worker was given (PLH_LOCAL_ENGINE). */
export function localEngineFromEnv(env: NodeJS.ProcessEnv = process.env): LocalEngine {
  return env.PLH_LOCAL_ENGINE === 'terraform' ? 'terraform' : 'planner'
}
