// Instances: RunInstances (one primary ENI each, in the subnet's next free address, with the
// instance profile read from the IAM records in the store), pending → running on a timer,
// DescribeInstances, TerminateInstances (shutting-down → terminated, the ENI freed), and the
// attribute and credit calls the provider makes on every read. There is no machine behind an
// instance here: the data plane builds one from the record.
import type {
  DescribeInstanceAttributeRequest,
  InstanceAttribute,
  DescribeInstanceCreditSpecificationsRequest,
  DescribeInstanceCreditSpecificationsResult,
  DescribeInstancesRequest,
  DescribeInstancesResult,
  Instance,
  InstanceNetworkInterface,
  InstanceStateName,
  ModifyInstanceAttributeRequest,
  NetworkInterface,
  RunInstancesRequest,
  Reservation,
  SecurityGroup,
  Subnet,
  TerminateInstancesRequest,
  TerminateInstancesResult,
  _InstanceType,
} from '@aws-sdk/client-ec2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError, missingParameter } from '../../server/api-error.js'
import { GLOBAL_REGION, type AwsStore, type ResourceRecord } from '../../store/aws-store.js'
import { tagsFromSpecifications } from '../../store/describe-filters.js'
import { describeRecords, EC2_TYPES, notFoundError, render, requireRecord } from './ec2-records.js'
import { instanceTypeInfo } from './instance-types.js'
import { scheduleRemoval, scheduleTransition, TRANSITION_MS } from './lifecycle.js'
import { createNetworkInterface, deleteNetworkInterface } from './network-interfaces.js'

/** What an instance record keeps beyond the SDK shape. */
export interface InstanceLocal {
  reservationId: string
  userData?: string
  disableApiTermination: boolean
  disableApiStop: boolean
  shutdownBehavior: string
  /** the instance profile's name, for the SSM registration check */
  instanceProfileName?: string
}

export type InstanceData = Instance & { local: InstanceLocal }

const STATE_CODES: Record<string, number> = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 }
const state = (name: InstanceStateName) => ({ Code: STATE_CODES[name], Name: name })

/** The IAM instance profile record by name or ARN, as the IAM service stores it (id = name, region `global`). */
function findInstanceProfile(store: AwsStore, account: string, spec: { Name?: string; Arn?: string }): ResourceRecord<{ Arn?: string; InstanceProfileId?: string; InstanceProfileName?: string }> | undefined {
  const name = spec.Name ?? spec.Arn?.split('/').pop()
  return name === undefined ? undefined : store.get(account, GLOBAL_REGION, 'iam-instance-profile', name)
}

