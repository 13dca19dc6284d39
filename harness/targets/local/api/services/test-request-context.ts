// Builds the request context a handler receives, for unit tests that call handlers directly with a
// store (no server, no wire). Two accounts, so cross-account behaviour can be tested.
import type { ApiRequestContext } from '../server/action-handler.js'
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
