// Registers one scenario as vitest tests: apply and wait at file scope, one describe per step,
// one test per instance × probed name × expectation ("consumer us-east-1a › zonal us-east-1b ›
// HTTP 200"), destroy in afterAll whatever happened. `plh run` generates a tiny test file per
// scenario that calls this, so fixtures run in parallel across vitest workers.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, test } from 'vitest'
import { expectationNames } from '../assert/evaluate-expectations.js'
import type { ProbeResult } from '../core/results.js'
import { buildProbePlan } from '../probe/build-probe-plan.js'
import { loadScenarioFile } from './load-scenario.js'
import { probeInstances } from './run-probe-step.js'
import { settingsFromEnv } from './run-env.js'
import { openScenarioSession } from './open-scenario-session.js'
import { applyErrorExpectationName, stepTitle } from './scenario-session.js'
import { scenarioResultFile } from './result-paths.js'
import { guardScenarioWorker } from './worker-signals.js'

const HOOK_TIMEOUT_MS = 30 * 60_000

/** Label of the instance a probe runs from. */
function instanceLabel(role: string, az: string, id: string, aloneInAz: boolean): string {
  return aloneInAz ? `${role} ${az}` : `${role} ${az} (${id})`
}


/** Builds the vitest suite of one scenario file. */
export async function registerScenarioSuite(file: string): Promise<void> {
  const settings = settingsFromEnv()
  const scenario = await loadScenarioFile(file, settings.root)
  const { session, flushLog } = openScenarioSession({
    root: settings.root,
    file,
    scenario,
    target: settings.target,
    runId: settings.runId,
    tag: settings.tag,
    reportDir: settings.reportDir,
    ...(settings.samples ? { samples: settings.samples } : {}),
  })
  // SIGINT/SIGTERM tear this scenario down before the worker dies (afterAll would never run)
  const worker = await guardScenarioWorker(session)
  await session.prepare()
  await session.applyAndWait()

  describe(scenario.name, () => {
    afterAll(async () => {
      await session.destroy()
      const file = scenarioResultFile(settings.reportDir, scenario.name)
      await mkdir(join(settings.reportDir, 'scenarios'), { recursive: true })
      await writeFile(file, JSON.stringify(session.result(), null, 2))
      flushLog()
      await worker.release()
    }, HOOK_TIMEOUT_MS)

    const apply = session.applyOutcome()
    if (scenario.expect_apply_error !== undefined || !apply.ok) {
      test(scenario.expect_apply_error !== undefined ? applyErrorExpectationName(scenario.expect_apply_error) : 'apply and wait ready', () => {
        if (!apply.ok) throw new Error(apply.detail)
      })
      return
    }
    const outputs = session.outputs!
    scenario.steps.forEach((step, index) => {
      const title = stepTitle(step, index)
      if (step.kind !== 'probe') {
        test(title, async () => {
          await session.runStep(index)
        }, HOOK_TIMEOUT_MS)
        return
      }
      describe(title, () => {
        let probes: ProbeResult[] = []
        let stepError: unknown
        beforeAll(async () => {
          try {
            probes = await session.runStep(index)
          } catch (error) {
            stepError = error
          }
        }, HOOK_TIMEOUT_MS)
        const instances = probeInstances(step, outputs)
        const role = step.from === 'producers' ? 'producer' : 'consumer'
        for (const instance of instances) {
          const aloneInAz = instances.filter((i) => i.az === instance.az).length === 1
          for (const probeTarget of buildProbePlan(step, outputs, instance)) {
            const label = `${probeTarget.name_kind}${probeTarget.az ? ` ${probeTarget.az}` : ''}${probeTarget.name_kind === 'ip' ? ` ${probeTarget.host}` : ''}`
            describe(`${instanceLabel(role, instance.az, instance.instance_id, aloneInAz)} › ${label}`, () => {
              for (const name of expectationNames(probeTarget, step.expect, outputs.service)) {
                test(name, () => {
                  if (stepError) throw stepError
                  const probe = probes.find((p) => p.consumer === instance.instance_id && p.url === probeTarget.url)
                  if (!probe) throw new Error(`no samples were recorded for ${probeTarget.url} from ${instance.instance_id}`)
                  const result = probe.expectations.find((e) => e.name === name)
                  if (!result) throw new Error(`expectation "${name}" was not evaluated`)
                  if (result.status === 'failed') throw new Error(`${name}: ${result.detail}`)
                })
              }
            })
          }
        }
      })
    })
  })
}
