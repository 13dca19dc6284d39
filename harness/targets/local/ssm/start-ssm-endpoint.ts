// The local SSM-compatible endpoint: AWS JSON 1.1 over node:http on 127.0.0.1, SigV4 checked on
// every request, four operations. The local target points the real @aws-sdk/client-ssm at it, so
// the transport code that probes AWS is the code that probes the emulator. This file only wires
// the pieces together; the operations, the verifier and the command store live beside it.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from '../../../core/target.js'
import { createCommandStore } from './command-store.js'
import type { InstanceRegistry } from './instance-registry.js'
import { operations } from './operations/index.js'
import type { OperationContext } from './operations/operation-context.js'
import { SsmServiceError, formatErrorBody } from './service-error.js'
import { verifySigV4 } from './verify-sigv4.js'
import { listenOnLoopback } from '../net/listen-on-loopback.js'

/** One options object for startSsmEndpoint; delays default to what the real service roughly shows. */
export interface SsmEndpointOptions {
  region: string
  credentials: { accessKeyId: string; secretAccessKey: string }
  instances: InstanceRegistry
  /** how long after `registeredAt` an instance appears in DescribeInstanceInformation (default 1500) */
  registrationDelayMs?: number
  /** how long after SendCommand GetCommandInvocation answers InvocationDoesNotExist (default 300) */
  invocationVisibleAfterMs?: number
  log?: Logger
}

/** A running endpoint: where to point the SDK, how to stop it, what it was asked. */
export interface SsmEndpoint {
  /** `http://127.0.0.1:<port>`: pass as `endpoint` to the SSM client */
  url: string
  /** stops listening, kills running scripts; idempotent */
  close(): Promise<void>
  /** requests received per operation (signed or not), for benchmarks and tests */
  apiCalls(): Record<string, number>
}

const TARGET_PREFIX = 'AmazonSSM.'
const CONTENT_TYPE = 'application/x-amz-json-1.1'
const MAX_BODY_BYTES = 1024 * 1024

/** Starts the endpoint on a free loopback port; the local target's one way to run commands on instances. */
export async function startSsmEndpoint(options: SsmEndpointOptions): Promise<SsmEndpoint> {
  const registrationDelayMs = options.registrationDelayMs ?? 1500
  const invocationVisibleAfterMs = options.invocationVisibleAfterMs ?? 300
  validateOptions(options, registrationDelayMs, invocationVisibleAfterMs)

  const counts: Record<string, number> = {}
  const store = createCommandStore({ registry: options.instances, invocationVisibleAfterMs, log: options.log })
  const context: OperationContext = {
    region: options.region,
    store,
    onlineInstances: () => options.instances.list().filter((i) => i.registeredAt + registrationDelayMs <= Date.now()),
    log: options.log,
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = String(req.headers['x-amz-target'] ?? '')
    const operationName = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '(unknown)'
    counts[operationName] = (counts[operationName] ?? 0) + 1
    try {
      const body = await readBody(req)
      await verifySigV4(
        { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body },
        { region: options.region, service: 'ssm', credentials: options.credentials },
      )
      const operation = operations[operationName]
      if (req.method !== 'POST' || (req.url ?? '/') !== '/' || operation === undefined) {
        throw new SsmServiceError('UnknownOperationException', `The local SSM endpoint does not serve ${req.method} ${req.url} ${target}`)
      }
      if (!String(req.headers['content-type'] ?? '').startsWith(CONTENT_TYPE)) {
        throw new SsmServiceError('SerializationException', `Expected Content-Type ${CONTENT_TYPE}`)
      }
      send(res, 200, JSON.stringify(operation(parseJson(body), context)))
    } catch (error) {
      if (error instanceof SsmServiceError) {
        options.log?.debug({ operation: operationName, type: error.type }, `local SSM: ${error.type}: ${error.message}`)
        send(res, error.status, formatErrorBody(error))
        return
      }
      options.log?.error({ err: error, operation: operationName }, 'local SSM: internal error')
      send(res, 500, formatErrorBody(new SsmServiceError('InternalServerError', 'Internal error in the local SSM endpoint', 500)))
    }
  }

  const listener = await listenOnLoopback((req, res) => void handle(req, res))
  const url = listener.url
  options.log?.info({ url }, 'local SSM endpoint listening')

  let closing: Promise<void> | undefined
  return {
    url,
    apiCalls: () => ({ ...counts }),
    close() {
      closing ??= (async () => {
        const closed = listener.close()
        await store.close()
        await closed
      })()
      return closing
    },
  }
}

function validateOptions(options: SsmEndpointOptions, registrationDelayMs: number, invocationVisibleAfterMs: number): void {
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(options.region ?? '')) throw new TypeError(`startSsmEndpoint: options.region must be an AWS region such as us-east-1, got '${options.region}'`)
  if (!options.credentials?.accessKeyId || !options.credentials.secretAccessKey) {
    throw new TypeError('startSsmEndpoint: options.credentials needs accessKeyId and secretAccessKey')
  }
  if (!Number.isFinite(registrationDelayMs) || registrationDelayMs < 0) throw new TypeError('startSsmEndpoint: options.registrationDelayMs must be a number ≥ 0')
  if (!Number.isFinite(invocationVisibleAfterMs) || invocationVisibleAfterMs < 0) {
    throw new TypeError('startSsmEndpoint: options.invocationVisibleAfterMs must be a number ≥ 0')
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new SsmServiceError('SerializationException', `Request body larger than ${MAX_BODY_BYTES} bytes`, 413)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return {}
  try {
    const value: unknown = JSON.parse(body.toString('utf8'))
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object')
    return value
  } catch {
    throw new SsmServiceError('SerializationException', 'Request body is not a JSON object')
  }
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': randomUUID(),
    date: new Date().toUTCString(),
  })
  res.end(body)
}
