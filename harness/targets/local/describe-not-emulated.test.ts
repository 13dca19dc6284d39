import { describe, expect, it } from 'vitest'
import { describeNotEmulated } from './describe-not-emulated.js'

describe('describeNotEmulated', () => {
  it('names the fixture, the resource address and the action', () => {
    const cause = Object.assign(new Error('terraform apply failed: creating EC2 Internet Gateway: operation error EC2: CreateInternetGateway, https response error StatusCode: 400, api error NotEmulatedByLocalTarget: not emulated: EC2:CreateInternetGateway (the local target does not emulate this action) (module.edge.aws_internet_gateway.this[0])'), {
      errorText: 'creating EC2 Internet Gateway\noperation error EC2: CreateInternetGateway … not emulated: EC2:CreateInternetGateway',
    })
    const error = new Error('terraform apply of fixture edge failed: …', { cause })
    expect(describeNotEmulated('edge', error)).toBe('fixture edge: module.edge.aws_internet_gateway.this[0] needs EC2:CreateInternetGateway, which the local target does not emulate')
  })

  it('reads the address from terraform’s "with" line too', () => {
    const error = new Error('x', { cause: Object.assign(new Error('y'), { errorText: 'api error NotEmulatedByLocalTarget: not emulated: route53:CreateHostedZone\n\n  with aws_route53_zone.private,\n  on dns.tf line 3' }) })
    expect(describeNotEmulated('tls', error)).toBe('fixture tls: aws_route53_zone.private needs route53:CreateHostedZone, which the local target does not emulate')
  })

  it('leaves other failures alone', () => {
    expect(describeNotEmulated('f', new Error('api error InvalidServiceName: gone'))).toBeUndefined()
  })
})
