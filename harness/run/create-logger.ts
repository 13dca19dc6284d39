// Structured logs (pino) to a file in the report directory, whatever the console shows.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import pino from 'pino'
import type { Logger } from '../core/target.js'

/** A pino logger writing JSON lines to `file` (synchronously, so nothing is lost on a crash). */
export function createFileLogger(file: string, bindings: Record<string, unknown> = {}): Logger & { flush(): void } {
  mkdirSync(dirname(file), { recursive: true })
  const destination = pino.destination({ dest: file, sync: true })
  const logger = pino(
    {
      level: process.env.PLH_LOG_LEVEL ?? 'debug',
      // credentials never reach a log line
      redact: { paths: ['*.secretAccessKey', '*.secret_access_key', '*.sessionToken', '*.credentials', 'credentials'], censor: '[redacted]' },
    },
    destination,
  ).child(bindings)
  return Object.assign(logger, { flush: () => destination.flushSync() }) as unknown as Logger & { flush(): void }
}
