// Stand-ins (aws-sdk-client-mock) for EC2 and ELBv2 that the AWS target's action and readiness
// tests share, with the run configuration and the NLB's ARNs their scripted answers name.
import { EC2Client } from '@aws-sdk/client-ec2'
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2'
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock'
import { afterAll, afterEach } from 'vitest'
import { runConfigSchema } from '../../../core/run-config.js'

export const standInConfig = runConfigSchema.parse({ accounts: { producer: { account_id: '111111111111' }, consumer: { account_id: '222222222222' } } })
export const LB_ARN = 'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/plh-3f9a2c-ab12-svc/50dc6c495c0c9188'
export const TG_ARN = 'arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/plh-3f9a2c-ab12-80/73e2d6bc24d8a067'

/** Mocks of both clients for the calling test file, reset after each test and restored at its end. */
export function useEc2ElbStandIns(): { ec2Mock: AwsClientStub<EC2Client>; elbMock: AwsClientStub<ElasticLoadBalancingV2Client> } {
  const ec2Mock = mockClient(EC2Client)
  const elbMock = mockClient(ElasticLoadBalancingV2Client)
  afterEach(() => {
    ec2Mock.reset()
    elbMock.reset()
  })
  afterAll(() => {
    ec2Mock.restore()
    elbMock.restore()
  })
  return { ec2Mock, elbMock }
}