/** RunInstances: MinCount..MaxCount instances in one subnet (no default VPC locally). */
export function runInstances(input: RunInstancesRequest, context: ApiRequestContext): Reservation {
  const { store, account, region } = context
  if (!input.ImageId) throw missingParameter('ImageId')
  if (!/^ami-[0-9a-f]{8,17}$/.test(input.ImageId)) throw new AwsApiError('InvalidAMIID.Malformed', `Invalid id: "${input.ImageId}" (expecting "ami-...")`)
  const instanceType = input.InstanceType ?? 'm1.small'
  const typeInfo = instanceTypeInfo(instanceType)
  if (typeInfo === undefined) throw new AwsApiError('InvalidParameterValue', `Invalid value '${instanceType}' for InstanceType.`)
  const primary = input.NetworkInterfaces?.find((n) => (n.DeviceIndex ?? 0) === 0)
  const subnetId = input.SubnetId ?? primary?.SubnetId
  if (!subnetId) throw new AwsApiError('VPCIdNotSpecified', 'No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.')
  const subnet = requireRecord<Subnet>(context, EC2_TYPES.subnet, subnetId)
  const groupIds = input.SecurityGroupIds && input.SecurityGroupIds.length > 0 ? input.SecurityGroupIds : (primary?.Groups ?? [])
  const groups = (groupIds.length > 0 ? groupIds : [defaultGroupId(context, subnet.data.VpcId!)]).map((id) => requireRecord<SecurityGroup>(context, EC2_TYPES.securityGroup, id))
  let profile: { Arn?: string; Id?: string } | undefined
  let profileName: string | undefined
  if (input.IamInstanceProfile && (input.IamInstanceProfile.Name || input.IamInstanceProfile.Arn)) {
    const record = findInstanceProfile(store, account, input.IamInstanceProfile)
    if (record === undefined) {
      // The provider retries on this message while IAM propagates, as AWS answers it.
      throw new AwsApiError('InvalidParameterValue', `Value (${input.IamInstanceProfile.Name ?? input.IamInstanceProfile.Arn}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name`)
    }
    profile = { Arn: record.data.Arn, Id: record.data.InstanceProfileId }
    profileName = record.id
  }
  const count = Math.max(1, input.MinCount ?? 1)
  const reservationId = store.newId('r')
  const tags = tagsFromSpecifications(input.TagSpecifications, 'instance')
  const instances: Instance[] = []
  for (let i = 0; i < count; i++) {
    const id = store.newId('i')
    const eni = createNetworkInterface({ store, account, region, subnetId, securityGroupIds: groups.map((g) => g.id), privateIpAddress: input.PrivateIpAddress ?? primary?.PrivateIpAddress, attachToInstanceId: id })
    const metadata = input.MetadataOptions ?? {}
    const data: InstanceData = {
      InstanceId: id,
      ImageId: input.ImageId,
      InstanceType: instanceType as _InstanceType,
      AmiLaunchIndex: i,
      LaunchTime: new Date(),
      State: state('pending'),
      StateTransitionReason: '',
      Placement: { AvailabilityZone: subnet.data.AvailabilityZone, GroupName: '', Tenancy: 'default' },
      SubnetId: subnetId,
      VpcId: subnet.data.VpcId,
      PrivateIpAddress: eni.data.PrivateIpAddress,
      PrivateDnsName: eni.data.PrivateDnsName,
      PublicDnsName: '',
      SecurityGroups: groups.map((g) => ({ GroupId: g.id, GroupName: g.data.GroupName })),
      NetworkInterfaces: [],
      IamInstanceProfile: profile,
      KeyName: input.KeyName,
      Architecture: typeInfo.ProcessorInfo?.SupportedArchitectures?.[0] as Instance['Architecture'],
      Hypervisor: 'xen',
      VirtualizationType: 'hvm',
      RootDeviceName: '/dev/xvda',
      RootDeviceType: 'ebs',
      BlockDeviceMappings: [],
      EbsOptimized: input.EbsOptimized ?? false,
      EnaSupport: true,
      SourceDestCheck: true,
      Monitoring: { State: input.Monitoring?.Enabled ? 'enabled' : 'disabled' },
      ClientToken: input.ClientToken ?? '',
      ProductCodes: [],
      CpuOptions: { CoreCount: typeInfo.VCpuInfo?.DefaultCores, ThreadsPerCore: typeInfo.VCpuInfo?.DefaultThreadsPerCore },
      CapacityReservationSpecification: { CapacityReservationPreference: 'open' },
      HibernationOptions: { Configured: false },
      EnclaveOptions: { Enabled: false },
      MaintenanceOptions: { AutoRecovery: 'default' },
      MetadataOptions: {
        State: 'applied',
        HttpTokens: metadata.HttpTokens ?? 'optional',
        HttpPutResponseHopLimit: metadata.HttpPutResponseHopLimit ?? 1,
        HttpEndpoint: metadata.HttpEndpoint ?? 'enabled',
        HttpProtocolIpv6: metadata.HttpProtocolIpv6 ?? 'disabled',
        InstanceMetadataTags: metadata.InstanceMetadataTags ?? 'disabled',
      },
      PrivateDnsNameOptions: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
      PlatformDetails: 'Linux/UNIX',
      UsageOperation: 'RunInstances',
      CurrentInstanceBootMode: 'legacy-bios',
      local: {
        reservationId,
        userData: input.UserData,
        disableApiTermination: input.DisableApiTermination ?? false,
        disableApiStop: input.DisableApiStop ?? false,
        shutdownBehavior: input.InstanceInitiatedShutdownBehavior ?? 'stop',
        instanceProfileName: profileName,
      },
    }
    const record = store.put({ type: EC2_TYPES.instance.type, id, account, region, tags, data })
    scheduleTransition<InstanceData>(store, record, TRANSITION_MS.instanceRunning, (r) => {
      if (r.data.State?.Name === 'pending') r.data.State = state('running')
    })
    instances.push(renderInstance(store, record))
  }
  return { ReservationId: reservationId, OwnerId: account, Groups: [], Instances: instances }
}

function defaultGroupId(context: ApiRequestContext, vpcId: string): string {
  const group = context.store.list<SecurityGroup>({ type: EC2_TYPES.securityGroup.type, account: context.account, region: context.region }).find((g) => g.data.VpcId === vpcId && g.data.GroupName === 'default')
  if (group === undefined) throw new AwsApiError('InvalidGroup.NotFound', `The default security group of VPC ${vpcId} does not exist`)
  return group.id
}

