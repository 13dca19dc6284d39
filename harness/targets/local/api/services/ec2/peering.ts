// VPC peering: the requester creates the connection in its account and region; the accepter (the
// peer VPC's owner, in the peer region) sees the same connection and accepts it. As on AWS,
// overlapping CIDR blocks put it in `failed` ("Overlapping CIDR range"), a cross-region
// connection can only be accepted from the peer region, and routing is not transitive (routes
// name one connection; nothing here forwards between two).
import type {
  AcceptVpcPeeringConnectionRequest,
  AcceptVpcPeeringConnectionResult,
  CreateVpcPeeringConnectionRequest,
  CreateVpcPeeringConnectionResult,
  DeleteVpcPeeringConnectionRequest,
  DeleteVpcPeeringConnectionResult,
  DescribeVpcPeeringConnectionsRequest,
  DescribeVpcPeeringConnectionsResult,
  ModifyVpcPeeringConnectionOptionsRequest,
  ModifyVpcPeeringConnectionOptionsResult,
  VpcPeeringConnection,
  VpcPeeringConnectionStateReasonCode,
} from '@aws-sdk/client-ec2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError, missingParameter } from '../../server/api-error.js'
import type { ResourceRecord } from '../../store/aws-store.js'
import { tagsFromSpecifications } from '../../store/describe-filters.js'
import { cidrsOverlap, parseCidr, type Cidr } from '../../../topology/cidr.js'
import { EC2_TYPES, filtered, notFoundError, requireRecord } from './ec2-records.js'
import { scheduleRemoval, TRANSITION_MS } from './lifecycle.js'
import { toTagList } from '../../store/describe-filters.js'
import type { VpcData } from './vpcs.js'

const TYPE = EC2_TYPES.vpcPeeringConnection.type

/**
 * A connection across accounts or regions has a side in each, and each side keeps its own tags
 * (the requester's are the record's; the accepter's live here), so each side's provider sees
 * only the tags it set.
 */
export type PeeringData = VpcPeeringConnection & { local?: { accepterTags: Record<string, string> } }
const DEFAULT_OPTIONS = { AllowDnsResolutionFromRemoteVpc: false, AllowEgressFromLocalClassicLinkToRemoteVpc: false, AllowEgressFromLocalVpcToRemoteClassicLink: false }

const status = (Code: VpcPeeringConnectionStateReasonCode | string, Message: string) => ({ Code: Code as VpcPeeringConnectionStateReasonCode, Message })

/** Whether the caller sees this connection: as its requester or as its accepter. */
function visibleTo(record: ResourceRecord<VpcPeeringConnection>, context: ApiRequestContext): 'requester' | 'accepter' | undefined {
  if (record.account === context.account && record.region === context.region) return 'requester'
  const accepter = record.data.AccepterVpcInfo
  if (accepter?.OwnerId === context.account && accepter.Region === context.region) return 'accepter'
  return undefined
}

/** The connection with this id as the caller sees it (requester or accepter side); undefined if not visible. */
export function findPeeringRecord(context: ApiRequestContext, id: string): ResourceRecord<PeeringData> | undefined {
  return context.store.list<PeeringData>({ type: TYPE }).find((r) => r.id === id && visibleTo(r, context) !== undefined)
}

/** Whether the two sides are one (same account and region): then they share one set of tags. */
const oneSided = (record: ResourceRecord<PeeringData>): boolean => record.data.AccepterVpcInfo?.OwnerId === record.account && record.data.AccepterVpcInfo?.Region === record.region

/** The tags the caller's side of the connection carries. */
export function peeringTagsFor(record: ResourceRecord<PeeringData>, context: ApiRequestContext): Record<string, string> {
  return visibleTo(record, context) === 'accepter' && !oneSided(record) ? (record.data.local?.accepterTags ?? {}) : record.tags
}

/** Changes the tags of the caller's side. */
export function updatePeeringTags(record: ResourceRecord<PeeringData>, context: ApiRequestContext, change: (tags: Record<string, string>) => Record<string, string>): void {
  const accepterSide = visibleTo(record, context) === 'accepter' && !oneSided(record)
  context.store.update<PeeringData>(record.account, record.region, TYPE, record.id, (r) => {
    if (accepterSide) r.data.local = { accepterTags: change({ ...(r.data.local?.accepterTags ?? {}) }) }
    else r.tags = change({ ...r.tags })
  })
}

