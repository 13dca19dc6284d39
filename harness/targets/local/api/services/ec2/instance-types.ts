// The instance types the local target offers (a small catalogue of common ones, every one in
// every zone), for RunInstances, DescribeInstanceTypes (the provider reads
// BurstablePerformanceSupported on every aws_instance read) and DescribeInstanceTypeOfferings
// (the fixtures' zones module keeps the zones that offer instance_type).
import type { DescribeInstanceTypeOfferingsRequest, DescribeInstanceTypeOfferingsResult, DescribeInstanceTypesRequest, DescribeInstanceTypesResult, InstanceTypeInfo, InstanceTypeOffering, _InstanceType } from '@aws-sdk/client-ec2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError } from '../../server/api-error.js'
import { listAvailabilityZones } from '../../store/availability-zones.js'
import { filtered } from './ec2-records.js'

/** name → vCPUs, MiB, architecture, burstable (figures from AWS's published instance type tables). */
const CATALOGUE: Array<[string, number, number, 'x86_64' | 'arm64', boolean]> = [
  ['t2.micro', 1, 1024, 'x86_64', true],
  ['t2.small', 1, 2048, 'x86_64', true],
  ['t3.nano', 2, 512, 'x86_64', true],
  ['t3.micro', 2, 1024, 'x86_64', true],
  ['t3.small', 2, 2048, 'x86_64', true],
  ['t3.medium', 2, 4096, 'x86_64', true],
  ['t3a.micro', 2, 1024, 'x86_64', true],
  ['t4g.micro', 2, 1024, 'arm64', true],
  ['t4g.small', 2, 2048, 'arm64', true],
  ['m5.large', 2, 8192, 'x86_64', false],
  ['m6i.large', 2, 8192, 'x86_64', false],
  ['m7g.medium', 1, 4096, 'arm64', false],
  ['c5.large', 2, 4096, 'x86_64', false],
  ['c7g.medium', 1, 2048, 'arm64', false],
]

/** DescribeInstanceTypes' shape of one catalogue entry; undefined for a type the local target does not offer. */
export function instanceTypeInfo(name: string): InstanceTypeInfo | undefined {
  const entry = CATALOGUE.find(([n]) => n === name)
  if (entry === undefined) return undefined
  const [, vcpus, mib, arch, burstable] = entry
  const threads = vcpus > 1 ? 2 : 1
  return {
    InstanceType: name as _InstanceType,
    CurrentGeneration: !name.startsWith('t2.'),
    FreeTierEligible: name === 't2.micro' || name === 't3.micro',
    SupportedUsageClasses: ['on-demand', 'spot'],
    SupportedRootDeviceTypes: ['ebs'],
    SupportedVirtualizationTypes: ['hvm'],
    BareMetal: false,
    Hypervisor: name.startsWith('t2.') ? 'xen' : 'nitro',
    ProcessorInfo: { SupportedArchitectures: [arch] },
    VCpuInfo: { DefaultVCpus: vcpus, DefaultCores: vcpus / threads, DefaultThreadsPerCore: threads },
    MemoryInfo: { SizeInMiB: mib },
    InstanceStorageSupported: false,
    EbsInfo: { EbsOptimizedSupport: name.startsWith('t2.') ? 'unsupported' : 'default', EncryptionSupport: 'supported', NvmeSupport: name.startsWith('t2.') ? 'unsupported' : 'required' },
    NetworkInfo: { NetworkPerformance: 'Up to 5 Gigabit', MaximumNetworkInterfaces: 3, Ipv4AddressesPerInterface: 6, Ipv6AddressesPerInterface: 6, Ipv6Supported: true, EnaSupport: 'required' },
    PlacementGroupInfo: { SupportedStrategies: ['partition', 'spread'] },
    HibernationSupported: false,
    BurstablePerformanceSupported: burstable,
    DedicatedHostsSupported: false,
    AutoRecoverySupported: true,
    SupportedBootModes: arch === 'arm64' ? ['uefi'] : ['legacy-bios', 'uefi'],
  }
}

/** The names of every type offered. */
export const offeredInstanceTypes = (): string[] => CATALOGUE.map(([n]) => n)

/** DescribeInstanceTypes: InvalidInstanceType for a type not in the catalogue, as AWS answers for an unknown one. */
export function describeInstanceTypes(input: DescribeInstanceTypesRequest, _context: ApiRequestContext): DescribeInstanceTypesResult {
  const names = input.InstanceTypes && input.InstanceTypes.length > 0 ? input.InstanceTypes : offeredInstanceTypes()
  const infos = names.map((n) => {
    const info = instanceTypeInfo(n)
    if (info === undefined) throw new AwsApiError('InvalidInstanceType', `The following supplied instance types do not exist: [${n}]`)
    return info
  })
  const fields = {
    'instance-type': (i: InstanceTypeInfo) => i.InstanceType,
    'burstable-performance-supported': (i: InstanceTypeInfo) => String(i.BurstablePerformanceSupported),
    'current-generation': (i: InstanceTypeInfo) => String(i.CurrentGeneration),
    'processor-info.supported-architecture': (i: InstanceTypeInfo) => i.ProcessorInfo?.SupportedArchitectures ?? [],
  }
  return { InstanceTypes: filtered(infos, input.Filters, fields, () => ({})) }
}

/** DescribeInstanceTypeOfferings: every catalogue type in every region, zone and zone id of the caller's region. */
export function describeInstanceTypeOfferings(input: DescribeInstanceTypeOfferingsRequest, context: ApiRequestContext): DescribeInstanceTypeOfferingsResult {
  const locationType = input.LocationType ?? 'region'
  const zones = listAvailabilityZones(context.account, context.region)
  const locations = locationType === 'region' ? [context.region] : locationType === 'availability-zone' ? zones.map((z) => z.name) : locationType === 'availability-zone-id' ? zones.map((z) => z.id) : undefined
  if (locations === undefined) throw new AwsApiError('InvalidParameterValue', `Value (${locationType}) for parameter locationType is invalid.`)
  const offerings: InstanceTypeOffering[] = locations.flatMap((Location) => offeredInstanceTypes().map((t) => ({ InstanceType: t as _InstanceType, LocationType: locationType, Location })))
  const fields = { 'instance-type': (o: InstanceTypeOffering) => o.InstanceType, location: (o: InstanceTypeOffering) => o.Location }
  return { InstanceTypeOfferings: filtered(offerings, input.Filters, fields, () => ({})) }
}