/** The instance as DescribeInstances shows it: tags, its attached ENIs, no local fields. */
function renderInstance(store: AwsStore, record: ResourceRecord<InstanceData>): Instance {
  const { local: _local, ...instance } = render(record)
  const enis = store.list<NetworkInterface>({ type: EC2_TYPES.networkInterface.type, account: record.account, region: record.region }).filter((n) => n.data.Attachment?.InstanceId === record.id)
  const NetworkInterfaces: InstanceNetworkInterface[] = enis.map((n) => ({
    NetworkInterfaceId: n.id,
    SubnetId: n.data.SubnetId,
    VpcId: n.data.VpcId,
    Description: n.data.Description,
    OwnerId: n.data.OwnerId,
    Status: n.data.Status,
    MacAddress: n.data.MacAddress,
    PrivateIpAddress: n.data.PrivateIpAddress,
    PrivateDnsName: n.data.PrivateDnsName,
    SourceDestCheck: n.data.SourceDestCheck,
    Groups: n.data.Groups,
    InterfaceType: n.data.InterfaceType,
    Ipv6Addresses: [],
    PrivateIpAddresses: n.data.PrivateIpAddresses?.map((a) => ({ Primary: a.Primary, PrivateIpAddress: a.PrivateIpAddress, PrivateDnsName: a.PrivateDnsName })),
    Attachment: { AttachmentId: n.data.Attachment?.AttachmentId, AttachTime: n.data.Attachment?.AttachTime, DeleteOnTermination: n.data.Attachment?.DeleteOnTermination, DeviceIndex: n.data.Attachment?.DeviceIndex, NetworkCardIndex: 0, Status: n.data.Attachment?.Status },
  }))
  return { ...instance, NetworkInterfaces }
}

const fields = {
  'instance-id': (i: Instance) => i.InstanceId,
  'instance-state-name': (i: Instance) => i.State?.Name,
  'instance-state-code': (i: Instance) => i.State?.Code,
  'instance-type': (i: Instance) => i.InstanceType,
  'image-id': (i: Instance) => i.ImageId,
  'vpc-id': (i: Instance) => i.VpcId,
  'subnet-id': (i: Instance) => i.SubnetId,
  'availability-zone': (i: Instance) => i.Placement?.AvailabilityZone,
  'private-ip-address': (i: Instance) => i.PrivateIpAddress,
  'private-dns-name': (i: Instance) => i.PrivateDnsName,
  'iam-instance-profile.arn': (i: Instance) => i.IamInstanceProfile?.Arn,
  'instance.group-id': (i: Instance) => (i.SecurityGroups ?? []).map((g) => g.GroupId),
  'network-interface.network-interface-id': (i: Instance) => (i.NetworkInterfaces ?? []).map((n) => n.NetworkInterfaceId),
  'reservation-id': (i: Instance & { local?: InstanceLocal }) => i.local?.reservationId,
}

/** DescribeInstances: one reservation per RunInstances call, as on AWS. */
export function describeInstances(input: DescribeInstancesRequest, context: ApiRequestContext): DescribeInstancesResult {
  const { store, account, region } = context
  const records = store.list<InstanceData>({ type: EC2_TYPES.instance.type, account, region })
  const matching = describeRecords<InstanceData>(context, { kind: EC2_TYPES.instance, ids: input.InstanceIds, filters: input.Filters, fields: fields as never, records })
  const reservations = new Map<string, Reservation>()
  for (const shape of matching) {
    const record = store.get<InstanceData>(account, region, EC2_TYPES.instance.type, shape.InstanceId!)!
    const id = record.data.local.reservationId
    const reservation = reservations.get(id) ?? { ReservationId: id, OwnerId: account, Groups: [], Instances: [] }
    reservation.Instances!.push(renderInstance(store, record))
    reservations.set(id, reservation)
  }
  return { Reservations: [...reservations.values()] }
}

/** TerminateInstances: shutting-down now, terminated (ENI freed) after a moment, gone from the store later. */
export function terminateInstances(input: TerminateInstancesRequest, context: ApiRequestContext): TerminateInstancesResult {
  const { store, account, region } = context
  const records = (input.InstanceIds ?? []).map((id) => requireRecord<InstanceData>(context, EC2_TYPES.instance, id))
  for (const r of records) {
    if (r.data.local.disableApiTermination) throw new AwsApiError('OperationNotPermitted', `The instance '${r.id}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`)
  }
  return {
    TerminatingInstances: records.map((r) => {
      const previous = r.data.State!
      if (previous.Name !== 'terminated' && previous.Name !== 'shutting-down') {
        store.update<InstanceData>(account, region, EC2_TYPES.instance.type, r.id, (x) => {
          x.data.State = state('shutting-down')
          x.data.StateTransitionReason = `User initiated (${new Date().toISOString()})`
        })
        scheduleTransition<InstanceData>(store, r, TRANSITION_MS.instanceTerminated, (x, s) => {
          x.data.State = state('terminated')
          x.data.StateReason = { Code: 'Client.UserInitiatedShutdown', Message: 'Client.UserInitiatedShutdown: User initiated shutdown' }
          x.data.PrivateIpAddress = undefined
          for (const eni of s.list<NetworkInterface>({ type: EC2_TYPES.networkInterface.type, account, region })) {
            if (eni.data.Attachment?.InstanceId === r.id) deleteNetworkInterface({ store: s, account, region, networkInterfaceId: eni.id })
          }
          scheduleRemoval(s, r, TRANSITION_MS.forgotten)
        })
      }
      return { InstanceId: r.id, PreviousState: previous, CurrentState: store.get<InstanceData>(account, region, EC2_TYPES.instance.type, r.id)!.data.State }
    }),
  }
}

