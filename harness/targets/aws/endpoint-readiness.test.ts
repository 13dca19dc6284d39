// Stand-ins (aws-sdk-client-mock) for EC2 behaviour nothing here can produce: endpoint states over
// time, throttling, access denied. The answers are shaped like real DescribeVpcEndpoints output.
import { DescribeVpcEndpointsCommand, EC2Client, EC2ServiceException } from '@aws-sdk/client-ec2'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { InfrastructureError } from '../../core/errors.js'
import { waitForEndpointsReady, type EndpointReadinessOptions } from './endpoint-readiness.js'
import { ENDPOINT_ID, describedEndpoint, endpointOutput, harnessOutput } from './test-support/describe-vpc-endpoints.js'

const ec2Mock = mockClient(EC2Client)
afterEach(() => ec2Mock.reset())
afterAll(() => ec2Mock.restore())

const client = new EC2Client({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDSTANDIN', secretAccessKey: 'stand-in' } })

function options(overrides: Partial<EndpointReadinessOptions> = {}): EndpointReadinessOptions {
  return {
    outputs: harnessOutput(),
    clientFor: () => ({ client, target: { alias: 'consumer', region: 'us-east-1' } }),
    acceptsPending: false,
    timeoutMs: 400,
    pollIntervalMs: 20,
    outputsFile: 'terraform/same-region-cross-account/outputs.tf',
    ...overrides,
  }
}

function serviceError(name: string, message: string): EC2ServiceException {
  return new EC2ServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode: 400 } })
}

async function failure(promise: Promise<unknown>): Promise<InfrastructureError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(InfrastructureError)
  return error as InfrastructureError
}

describe('waitForEndpointsReady (aws-sdk-client-mock stand-in)', () => {
  it('waits through pending until available, then returns the described endpoint', async () => {
    ec2Mock
      .on(DescribeVpcEndpointsCommand)
      .resolvesOnce({ VpcEndpoints: [describedEndpoint('pending')] })
      .resolvesOnce({ VpcEndpoints: [describedEndpoint('pending')] })
      .resolves({ VpcEndpoints: [describedEndpoint('available')] })
    const ready = await waitForEndpointsReady(options())
    expect(ready.get(ENDPOINT_ID)?.State).toBe('available')
    expect(ec2Mock.commandCalls(DescribeVpcEndpointsCommand)).toHaveLength(3)
    expect(ec2Mock.commandCalls(DescribeVpcEndpointsCommand)[0]!.args[0].input.VpcEndpointIds).toEqual([ENDPOINT_ID])
  })

  it('an endpoint that never becomes available is NOT_READY after its deadline, naming the endpoint and its state', async () => {
    ec2Mock.on(DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [describedEndpoint('pending')] })
    const error = await failure(waitForEndpointsReady(options({ timeoutMs: 200 })))
    expect(error.code).toBe('NOT_READY')
    expect(error.message).toContain(`${ENDPOINT_ID} (pending)`)
    expect(ec2Mock.commandCalls(DescribeVpcEndpointsCommand).length).toBeGreaterThan(1)
  })

  it('pendingAcceptance is ready when the scenario accepts the connection itself', async () => {
    ec2Mock.on(DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [describedEndpoint('pendingAcceptance')] })
    const ready = await waitForEndpointsReady(options({ acceptsPending: true, outputs: harnessOutput(endpointOutput({ state: 'pendingAcceptance', eni_ips: [] })) }))
    expect(ready.get(ENDPOINT_ID)?.State).toBe('pendingAcceptance')
  })

  it('pendingAcceptance is not ready when nobody accepts it: NOT_READY names the state', async () => {
    ec2Mock.on(DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [describedEndpoint('pendingAcceptance')] })
    const error = await failure(waitForEndpointsReady(options({ timeoutMs: 150 })))
    expect(error.message).toContain(`${ENDPOINT_ID} (pendingAcceptance)`)
  })

  it.each(['failed', 'rejected', 'expired'])('%s is NOT_READY at once, with the endpoint id, the state and AWS\'s reason', async (state) => {
    ec2Mock.on(DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [describedEndpoint(state, { LastError: { Code: 'Client.Error', Message: 'the service is not in this zone' } })] })
    const error = await failure(waitForEndpointsReady(options({ timeoutMs: 60_000 })))
    expect(error.code).toBe('NOT_READY')
    expect(error.message).toContain(`${ENDPOINT_ID} is ${state}`)
    expect(error.message).toContain('the service is not in this zone')
    expect(error.fields).toMatchObject({ endpointId: ENDPOINT_ID, state })
    expect(ec2Mock.commandCalls(DescribeVpcEndpointsCommand)).toHaveLength(1)
  })

  it('DnsEntries that disagree with the outputs are a CONTRACT_VIOLATION naming outputs.tf and the field', async () => {
    ec2Mock.on(DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [describedEndpoint('available')] })
    const wrong = endpointOutput()
    wrong.zonal = [wrong.zonal[0]!, { az: 'us-east-1b', dns: wrong.zonal[0]!.dns }]
    const error = await failure(waitForEndpointsReady(options({ outputs: harnessOutput(wrong) })))
    expect(error.code).toBe('CONTRACT_VIOLATION')
    expect(error.message).toMatch(/^terraform\/same-region-cross-account\/outputs\.tf: harness\.endpoints\[0\]\.zonal\[1\]\.dns: /)
  })

  it('ThrottlingException is retried and the wait goes on', async () => {
    ec2Mock
      .on(DescribeVpcEndpointsCommand)
      .rejectsOnce(serviceError('ThrottlingException', 'Rate exceeded'))
      .rejectsOnce(serviceError('RequestLimitExceeded', 'Request limit exceeded.'))
      .resolves({ VpcEndpoints: [describedEndpoint('available')] })
    const ready = await waitForEndpointsReady(options({ timeoutMs: 5000 }))
    expect(ready.size).toBe(1)
    expect(ec2Mock.commandCalls(DescribeVpcEndpointsCommand)).toHaveLength(3)
  })

  it('an endpoint EC2 does not list yet (InvalidVpcEndpointId.NotFound right after creation) is retried', async () => {
    ec2Mock
      .on(DescribeVpcEndpointsCommand)
      .rejectsOnce(serviceError('InvalidVpcEndpointId.NotFound', `The Vpc Endpoint Id '${ENDPOINT_ID}' does not exist`))
      .resolves({ VpcEndpoints: [describedEndpoint('available')] })
    expect((await waitForEndpointsReady(options({ timeoutMs: 5000 }))).size).toBe(1)
  })

  it.each(['AccessDeniedException', 'UnauthorizedOperation'])('%s is a clear error naming the account alias and the call, without retries', async (name) => {
    ec2Mock.on(DescribeVpcEndpointsCommand).rejects(serviceError(name, 'You are not authorized to perform this operation.'))
    const error = await failure(waitForEndpointsReady(options({ timeoutMs: 60_000 })))
    expect(error.message).toContain(`ec2:DescribeVpcEndpoints in account "consumer" (us-east-1) failed with ${name}`)
    expect(error.message).toContain('IAM policy')
    expect(ec2Mock.commandCalls(DescribeVpcEndpointsCommand)).toHaveLength(1)
  })
})
