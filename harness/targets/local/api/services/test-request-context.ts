// Builds the request context a handler receives, for unit tests that call handlers directly with a
// store (no server, no wire), and starts the API for SDK round-trip tests. Two accounts, so
// cross-account behaviour can be tested.
import type { ApiRequestContext, ServiceDefinition } from '../server/action-handler.js'
import { startAwsApi, type AwsApi } from '../server/start-aws-api.js'
import { AwsStore, type AccountInfo } from '../store/aws-store.js'

export const TEST_ACCOUNTS: AccountInfo[] = [
  { id: '111111111111', name: 'producer', accessKeyId: 'AKIDPRODUCER', secretAccessKey: 'secret-producer' },
  { id: '222222222222', name: 'consumer', accessKeyId: 'AKIDCONSUMER', secretAccessKey: 'secret-consumer' },
]

/** A fresh store with the two test accounts. */
export function createTestStore(): AwsStore {
  return new AwsStore(TEST_ACCOUNTS)
}

/** The context of one call, as the server would build it for `account` in `region`. */
export function createTestContext(store: AwsStore, options: { account?: string; region?: string; service?: string; action?: string } = {}): ApiRequestContext {
  const account = options.account ?? TEST_ACCOUNTS[0]!.id
  return {
    account,
    region: options.region ?? 'us-east-1',
    service: options.service ?? 'test',
    action: options.action ?? 'Test',
    requestId: 'test-request-id',
    principalArn: `arn:aws:iam::${account}:root`,
    store,
  }
}

/** The API on loopback with the test accounts, for SDK round-trip tests of one or more services. */
export async function startTestApi(services: ServiceDefinition[]): Promise<{
  api: AwsApi
  store: AwsStore
  /** SDK client configuration signing as `account` (default the first test account) */
  clientConfig(account?: AccountInfo, region?: string): { region: string; endpoint: string; credentials: { accessKeyId: string; secretAccessKey: string }; maxAttempts: number }
}> {
  const store = createTestStore()
  const api = await startAwsApi({ store, services })
  return {
    api,
    store,
    clientConfig: (account = TEST_ACCOUNTS[0]!, region = 'us-east-1') => ({
      region,
      endpoint: api.url,
      credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
      maxAttempts: 1,
    }),
  }
}
