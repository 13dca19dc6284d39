// Route tables, their subnet associations and routes. Each VPC has a main route table (created
// with the VPC) with the implicit local route; subnets without an explicit association use it.
import type {
  AssociateRouteTableRequest,
  AssociateRouteTableResult,
  CreateRouteRequest,
  CreateRouteResult,
  CreateRouteTableRequest,
  CreateRouteTableResult,
  DeleteRouteRequest,
  DeleteRouteTableRequest,
  DescribeRouteTablesRequest,
  DescribeRouteTablesResult,
  DisassociateRouteTableRequest,
  ReplaceRouteRequest,
  ReplaceRouteTableAssociationRequest,
  ReplaceRouteTableAssociationResult,
  Route,
  RouteTable,
  Subnet,
  Vpc,
} from '@aws-sdk/client-ec2'
import type { ApiRequestContext } from '../../server/action-handler.js'
import { AwsApiError, missingParameter } from '../../server/api-error.js'
import type { AwsStore, ResourceRecord } from '../../store/aws-store.js'
import { tagsFromSpecifications } from '../../store/describe-filters.js'
import { bool, describeRecords, EC2_TYPES, notFoundError, render, requireRecord } from './ec2-records.js'
import { findPeeringRecord } from './peering.js'

/** Creates a route table with the VPC's local route; `main` marks the VPC's main table. */
export function createRouteTableRecord(store: AwsStore, account: string, region: string, vpc: Vpc, main: boolean, tags: Record<string, string> = {}): ResourceRecord<RouteTable> {
  const id = store.newId('rtb')
  const data: RouteTable = {
    RouteTableId: id,
    VpcId: vpc.VpcId,
    OwnerId: account,
    Routes: [{ DestinationCidrBlock: vpc.CidrBlock, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }],
    Associations: main ? [{ Main: true, RouteTableId: id, RouteTableAssociationId: store.newId('rtbassoc'), AssociationState: { State: 'associated' } }] : [],
    PropagatingVgws: [],
  }
  return store.put({ type: EC2_TYPES.routeTable.type, id, account, region, tags, data })
}

/** CreateRouteTable in a VPC. */
export function createRouteTable(input: CreateRouteTableRequest, context: ApiRequestContext): CreateRouteTableResult {
  const vpc = requireRecord<Vpc>(context, EC2_TYPES.vpc, input.VpcId)
  const record = createRouteTableRecord(context.store, context.account, context.region, vpc.data, false, tagsFromSpecifications(input.TagSpecifications, 'route-table'))
  return { RouteTable: render(record) }
}

const fields = {
  'route-table-id': (t: RouteTable) => t.RouteTableId,
  'vpc-id': (t: RouteTable) => t.VpcId,
  'owner-id': (t: RouteTable) => t.OwnerId,
  'association.main': (t: RouteTable) => (t.Associations ?? []).map((a) => bool(a.Main)),
  'association.subnet-id': (t: RouteTable) => (t.Associations ?? []).map((a) => a.SubnetId),
  'association.route-table-association-id': (t: RouteTable) => (t.Associations ?? []).map((a) => a.RouteTableAssociationId),
  'association.route-table-id': (t: RouteTable) => (t.Associations ?? []).map((a) => a.RouteTableId),
  'association.gateway-id': (t: RouteTable) => (t.Associations ?? []).map((a) => a.GatewayId),
  'route.destination-cidr-block': (t: RouteTable) => (t.Routes ?? []).map((r) => r.DestinationCidrBlock),
  'route.vpc-peering-connection-id': (t: RouteTable) => (t.Routes ?? []).map((r) => r.VpcPeeringConnectionId),
  'route.gateway-id': (t: RouteTable) => (t.Routes ?? []).map((r) => r.GatewayId),
  'route.state': (t: RouteTable) => (t.Routes ?? []).map((r) => r.State),
}

/** DescribeRouteTables by id and filter (the provider finds associations and main tables by filter). */
export function describeRouteTables(input: DescribeRouteTablesRequest, context: ApiRequestContext): DescribeRouteTablesResult {
  return { RouteTables: describeRecords<RouteTable>(context, { kind: EC2_TYPES.routeTable, ids: input.RouteTableIds, filters: input.Filters, fields }) }
}

/** DeleteRouteTable: refused for the main table and while subnets are associated. */
export function deleteRouteTable(input: DeleteRouteTableRequest, context: ApiRequestContext): Record<string, never> {
  const table = requireRecord<RouteTable>(context, EC2_TYPES.routeTable, input.RouteTableId)
  if ((table.data.Associations ?? []).length > 0) throw new AwsApiError('DependencyViolation', `The routeTable '${table.id}' has dependencies and cannot be deleted.`)
  context.store.delete(context.account, context.region, EC2_TYPES.routeTable.type, table.id)
  return {}
}

