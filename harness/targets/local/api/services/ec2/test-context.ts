// Test support for the EC2 handlers' unit tests: a store with two accounts and a request context
// per account and region, as the server would build it. Used by *.test.ts only.
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsStore } from '../../store/aws-store.js'

export const PRODUCER = '111111111111'
export const CONSUMER = '222222222222'

/** A fresh store with the producer and consumer accounts. */
export function testStore(): AwsStore {
  return new AwsStore([
    { id: PRODUCER, name: 'producer', accessKeyId: 'AKIAPRODUCER', secretAccessKey: 'p' },
    { id: CONSUMER, name: 'consumer', accessKeyId: 'AKIACONSUMER', secretAccessKey: 'c' },
  ])
}

/** The context a request signed by `account` in `region` gets. */
export function contextFor(store: AwsStore, account = PRODUCER, region = 'us-east-1', action = 'Test'): ApiRequestContext {
  return { account, region, service: 'ec2', action, requestId: 'req-test', principalArn: `arn:aws:iam::${account}:root`, store }
}
