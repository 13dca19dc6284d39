// DescribeAvailabilityZones from the store's per-account zone shuffle: names differ per account,
// zone ids do not, as on AWS. Every zone is available and needs no opt-in.
import type { AvailabilityZone as SdkZone, DescribeAvailabilityZonesRequest, DescribeAvailabilityZonesResult } from '@aws-sdk/client-ec2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { listAvailabilityZones } from '../../store/availability-zones.js'
import { filtered } from './ec2-records.js'

const fields = {
  'zone-name': (z: SdkZone) => z.ZoneName,
  'zone-id': (z: SdkZone) => z.ZoneId,
  state: (z: SdkZone) => z.State,
  'opt-in-status': (z: SdkZone) => z.OptInStatus,
  'region-name': (z: SdkZone) => z.RegionName,
  'zone-type': (z: SdkZone) => z.ZoneType,
  'group-name': (z: SdkZone) => z.GroupName,
  'network-border-group': (z: SdkZone) => z.NetworkBorderGroup,
}

/** DescribeAvailabilityZones as the caller's account sees its region. */
export function describeAvailabilityZones(input: DescribeAvailabilityZonesRequest, context: ApiRequestContext): DescribeAvailabilityZonesResult {
  let zones: SdkZone[] = listAvailabilityZones(context.account, context.region).map((z) => ({
    ZoneName: z.name,
    ZoneId: z.id,
    RegionName: z.region,
    State: 'available',
    OptInStatus: 'opt-in-not-required',
    ZoneType: 'availability-zone',
    GroupName: z.region,
    NetworkBorderGroup: z.region,
    Messages: [],
  }))
  if (input.ZoneNames && input.ZoneNames.length > 0) zones = zones.filter((z) => input.ZoneNames!.includes(z.ZoneName!))
  if (input.ZoneIds && input.ZoneIds.length > 0) zones = zones.filter((z) => input.ZoneIds!.includes(z.ZoneId!))
  return { AvailabilityZones: filtered(zones, input.Filters, fields, () => ({})) }
}