function findAssociation(context: ApiRequestContext, associationId: string | undefined): ResourceRecord<RouteTable> {
  if (!associationId) throw missingParameter('AssociationId')
  const table = context.store.list<RouteTable>({ type: EC2_TYPES.routeTable.type, account: context.account, region: context.region }).find((t) => (t.data.Associations ?? []).some((a) => a.RouteTableAssociationId === associationId))
  if (table === undefined) throw new AwsApiError('InvalidAssociationID.NotFound', `The association ID '${associationId}' does not exist`)
  return table
}

/** AssociateRouteTable: one explicit association per subnet, in the table's VPC. */
export function associateRouteTable(input: AssociateRouteTableRequest, context: ApiRequestContext): AssociateRouteTableResult {
  const table = requireRecord<RouteTable>(context, EC2_TYPES.routeTable, input.RouteTableId)
  if (!input.SubnetId) throw missingParameter('SubnetId')
  const subnet = requireRecord<Subnet>(context, EC2_TYPES.subnet, input.SubnetId)
  if (subnet.data.VpcId !== table.data.VpcId) throw new AwsApiError('InvalidParameterValue', `Route table ${table.id} and subnet ${subnet.id} belong to different networks`)
  const taken = context.store.list<RouteTable>({ type: EC2_TYPES.routeTable.type, account: context.account, region: context.region }).find((t) => (t.data.Associations ?? []).some((a) => a.SubnetId === subnet.id))
  if (taken !== undefined) throw new AwsApiError('Resource.AlreadyAssociated', `the specified association for route table ${taken.id} conflicts with an existing association`)
  const associationId = context.store.newId('rtbassoc')
  context.store.update<RouteTable>(context.account, context.region, EC2_TYPES.routeTable.type, table.id, (r) => {
    r.data.Associations = [...(r.data.Associations ?? []), { Main: false, RouteTableId: table.id, SubnetId: subnet.id, RouteTableAssociationId: associationId, AssociationState: { State: 'associated' } }]
  })
  return { AssociationId: associationId, AssociationState: { State: 'associated' } }
}

/** DisassociateRouteTable: the subnet falls back to the main table. */
export function disassociateRouteTable(input: DisassociateRouteTableRequest, context: ApiRequestContext): Record<string, never> {
  const table = findAssociation(context, input.AssociationId)
  const association = table.data.Associations!.find((a) => a.RouteTableAssociationId === input.AssociationId)!
  if (association.Main) throw new AwsApiError('InvalidParameterValue', `cannot disassociate the main route table association ${input.AssociationId}`)
  context.store.update<RouteTable>(context.account, context.region, EC2_TYPES.routeTable.type, table.id, (r) => {
    r.data.Associations = r.data.Associations!.filter((a) => a.RouteTableAssociationId !== input.AssociationId)
  })
  return {}
}

/** ReplaceRouteTableAssociation: moves a subnet (or the main flag) to another table. */
export function replaceRouteTableAssociation(input: ReplaceRouteTableAssociationRequest, context: ApiRequestContext): ReplaceRouteTableAssociationResult {
  const from = findAssociation(context, input.AssociationId)
  const to = requireRecord<RouteTable>(context, EC2_TYPES.routeTable, input.RouteTableId)
  const old = from.data.Associations!.find((a) => a.RouteTableAssociationId === input.AssociationId)!
  const associationId = context.store.newId('rtbassoc')
  context.store.update<RouteTable>(context.account, context.region, EC2_TYPES.routeTable.type, from.id, (r) => {
    r.data.Associations = r.data.Associations!.filter((a) => a.RouteTableAssociationId !== input.AssociationId)
  })
  context.store.update<RouteTable>(context.account, context.region, EC2_TYPES.routeTable.type, to.id, (r) => {
    r.data.Associations = [...(r.data.Associations ?? []), { ...old, RouteTableId: to.id, RouteTableAssociationId: associationId }]
  })
  return { NewAssociationId: associationId, AssociationState: { State: 'associated' } }
}

