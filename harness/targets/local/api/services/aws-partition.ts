// The partition a region belongs to, for the ARNs every service builds (`arn:<partition>:…`).

/** `aws-cn` for cn-*, `aws-us-gov` for us-gov-*, else `aws`. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn'
  if (region.startsWith('us-gov-')) return 'aws-us-gov'
  return 'aws'
}