const ATTRIBUTE_READERS: Record<string, (i: InstanceData) => Partial<InstanceAttribute>> = {
  disableApiTermination: (i) => ({ DisableApiTermination: { Value: i.local.disableApiTermination } }),
  disableApiStop: (i) => ({ DisableApiStop: { Value: i.local.disableApiStop } }),
  userData: (i) => ({ UserData: i.local.userData === undefined ? {} : { Value: i.local.userData } }),
  instanceInitiatedShutdownBehavior: (i) => ({ InstanceInitiatedShutdownBehavior: { Value: i.local.shutdownBehavior } }),
  instanceType: (i) => ({ InstanceType: { Value: i.InstanceType } }),
  groupSet: (i) => ({ Groups: i.SecurityGroups }),
  sourceDestCheck: (i) => ({ SourceDestCheck: { Value: true } }),
  ebsOptimized: (i) => ({ EbsOptimized: { Value: i.EbsOptimized ?? false } }),
  enaSupport: () => ({ EnaSupport: { Value: true } }),
  rootDeviceName: (i) => ({ RootDeviceName: { Value: i.RootDeviceName } }),
  blockDeviceMapping: () => ({ BlockDeviceMappings: [] }),
}

/** DescribeInstanceAttribute for the attributes the provider reads on every refresh. */
export function describeInstanceAttribute(input: DescribeInstanceAttributeRequest, context: ApiRequestContext): InstanceAttribute {
  const record = requireRecord<InstanceData>(context, EC2_TYPES.instance, input.InstanceId)
  const read = ATTRIBUTE_READERS[input.Attribute ?? '']
  if (read === undefined) throw new AwsApiError('InvalidParameterValue', `Value (${input.Attribute}) for parameter attribute is invalid. Unknown attribute.`)
  return { InstanceId: record.id, ...read(record.data) }
}

/** ModifyInstanceAttribute: the flags the provider sets before terminating (API termination and stop protection). */
export function modifyInstanceAttribute(input: ModifyInstanceAttributeRequest, context: ApiRequestContext): Record<string, never> {
  const record = requireRecord<InstanceData>(context, EC2_TYPES.instance, input.InstanceId)
  const supported = input.DisableApiTermination !== undefined || input.DisableApiStop !== undefined || input.InstanceInitiatedShutdownBehavior !== undefined
  if (!supported) throw new AwsApiError('UnsupportedOperation', 'The local target only modifies disableApiTermination, disableApiStop and instanceInitiatedShutdownBehavior')
  context.store.update<InstanceData>(context.account, context.region, EC2_TYPES.instance.type, record.id, (r) => {
    if (input.DisableApiTermination?.Value !== undefined) r.data.local.disableApiTermination = input.DisableApiTermination.Value
    if (input.DisableApiStop?.Value !== undefined) r.data.local.disableApiStop = input.DisableApiStop.Value
    if (input.InstanceInitiatedShutdownBehavior?.Value !== undefined) r.data.local.shutdownBehavior = input.InstanceInitiatedShutdownBehavior.Value
  })
  return {}
}

/** DescribeInstanceCreditSpecifications: `standard` for t2, `unlimited` for later burstable types (AWS's defaults). */
export function describeInstanceCreditSpecifications(input: DescribeInstanceCreditSpecificationsRequest, context: ApiRequestContext): DescribeInstanceCreditSpecificationsResult {
  const ids = input.InstanceIds ?? []
  const records = ids.map((id) => {
    const r = context.store.get<InstanceData>(context.account, context.region, EC2_TYPES.instance.type, id)
    if (r === undefined) throw notFoundError(EC2_TYPES.instance, id)
    return r
  })
  return {
    InstanceCreditSpecifications: records
      .filter((r) => instanceTypeInfo(r.data.InstanceType!)?.BurstablePerformanceSupported)
      .map((r) => ({ InstanceId: r.id, CpuCredits: r.data.InstanceType!.startsWith('t2.') ? 'standard' : 'unlimited' })),
  }
}