/** The connection as the caller's side sees it. */
function renderFor(record: ResourceRecord<PeeringData>, context: ApiRequestContext): VpcPeeringConnection {
  const { local: _local, ...data } = record.data
  return { ...data, Tags: toTagList(peeringTagsFor(record, context)) }
}

function requirePeering(context: ApiRequestContext, id: string | undefined): ResourceRecord<PeeringData> {
  if (!id) throw missingParameter('VpcPeeringConnectionId')
  const record = findPeeringRecord(context, id)
  if (record === undefined) throw notFoundError(EC2_TYPES.vpcPeeringConnection, id)
  return record
}

/** CreateVpcPeeringConnection: pending-acceptance, or failed when the blocks overlap or the peer VPC does not exist. */
export function createVpcPeeringConnection(input: CreateVpcPeeringConnectionRequest, context: ApiRequestContext): CreateVpcPeeringConnectionResult {
  const { store, account, region } = context
  const vpc = requireRecord<VpcData>(context, EC2_TYPES.vpc, input.VpcId)
  if (!input.PeerVpcId) throw missingParameter('PeerVpcId')
  const peerOwner = input.PeerOwnerId ?? account
  const peerRegion = input.PeerRegion ?? region
  const peer = store.get<VpcData>(peerOwner, peerRegion, EC2_TYPES.vpc.type, input.PeerVpcId)
  const id = store.newId('pcx')
  const cidr = (v: VpcData) => parseCidr(v.CidrBlock!) as Cidr
  const outcome =
    peer === undefined
      ? status('failed', `The VPC ${input.PeerVpcId} does not exist in account ${peerOwner} in ${peerRegion}`)
      : cidrsOverlap(cidr(vpc.data), cidr(peer.data))
        ? status('failed', 'Overlapping CIDR range')
        : status('pending-acceptance', `Pending Acceptance by ${peerOwner}`)
  const data: VpcPeeringConnection = {
    VpcPeeringConnectionId: id,
    RequesterVpcInfo: { VpcId: vpc.id, OwnerId: account, Region: region, CidrBlock: vpc.data.CidrBlock, CidrBlockSet: [{ CidrBlock: vpc.data.CidrBlock }], PeeringOptions: DEFAULT_OPTIONS },
    AccepterVpcInfo: { VpcId: input.PeerVpcId, OwnerId: peerOwner, Region: peerRegion },
    Status: outcome,
    ExpirationTime: new Date(Date.now() + 7 * 24 * 3600 * 1000),
  }
  const record = store.put<PeeringData>({ type: TYPE, id, account, region, tags: tagsFromSpecifications(input.TagSpecifications, 'vpc-peering-connection'), data: { ...data, local: { accepterTags: {} } } })
  // AWS lists a failed connection for a while, then forgets it (the provider reads `failed` as gone).
  if (outcome.Code === 'failed') scheduleRemoval(store, record, TRANSITION_MS.forgotten)
  return { VpcPeeringConnection: { ...renderFor(record, context), Status: status('initiating-request', `Initiating Request to ${peerOwner}`) } }
}

/** AcceptVpcPeeringConnection: by the accepter, or by the requester only within one account and region. */
export function acceptVpcPeeringConnection(input: AcceptVpcPeeringConnectionRequest, context: ApiRequestContext): AcceptVpcPeeringConnectionResult {
  const record = requirePeering(context, input.VpcPeeringConnectionId)
  const side = visibleTo(record, context)
  const accepter = record.data.AccepterVpcInfo!
  const sameSide = accepter.OwnerId === record.account && accepter.Region === record.region
  if (side === 'requester' && !sameSide) throw new AwsApiError('OperationNotPermitted', `User ${context.account} cannot accept peering ${record.id}`)
  if (record.data.Status?.Code === 'active') return { VpcPeeringConnection: renderFor(record, context) }
  if (record.data.Status?.Code !== 'pending-acceptance') throw new AwsApiError('InvalidStateTransition', `Invalid state transition for pcx ${record.id}, attempted to transition from ${record.data.Status?.Code} to active`)
  const peer = context.store.get<VpcData>(accepter.OwnerId!, accepter.Region!, EC2_TYPES.vpc.type, accepter.VpcId!)!
  const updated = context.store.update<PeeringData>(record.account, record.region, TYPE, record.id, (r) => {
    r.data.AccepterVpcInfo = { ...accepter, CidrBlock: peer.data.CidrBlock, CidrBlockSet: [{ CidrBlock: peer.data.CidrBlock }], PeeringOptions: DEFAULT_OPTIONS }
    r.data.Status = status('active', 'Active')
    r.data.ExpirationTime = undefined
  })!
  return { VpcPeeringConnection: renderFor(updated, context) }
}