/** The target of a CreateRoute/ReplaceRoute, checked where the local API holds the resource. */
function routeTarget(input: CreateRouteRequest | ReplaceRouteRequest, context: ApiRequestContext): Route {
  if (input.VpcPeeringConnectionId && findPeeringRecord(context, input.VpcPeeringConnectionId) === undefined) throw notFoundError(EC2_TYPES.vpcPeeringConnection, input.VpcPeeringConnectionId)
  if (input.NetworkInterfaceId) requireRecord(context, EC2_TYPES.networkInterface, input.NetworkInterfaceId)
  if (input.InstanceId) requireRecord(context, EC2_TYPES.instance, input.InstanceId)
  const target: Route = {
    GatewayId: input.GatewayId,
    VpcPeeringConnectionId: input.VpcPeeringConnectionId,
    NatGatewayId: input.NatGatewayId,
    NetworkInterfaceId: input.NetworkInterfaceId,
    InstanceId: input.InstanceId,
    TransitGatewayId: input.TransitGatewayId,
  }
  if (Object.values(target).every((v) => v === undefined)) throw missingParameter('target (GatewayId, VpcPeeringConnectionId, NetworkInterfaceId, …)')
  return target
}

const destinationOf = (input: { DestinationCidrBlock?: string; DestinationIpv6CidrBlock?: string; DestinationPrefixListId?: string }): string => {
  const d = input.DestinationCidrBlock ?? input.DestinationIpv6CidrBlock ?? input.DestinationPrefixListId
  if (d === undefined) throw missingParameter('DestinationCidrBlock')
  return d
}
const routeDestination = (r: Route): string | undefined => r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId

/** CreateRoute: RouteAlreadyExists for a destination the table routes already. */
export function createRoute(input: CreateRouteRequest, context: ApiRequestContext): CreateRouteResult {
  const table = requireRecord<RouteTable>(context, EC2_TYPES.routeTable, input.RouteTableId)
  const destination = destinationOf(input)
  if ((table.data.Routes ?? []).some((r) => routeDestination(r) === destination)) {
    throw new AwsApiError('RouteAlreadyExists', `The route identified by ${destination} already exists.`)
  }
  const target = routeTarget(input, context)
  context.store.update<RouteTable>(context.account, context.region, EC2_TYPES.routeTable.type, table.id, (r) => {
    r.data.Routes = [...(r.data.Routes ?? []), { DestinationCidrBlock: input.DestinationCidrBlock, DestinationIpv6CidrBlock: input.DestinationIpv6CidrBlock, DestinationPrefixListId: input.DestinationPrefixListId, ...target, Origin: 'CreateRoute', State: 'active' }]
  })
  return { Return: true }
}

/** ReplaceRoute: a new target for an existing destination. */
export function replaceRoute(input: ReplaceRouteRequest, context: ApiRequestContext): Record<string, never> {
  const table = requireRecord<RouteTable>(context, EC2_TYPES.routeTable, input.RouteTableId)
  const destination = destinationOf(input)
  const target = routeTarget(input, context)
  context.store.update<RouteTable>(context.account, context.region, EC2_TYPES.routeTable.type, table.id, (r) => {
    const index = (r.data.Routes ?? []).findIndex((x) => routeDestination(x) === destination && x.Origin === 'CreateRoute')
    if (index < 0) throw new AwsApiError('InvalidRoute.NotFound', `no route with destination-cidr-block ${destination} in route table ${table.id}`)
    r.data.Routes![index] = { ...r.data.Routes![index], ...target }
  })
  return {}
}

/** DeleteRoute: the local route cannot be deleted. */
export function deleteRoute(input: DeleteRouteRequest, context: ApiRequestContext): Record<string, never> {
  const table = requireRecord<RouteTable>(context, EC2_TYPES.routeTable, input.RouteTableId)
  const destination = destinationOf(input)
  const route = (table.data.Routes ?? []).find((r) => routeDestination(r) === destination)
  if (route === undefined) throw new AwsApiError('InvalidRoute.NotFound', `no route with destination-cidr-block ${destination} in route table ${table.id}`)
  if (route.GatewayId === 'local') throw new AwsApiError('InvalidParameterValue', `cannot remove local route ${destination} in route table ${table.id}`)
  context.store.update<RouteTable>(context.account, context.region, EC2_TYPES.routeTable.type, table.id, (r) => {
    r.data.Routes = r.data.Routes!.filter((x) => x !== route && routeDestination(x) !== destination)
  })
  return {}
}

/** The route tables of a VPC (DeleteVpc removes the main one). */
export function vpcRouteTables(store: AwsStore, account: string, region: string, vpcId: string): ResourceRecord<RouteTable>[] {
  return store.list<RouteTable>({ type: EC2_TYPES.routeTable.type, account, region }).filter((t) => t.data.VpcId === vpcId)
}
