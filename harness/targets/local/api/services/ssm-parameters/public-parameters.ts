// AWS's public SSM parameters that name AMIs (`/aws/service/ami-amazon-linux-latest/…`), as the
// fixtures' `data "aws_ssm_parameter"` reads them. Public parameters belong to no account; their
// value is the same for every caller of a region, so it is a pure function of region and name: a
// stable `ami-…` id, which the local EC2 accepts in RunInstances.
import { createHash } from 'node:crypto'
import type { Parameter } from '@aws-sdk/client-ssm'

/** The public AMI parameters the local target answers (AWS publishes many more). */
export const PUBLIC_AMI_PARAMETERS: readonly string[] = [
  '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
  '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64',
  '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64',
  '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-arm64',
  '/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-x86_64',
  '/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-arm64',
  '/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2',
  '/aws/service/ami-amazon-linux-latest/amzn2-ami-kernel-5.10-hvm-x86_64-gp2',
  '/aws/service/ami-amazon-linux-latest/amzn2-ami-kernel-5.10-hvm-arm64-gp2',
]

/** When the local target's public parameters were "published" (a fixed date: values never change). */
const PUBLISHED = new Date('2026-11-01T00:00:00.000Z')

/** The AMI id a public parameter names in a region: `ami-` and 17 hex digits, stable per region and name. */
export function publicAmiId(region: string, name: string): string {
  return `ami-${createHash('sha256').update(`${region}\u0000${name}`).digest('hex').slice(0, 17)}`
}

/** The architecture a public AMI parameter's name states (`arm64` or `x86_64`). */
export function publicAmiArchitecture(name: string): 'arm64' | 'x86_64' {
  return name.includes('arm64') ? 'arm64' : 'x86_64'
}

/** Every public AMI of a region, by id: what the local EC2 can boot. */
export function listPublicAmis(region: string): Array<{ imageId: string; parameter: string; architecture: 'arm64' | 'x86_64' }> {
  return PUBLIC_AMI_PARAMETERS.map((parameter) => ({ imageId: publicAmiId(region, parameter), parameter, architecture: publicAmiArchitecture(parameter) }))
}

/** Name from a parameter reference: a name, a name with `:version` or `:label`, or an ARN. */
export function parameterNameOf(reference: string): { name: string; selector?: string } {
  const arn = /^arn:[^:]+:ssm:[^:]*:[^:]*:parameter(\/.*)$/.exec(reference)
  const plain = arn ? arn[1]! : reference
  const colon = plain.lastIndexOf(':')
  return colon > 0 ? { name: plain.slice(0, colon), selector: plain.slice(colon + 1) } : { name: plain }
}

/** The public parameter as GetParameter answers it, or undefined when the name is not one. */
export function findPublicParameter(region: string, reference: string, partition = 'aws'): Parameter | undefined {
  const { name, selector } = parameterNameOf(reference)
  if (!PUBLIC_AMI_PARAMETERS.includes(name)) return undefined
  if (selector !== undefined && selector !== '1') return undefined
  return {
    Name: name,
    Type: 'String',
    Value: publicAmiId(region, name),
    Version: 1,
    LastModifiedDate: PUBLISHED,
    ARN: `arn:${partition}:ssm:${region}::parameter${name}`,
    DataType: 'text',
  }
}
