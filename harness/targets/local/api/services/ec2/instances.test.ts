import { afterEach, describe, expect, it, vi } from 'vitest'
import { GLOBAL_REGION } from '../../store/aws-store.js'
import { describeInstanceAttribute, describeInstanceCreditSpecifications, describeInstances, modifyInstanceAttribute, runInstances, terminateInstances } from './instances.js'
import { describeInstanceTypes } from './instance-types.js'
import { TRANSITION_MS } from './lifecycle.js'
import { describeNetworkInterfaces } from './network-interfaces.js'
import { createSubnet, deleteSubnet } from './subnets.js'
import { contextFor, PRODUCER, testStore } from './test-context.js'
import { createVpc } from './vpcs.js'

afterEach(() => {
  vi.useRealTimers()
})

function subnet() {
  const context = contextFor(testStore())
  const vpcId = createVpc({ CidrBlock: '10.0.0.0/16' }, context).Vpc!.VpcId!
  const subnetId = createSubnet({ VpcId: vpcId, CidrBlock: '10.0.0.0/24', AvailabilityZone: 'us-east-1a' }, context).Subnet!.SubnetId!
  return { context, vpcId, subnetId }
}

const launch = { ImageId: 'ami-0123456789abcdef0', InstanceType: 't3.micro' as const, MinCount: 1, MaxCount: 1 }

describe('instances', () => {
  it('run pending → running with a primary ENI, then terminate shutting-down → terminated and free the ENI', () => {
    vi.useFakeTimers()
    const { context, subnetId } = subnet()
    const instance = runInstances({ ...launch, SubnetId: subnetId, UserData: 'IyEvYmluL3No' }, context).Instances![0]!
    expect(instance).toMatchObject({ State: { Name: 'pending', Code: 0 }, PrivateIpAddress: '10.0.0.4', Placement: { AvailabilityZone: 'us-east-1a' } })
    expect(instance.InstanceId).toMatch(/^i-[0-9a-f]{17}$/)
    expect(describeNetworkInterfaces({ Filters: [{ Name: 'attachment.instance-id', Values: [instance.InstanceId!] }] }, context).NetworkInterfaces).toHaveLength(1)
    vi.advanceTimersByTime(TRANSITION_MS.instanceRunning)
    const read = () => describeInstances({ InstanceIds: [instance.InstanceId!] }, context).Reservations![0]!.Instances![0]!
    expect(read().State?.Name).toBe('running')
    expect(describeInstanceAttribute({ InstanceId: instance.InstanceId, Attribute: 'userData' }, context).UserData).toEqual({ Value: 'IyEvYmluL3No' })
    expect(() => deleteSubnet({ SubnetId: subnetId }, context)).toThrow(expect.objectContaining({ code: 'DependencyViolation' }))
    expect(terminateInstances({ InstanceIds: [instance.InstanceId!] }, context).TerminatingInstances![0]).toMatchObject({ PreviousState: { Name: 'running' }, CurrentState: { Name: 'shutting-down' } })
    vi.advanceTimersByTime(TRANSITION_MS.instanceTerminated)
    expect(read().State?.Name).toBe('terminated')
    deleteSubnet({ SubnetId: subnetId }, context)
    vi.advanceTimersByTime(TRANSITION_MS.forgotten)
    expect(() => describeInstances({ InstanceIds: [instance.InstanceId!] }, context)).toThrow(expect.objectContaining({ code: 'InvalidInstanceID.NotFound' }))
  })

  it('takes the instance profile from the IAM records, and answers the message the provider retries on while it is missing', () => {
    const { context, subnetId } = subnet()
    expect(() => runInstances({ ...launch, SubnetId: subnetId, IamInstanceProfile: { Name: 'ssm' } }, context)).toThrow(expect.objectContaining({ code: 'InvalidParameterValue', message: expect.stringContaining('Invalid IAM Instance Profile') }))
    context.store.put({ type: 'iam-instance-profile', id: 'ssm', account: PRODUCER, region: GLOBAL_REGION, data: { InstanceProfileName: 'ssm', InstanceProfileId: 'AIPA0123456789', Arn: `arn:aws:iam::${PRODUCER}:instance-profile/ssm` } })
    const instance = runInstances({ ...launch, SubnetId: subnetId, IamInstanceProfile: { Name: 'ssm' } }, context).Instances![0]!
    expect(instance.IamInstanceProfile).toEqual({ Arn: `arn:aws:iam::${PRODUCER}:instance-profile/ssm`, Id: 'AIPA0123456789' })
  })

  it('answers the reads the provider makes on every refresh', () => {
    const { context, subnetId } = subnet()
    const id = runInstances({ ...launch, SubnetId: subnetId }, context).Instances![0]!.InstanceId!
    expect(describeInstanceTypes({ InstanceTypes: ['t3.micro'] }, context).InstanceTypes![0]!.BurstablePerformanceSupported).toBe(true)
    expect(describeInstanceCreditSpecifications({ InstanceIds: [id] }, context).InstanceCreditSpecifications).toEqual([{ InstanceId: id, CpuCredits: 'unlimited' }])
    modifyInstanceAttribute({ InstanceId: id, DisableApiTermination: { Value: true } }, context)
    expect(describeInstanceAttribute({ InstanceId: id, Attribute: 'disableApiTermination' }, context).DisableApiTermination).toEqual({ Value: true })
    expect(() => terminateInstances({ InstanceIds: [id] }, context)).toThrow(expect.objectContaining({ code: 'OperationNotPermitted' }))
    expect(() => describeInstanceTypes({ InstanceTypes: ['x9.huge' as never] }, context)).toThrow(expect.objectContaining({ code: 'InvalidInstanceType' }))
  })

  it('refuses a malformed AMI id and an unknown subnet', () => {
    const { context } = subnet()
    expect(() => runInstances({ ...launch, ImageId: 'image-1', SubnetId: 'subnet-0' }, context)).toThrow(expect.objectContaining({ code: 'InvalidAMIID.Malformed' }))
    expect(() => runInstances({ ...launch, SubnetId: 'subnet-0123456789abcdef0' }, context)).toThrow(expect.objectContaining({ code: 'InvalidSubnetID.NotFound' }))
  })
})
