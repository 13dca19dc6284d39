// ELBv2 names as AWS forms them: ARNs with a 16-hex-digit suffix, the `net/<name>/<hash>` suffix the
// NLB's ENIs carry in their description, DNS names, and the canonical hosted zone of each region.
import { randomBytes } from 'node:crypto'
import { AwsApiError } from '../../server/api-error.js'
import { partitionOf } from '../aws-partition.js'

/** 16 lower-case hex digits, the unique part of every ELBv2 ARN. */
export function newArnHash(): string {
  return randomBytes(8).toString('hex')
}

const arnPrefix = (region: string, account: string): string => `arn:${partitionOf(region)}:elasticloadbalancing:${region}:${account}`

/** `net` for network load balancers, `app` for application ones, `gwy` for gateway ones. */
export function loadBalancerKind(type: string): string {
  return type === 'network' ? 'net' : type === 'gateway' ? 'gwy' : 'app'
}

export function loadBalancerArn(region: string, account: string, type: string, name: string, hash: string): string {
  return `${arnPrefix(region, account)}:loadbalancer/${loadBalancerKind(type)}/${name}/${hash}`
}

export function targetGroupArn(region: string, account: string, name: string, hash: string): string {
  return `${arnPrefix(region, account)}:targetgroup/${name}/${hash}`
}

/** A listener's ARN extends its load balancer's: `listener/net/<lb name>/<lb hash>/<hash>`. */
export function listenerArn(lbArn: string, hash: string): string {
  return `${lbArn.replace(':loadbalancer/', ':listener/')}/${hash}`
}

/** `net/<name>/<hash>`: the provider's `arn_suffix`, and what the NLB's ENIs say after `ELB `. */
export function loadBalancerArnSuffix(lbArn: string): string {
  const index = lbArn.indexOf(':loadbalancer/')
  return index < 0 ? '' : lbArn.slice(index + ':loadbalancer/'.length)
}

/** Which store type an ELBv2 ARN names (DescribeTags and AddTags take any of them). */
export function resourceTypeOfArn(arn: string): 'load-balancer' | 'target-group' | 'listener' | undefined {
  if (/^arn:[^:]+:elasticloadbalancing:[^:]+:\d{12}:loadbalancer\//.test(arn)) return 'load-balancer'
  if (/^arn:[^:]+:elasticloadbalancing:[^:]+:\d{12}:targetgroup\//.test(arn)) return 'target-group'
  if (/^arn:[^:]+:elasticloadbalancing:[^:]+:\d{12}:listener\//.test(arn)) return 'listener'
  return undefined
}

/** DNS name of a load balancer: `<name>-<hash>.elb.<region>.amazonaws.com` for NLBs. */
export function loadBalancerDnsName(name: string, type: string, scheme: string, hash: string, region: string): string {
  if (type === 'network') return `${name}-${hash}.elb.${region}.amazonaws.com`
  return `${scheme === 'internal' ? 'internal-' : ''}${name}-${parseInt(hash.slice(0, 8), 16)}.${region}.elb.amazonaws.com`
}

/** Route 53 hosted zone of NLB DNS names per region (the provider's aws_lb_hosted_zone_id table). */
const NLB_HOSTED_ZONES: Record<string, string> = {
  'us-east-1': 'Z26RNL4JYFTOTI',
  'us-east-2': 'ZLMOA37VPKANP',
  'us-west-1': 'Z24FKFUX50B4VW',
  'us-west-2': 'Z18D5FSROUN65G',
  'eu-west-1': 'Z2IFOLAFXWLO4F',
  'eu-west-2': 'ZD4D7Y8KGAS4G',
  'eu-central-1': 'Z3F0SRJ5LGBH90',
  'ap-southeast-1': 'ZKVM4W9LS7TM',
  'ap-northeast-1': 'Z31USIVHYNEOWT',
}

/** The canonical hosted zone of a load balancer's DNS name (a made-up one outside the table). */
export function canonicalHostedZoneId(region: string): string {
  return NLB_HOSTED_ZONES[region] ?? `ZLOCAL${region.replace(/[^a-z0-9]/g, '').toUpperCase()}`.slice(0, 14)
}

/**
 * Checks a load balancer or target group name as AWS does: 1–32 characters, alphanumerics and
 * hyphens, no hyphen at either end; load balancer names may not start with `internal-`.
 */
export function validateElbName(name: string | undefined, what: 'load balancer' | 'target group'): string {
  if (name === undefined || name === '') throw new AwsApiError('ValidationError', `A ${what} name is required`)
  if (name.length > 32) throw new AwsApiError('ValidationError', `The ${what} name '${name}' cannot be longer than '32' characters`)
  if (!/^[A-Za-z0-9-]+$/.test(name)) throw new AwsApiError('ValidationError', `The ${what} name '${name}' can only contain characters that are alphanumeric characters and hyphens(-)`)
  if (name.startsWith('-') || name.endsWith('-')) throw new AwsApiError('ValidationError', `The ${what} name '${name}' cannot begin or end with a hyphen`)
  if (what === 'load balancer' && name.startsWith('internal-')) throw new AwsApiError('ValidationError', `The load balancer name '${name}' cannot begin with 'internal-'`)
  return name
}
