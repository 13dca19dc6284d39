// One way to build the SSM client for both targets: adaptive retry (SSM throttles tight polling)
// and, for the local target, the emulator's endpoint passed to the constructor, where it always
// wins over AWS_ENDPOINT_URL_SSM and the config files.
import { SSMClient, type SSMClientConfig } from '@aws-sdk/client-ssm'

/** One options object for createSsmClient. */
export interface SsmClientOptions {
  region: string
  /** e.g. the local endpoint's `http://127.0.0.1:<port>`; absent: the regional AWS endpoint */
  endpoint?: string
  /** absent: the SDK's default provider chain */
  credentials?: SSMClientConfig['credentials']
  /** attempts per call, SDK-level retries included (default 5) */
  maxAttempts?: number
}

/** Builds the SSMClient every SSM call of the harness goes through. */
export function createSsmClient(options: SsmClientOptions): SSMClient {
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(options.region ?? '')) {
    throw new TypeError(`createSsmClient: options.region must be an AWS region such as us-east-1, got '${options.region}'`)
  }
  if (options.endpoint !== undefined && !/^https?:\/\/[^\s/]+\/?$/.test(options.endpoint)) {
    throw new TypeError(`createSsmClient: options.endpoint must be an http(s) origin such as http://127.0.0.1:4566, got '${options.endpoint}'`)
  }
  const maxAttempts = options.maxAttempts ?? 5
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new TypeError('createSsmClient: options.maxAttempts must be an integer ≥ 1')
  return new SSMClient({
    region: options.region,
    retryMode: 'adaptive',
    maxAttempts,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  })
}
