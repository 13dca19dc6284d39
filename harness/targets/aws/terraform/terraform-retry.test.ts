import { describe, expect, it } from 'vitest'
import { backoffMs, defaultRetryTable, findRetryRule, maxAttempts, mergeRetryTable, shouldRetryAttempt } from './terraform-retry.js'

const find = (command: 'init' | 'apply' | 'destroy', text: string) => findRetryRule(defaultRetryTable, command, text)?.name

describe('terraform retry table', () => {
  it.each([
    ['destroy', 'deleting EC2 Subnet (subnet-0abc): DependencyViolation: The subnet has dependencies and cannot be deleted.', 'dependencyViolation'],
    ['apply', 'creating EC2 VPC Endpoint: operation error EC2: CreateVpcEndpoint, api error RequestLimitExceeded: Request limit exceeded.', 'throttling'],
    ['destroy', 'reading ELBv2 Load Balancer: ThrottlingException: Rate exceeded', 'throttling'],
    ['apply', 'creating EC2 VPC Endpoint: InvalidVpcEndpointServiceId.NotFound: The Vpc Endpoint Service \'com.amazonaws.vpce.us-east-1.vpce-svc-0abc\' does not exist', 'endpointServiceNotFound'],
    ['apply', 'creating EC2 Instance: InvalidParameterValue: Value (plh-ab12-consumer) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name', 'instanceProfileNotFound'],
    ['apply', 'creating EC2 Instance: operation error EC2: RunInstances, api error InvalidParameterValue: Invalid IamInstanceProfile: plh-x', 'instanceProfileNotFound'],
    ['init', 'Error: Failed to query available provider packages\nCould not retrieve the list of available versions for provider hashicorp/aws: could not connect to registry.terraform.io: dial tcp: lookup registry.terraform.io: i/o timeout', 'providerInstallNetwork'],
  ] as const)('%s: %s → %s', (command, text, rule) => {
    expect(find(command, text)).toBe(rule)
  })

  it.each([
    ['apply', 'DependencyViolation: resource sg-1 has a dependent object'],
    ['init', 'Throttling: Rate exceeded'],
    ['apply', 'local-exec provisioner error: exit status 3'],
    ['apply', 'creating EC2 VPC: UnauthorizedOperation: You are not authorized to perform this operation.'],
    ['init', 'Failed to query available provider packages: provider registry.terraform.io/hashicorp/aws was not found in any of the search locations'],
    ['init', 'Error: Failed to get existing workspaces: S3 bucket "b" does not exist'],
  ] as const)('%s: %s fails at once', (command, text) => {
    expect(find(command, text)).toBeUndefined()
  })

  it('never retries the apply error a scenario expects (expect_apply_error), and still retries it where the scenario expects success', () => {
    const refused = 'creating EC2 VPC Endpoint: operation error EC2: CreateVpcEndpoint, api error InvalidServiceName: The Vpc Endpoint Service \'com.amazonaws.vpce.us-east-1.vpce-svc-0abc\' does not exist'
    expect(findRetryRule(defaultRetryTable, 'apply', refused, { expectedError: /InvalidServiceName/ })).toBeUndefined()
    expect(findRetryRule(defaultRetryTable, 'apply', refused)?.name).toBe('endpointServiceNotFound')
    // an expected error on apply does not stop destroy's retries
    expect(findRetryRule(defaultRetryTable, 'destroy', 'DependencyViolation: x', { expectedError: /DependencyViolation/ })?.name).toBe('dependencyViolation')
  })

  it('counts attempts per rule and backs off exponentially up to the cap', () => {
    const rule = defaultRetryTable.dependencyViolation
    expect(shouldRetryAttempt(rule, rule.attempts - 1)).toBe(true)
    expect(shouldRetryAttempt(rule, rule.attempts)).toBe(false)
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(rule, n))).toEqual([30_000, 60_000, 120_000, 180_000, 180_000])
    expect(maxAttempts(defaultRetryTable, 'destroy')).toBe(6)
    expect(maxAttempts(defaultRetryTable, 'init')).toBe(3)
  })

  it('merges overrides rule by rule', () => {
    const fast = { ...defaultRetryTable.throttling, backoff: { initialMs: 1, factor: 1, maxMs: 1 } }
    const merged = mergeRetryTable({ throttling: fast })
    expect(merged.throttling).toBe(fast)
    expect(merged.dependencyViolation).toBe(defaultRetryTable.dependencyViolation)
  })
})
