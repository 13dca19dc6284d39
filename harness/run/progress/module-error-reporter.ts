// A vitest reporter for `plh run`: vitest's console reporter is replaced by the progress display,
// so errors that belong to no test (a scenario file that failed to load, a worker that died, an
// unhandled rejection) are printed here, one line each, and logged to the run's run.log.
import type { Reporter, TestModule } from 'vitest/node'
import type { Logger } from '../../core/target.js'

export function createModuleErrorReporter(log: Logger, err: NodeJS.WritableStream = process.stderr): Reporter {
  const say = (where: string, message: string): void => {
    log.error({ where, message }, 'vitest error outside any test')
    err.write(`plh: ${where}: ${message.split('\n')[0]}\n`)
  }
  return {
    onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<{ message?: string; name?: string }>) {
      for (const module of testModules) for (const error of module.errors()) say(module.moduleId.split('/').pop() ?? module.moduleId, error.message ?? String(error))
      for (const error of unhandledErrors) say('unhandled error', error.message ?? String(error))
    },
  }
}