const fields = {
  'vpc-peering-connection-id': (p: VpcPeeringConnection) => p.VpcPeeringConnectionId,
  'status-code': (p: VpcPeeringConnection) => p.Status?.Code,
  'requester-vpc-info.vpc-id': (p: VpcPeeringConnection) => p.RequesterVpcInfo?.VpcId,
  'requester-vpc-info.owner-id': (p: VpcPeeringConnection) => p.RequesterVpcInfo?.OwnerId,
  'requester-vpc-info.cidr-block': (p: VpcPeeringConnection) => p.RequesterVpcInfo?.CidrBlock,
  'accepter-vpc-info.vpc-id': (p: VpcPeeringConnection) => p.AccepterVpcInfo?.VpcId,
  'accepter-vpc-info.owner-id': (p: VpcPeeringConnection) => p.AccepterVpcInfo?.OwnerId,
  'accepter-vpc-info.cidr-block': (p: VpcPeeringConnection) => p.AccepterVpcInfo?.CidrBlock,
}

/** DescribeVpcPeeringConnections: the connections the caller requested or may accept. */
export function describeVpcPeeringConnections(input: DescribeVpcPeeringConnectionsRequest, context: ApiRequestContext): DescribeVpcPeeringConnectionsResult {
  let records = context.store.list<PeeringData>({ type: TYPE }).filter((r) => visibleTo(r, context) !== undefined)
  const ids = input.VpcPeeringConnectionIds ?? []
  const missing = ids.filter((id) => !records.some((r) => r.id === id))
  if (missing.length > 0) throw notFoundError(EC2_TYPES.vpcPeeringConnection, missing.join(', '))
  if (ids.length > 0) records = records.filter((r) => ids.includes(r.id))
  const seen = records.map((record) => ({ record, shape: renderFor(record, context) }))
  const itemFields = Object.fromEntries(Object.entries(fields).map(([name, read]) => [name, (item: { shape: VpcPeeringConnection }) => read(item.shape)]))
  return { VpcPeeringConnections: filtered(seen, input.Filters, itemFields, (item) => peeringTagsFor(item.record, context)).map((item) => item.shape) }
}

/** DeleteVpcPeeringConnection: either side may delete; the routes through it become blackholes. */
export function deleteVpcPeeringConnection(input: DeleteVpcPeeringConnectionRequest, context: ApiRequestContext): DeleteVpcPeeringConnectionResult {
  const record = requirePeering(context, input.VpcPeeringConnectionId)
  context.store.delete(record.account, record.region, TYPE, record.id)
  for (const table of context.store.list<{ Routes?: Array<{ VpcPeeringConnectionId?: string; State?: string }> }>({ type: EC2_TYPES.routeTable.type })) {
    if (!(table.data.Routes ?? []).some((r) => r.VpcPeeringConnectionId === record.id)) continue
    context.store.update<{ Routes?: Array<{ VpcPeeringConnectionId?: string; State?: string }> }>(table.account, table.region, table.type, table.id, (t) => {
      for (const route of t.data.Routes ?? []) if (route.VpcPeeringConnectionId === record.id) route.State = 'blackhole'
    })
  }
  return { Return: true }
}

/** ModifyVpcPeeringConnectionOptions: stored and described; DNS resolution across the peering is not emulated. */
export function modifyVpcPeeringConnectionOptions(input: ModifyVpcPeeringConnectionOptionsRequest, context: ApiRequestContext): ModifyVpcPeeringConnectionOptionsResult {
  const record = requirePeering(context, input.VpcPeeringConnectionId)
  if (record.data.Status?.Code !== 'active') throw new AwsApiError('OperationNotPermitted', `Peering ${record.id} is not active`)
  context.store.update<VpcPeeringConnection>(record.account, record.region, TYPE, record.id, (r) => {
    if (input.RequesterPeeringConnectionOptions) r.data.RequesterVpcInfo!.PeeringOptions = { ...r.data.RequesterVpcInfo!.PeeringOptions, ...input.RequesterPeeringConnectionOptions }
    if (input.AccepterPeeringConnectionOptions) r.data.AccepterVpcInfo!.PeeringOptions = { ...r.data.AccepterVpcInfo!.PeeringOptions, ...input.AccepterPeeringConnectionOptions }
  })
  return { RequesterPeeringConnectionOptions: input.RequesterPeeringConnectionOptions, AccepterPeeringConnectionOptions: input.AccepterPeeringConnectionOptions }
}
