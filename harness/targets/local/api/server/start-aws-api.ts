// The local AWS API's server: one node:http listener on 127.0.0.1 for every service. A request is
// routed by its SigV4 credential scope (the service, then `X-Amz-Target` or `Action`), its
// signature is checked against the signing account's keys, its input is read with the operation's
// schema, the handler runs, and the output is written with the same schema. Only wiring lives here.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from '../../../../core/target.js'
import { SsmServiceError } from '../../ssm/service-error.js'
import { verifySigV4 } from '../../ssm/verify-sigv4.js'
import { listenOnLoopback } from '../../net/listen-on-loopback.js'
import { decodeQueryInput } from '../protocol/decode-query-input.js'
import { encodeEc2Response } from '../protocol/ec2-codec.js'
import { decodeJsonInput, encodeJsonResponse } from '../protocol/json-codec.js'
import { findOperation } from '../protocol/operation-schemas.js'
import { encodeQueryResponse } from '../protocol/query-codec.js'
import type { WireResponse } from '../protocol/wire-response.js'
import type { AwsStore } from '../store/aws-store.js'
import type { ApiRequestContext, ServiceDefinition, WireProtocol } from './action-handler.js'
import { AwsApiError, notEmulated } from './api-error.js'
import { authErrorFor, encodeError } from './encode-error.js'
import { readSignatureScope } from './read-signature-scope.js'

/** One request as the API saw it: for logs, the bench (requests per apply, latency) and tests. */
export interface ApiRequestRecord {
  service: string
  action: string
  account?: string
  region?: string
  status: number
  errorCode?: string
  ms: number
}

export interface AwsApiOptions {
  store: AwsStore
  services: ServiceDefinition[]
  log?: Logger
  /** called after every request */
  onRequest?: (record: ApiRequestRecord) => void
}

/** A running local AWS API. */
export interface AwsApi {
  /** `http://127.0.0.1:<port>`: the value of AWS_ENDPOINT_URL */
  url: string
  store: AwsStore
  /** requests answered, per `service:Action` */
  requestCounts(): Record<string, number>
  close(): Promise<void>
}

const MAX_BODY_BYTES = 8 * 1024 * 1024

/** Starts the API on a free loopback port. */
export async function startAwsApi(options: AwsApiOptions): Promise<AwsApi> {
  const bySigningName = new Map(options.services.map((s) => [s.signingName, s]))
  const counts: Record<string, number> = {}

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now()
    const requestId = randomUUID()
    const record: ApiRequestRecord = { service: '(none)', action: '(unknown)', status: 0, ms: 0 }
    let protocol: WireProtocol = req.headers['x-amz-target'] !== undefined ? 'json' : 'query'
    let service: ServiceDefinition | undefined
    let response: WireResponse
    try {
      const body = await readBody(req)
      const scope = readSignatureScope(header(req, 'authorization'))
      service = scope ? bySigningName.get(scope.service) : undefined
      if (service) protocol = service.protocol
      record.service = scope?.service ?? '(unsigned)'
      const { action, params, json } = readAction(req, body, protocol, service)
      record.action = action
      if (scope === undefined) throw authErrorFor(protocol, 'MissingAuthenticationTokenException', 'Request is missing Authentication Token')
      record.region = scope.region
      const account = options.store.accountByAccessKey(scope.accessKeyId)
      if (account === undefined) throw authErrorFor(protocol, 'UnrecognizedClientException', 'The security token included in the request is invalid.')
      record.account = account.id
      await verifySigV4(
        { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body },
        { region: scope.region, service: scope.service, credentials: account },
      ).catch((error: unknown) => {
        if (error instanceof SsmServiceError) throw authErrorFor(protocol, error.type, error.message)
        throw error
      })
      if (service === undefined) throw notEmulated(scope.service, action)
      const operation = findOperation(service.schemas, action)
      const handler = service.handlers[action]
      if (operation === undefined || handler === undefined) throw notEmulated(service.displayName, action)
      const context: ApiRequestContext = {
        account: account.id,
        region: scope.region,
        service: scope.service,
        action,
        requestId,
        principalArn: `arn:aws:iam::${account.id}:root`,
        store: options.store,
      }
      const input = protocol === 'json' ? decodeJsonInput(operation, json) : decodeQueryInput(params, operation.input, protocol === 'ec2' ? 'ec2' : 'query')
      const output = ((await handler(input, context)) ?? {}) as Record<string, unknown>
      if (protocol === 'ec2') response = encodeEc2Response(operation, output, service.xmlNamespace ?? '', requestId)
      else if (protocol === 'json') response = encodeJsonResponse(operation, output, service.jsonVersion ?? '1.1')
      else response = encodeQueryResponse(operation, output, service.xmlNamespace ?? '', requestId)
    } catch (error) {
      const apiError =
        error instanceof AwsApiError ? error : new AwsApiError('InternalError', `Internal error in the local AWS API: ${(error as Error)?.message ?? String(error)}`, { status: 500 })
      if (!(error instanceof AwsApiError)) options.log?.error({ err: error, service: record.service, action: record.action }, 'local AWS API: internal error')
      record.errorCode = apiError.code
      response = encodeError(protocol, apiError, requestId, { xmlNamespace: service?.xmlNamespace, jsonVersion: service?.jsonVersion })
    }
    res.writeHead(response.status, {
      'content-type': response.contentType,
      'content-length': Buffer.byteLength(response.body),
      'x-amzn-requestid': requestId,
      date: new Date().toUTCString(),
      ...response.headers,
    })
    res.end(response.body)
    record.status = response.status
    record.ms = performance.now() - started
    const countKey = `${record.service}:${record.action}`
    counts[countKey] = (counts[countKey] ?? 0) + 1
    options.log?.debug(record, `local AWS API: ${countKey} ${record.status}${record.errorCode ? ` ${record.errorCode}` : ''}`)
    options.onRequest?.(record)
  }

  const listener = await listenOnLoopback((req, res) => void handle(req, res))
  const url = listener.url
  options.log?.info({ url }, 'local AWS API listening')
  return {
    url,
    store: options.store,
    requestCounts: () => ({ ...counts }),
    close: () => listener.close(),
  }
}

/** The action's name and its parameters, as the protocol carries them. */
function readAction(req: IncomingMessage, body: Buffer, protocol: WireProtocol, service: ServiceDefinition | undefined): { action: string; params: URLSearchParams; json: unknown } {
  if (protocol === 'json') {
    const target = header(req, 'x-amz-target') ?? ''
    const dot = target.lastIndexOf('.')
    const action = dot >= 0 ? target.slice(dot + 1) : '(unknown)'
    if (service?.targetPrefix !== undefined && dot >= 0 && target.slice(0, dot) !== service.targetPrefix) {
      throw new AwsApiError('UnknownOperationException', `Unknown target prefix ${target.slice(0, dot)}`)
    }
    let json: unknown = {}
    if (body.length > 0) {
      try {
        json = JSON.parse(body.toString('utf8'))
      } catch {
        throw new AwsApiError('SerializationException', 'Request body is not valid JSON')
      }
    }
    return { action, params: new URLSearchParams(), json }
  }
  const params = new URLSearchParams(new URL(req.url ?? '/', 'http://local').search)
  for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params.append(k, v)
  return { action: params.get('Action') ?? '(unknown)', params, json: undefined }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new AwsApiError('RequestEntityTooLarge', `Request body larger than ${MAX_BODY_BYTES} bytes`, { status: 413 })
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}
