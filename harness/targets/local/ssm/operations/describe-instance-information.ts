// DescribeInstanceInformation: the managed instances whose registration delay has passed, all
// Online Linux EC2 instances. An instance not registered yet is simply absent, as on AWS.
import { z } from 'zod'
import type { RegisteredInstance } from '../instance-registry.js'
import { SsmServiceError } from '../service-error.js'
import { type Operation, decodeNextToken, encodeNextToken, parseInput, toEpochSeconds } from './operation-context.js'

/** what the emulated agent reports; any plausible value would do, these are stated rather than hidden */
const AGENT = { AgentVersion: '3.3.0.0', PlatformName: 'Amazon Linux', PlatformVersion: '2023' } as const
const DEFAULT_PAGE_SIZE = 10

const schema = z.object({
  InstanceInformationFilterList: z.array(z.object({ key: z.string(), valueSet: z.array(z.string()).min(1).max(100) })).optional(),
  Filters: z.array(z.object({ Key: z.string(), Values: z.array(z.string()).min(1).max(100) })).optional(),
  MaxResults: z
    .number()
    .int()
    .min(5, 'Member must have value greater than or equal to 5')
    .max(50, 'Member must have value less than or equal to 50')
    .optional(),
  NextToken: z.string().optional(),
})

type Described = Record<string, unknown>
type Predicate = (info: Described) => boolean

/** filter key → the InstanceInformation field it matches */
const FILTER_FIELDS: Record<string, string> = {
  InstanceIds: 'InstanceId',
  PingStatus: 'PingStatus',
  PlatformTypes: 'PlatformType',
  ResourceType: 'ResourceType',
  AgentVersion: 'AgentVersion',
}

/** Handles AmazonSSM.DescribeInstanceInformation. */
export const describeInstanceInformation: Operation = (input, context) => {
  const request = parseInput(schema, input)
  const predicates: Predicate[] = [
    ...(request.InstanceInformationFilterList ?? []).map((f) => buildPredicate(f.key, f.valueSet)),
    ...(request.Filters ?? []).map((f) => buildPredicate(f.Key, f.Values)),
  ]
  const now = Date.now()
  const all = context
    .onlineInstances()
    .sort((a, b) => a.instanceId.localeCompare(b.instanceId))
    .map((instance) => describeInstance(instance, now))
    .filter((info) => predicates.every((p) => p(info)))
  const offset = decodeNextToken(request.NextToken)
  const pageSize = request.MaxResults ?? DEFAULT_PAGE_SIZE
  const next = offset + pageSize < all.length ? { NextToken: encodeNextToken(offset + pageSize) } : {}
  return { InstanceInformationList: all.slice(offset, offset + pageSize), ...next }
}

function buildPredicate(key: string, values: string[]): Predicate {
  const field = FILTER_FIELDS[key]
  if (field === undefined) {
    throw new SsmServiceError('InvalidInstanceInformationFilterValue', `Filter key ${key} is not emulated; use one of ${Object.keys(FILTER_FIELDS).join(', ')}.`)
  }
  const wanted = new Set(values)
  return (info) => wanted.has(String(info[field]))
}

function describeInstance(instance: RegisteredInstance, now: number): Described {
  const managed = instance.instanceId.startsWith('mi-')
  return {
    InstanceId: instance.instanceId,
    PingStatus: 'Online',
    LastPingDateTime: toEpochSeconds(now),
    AgentVersion: AGENT.AgentVersion,
    IsLatestVersion: false,
    PlatformType: 'Linux',
    PlatformName: AGENT.PlatformName,
    PlatformVersion: AGENT.PlatformVersion,
    ResourceType: managed ? 'ManagedInstance' : 'EC2Instance',
    ...(instance.ipAddress === undefined ? {} : { IPAddress: instance.ipAddress }),
    ...(instance.computerName === undefined ? {} : { ComputerName: instance.computerName }),
    RegistrationDate: toEpochSeconds(instance.registeredAt),
    AssociationStatus: 'Success',
    SourceId: instance.instanceId,
    SourceType: managed ? 'AWS::SSM::ManagedInstance' : 'AWS::EC2::Instance',
  }
}
