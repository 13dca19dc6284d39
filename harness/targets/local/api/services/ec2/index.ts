// EC2 as the local API serves it (the EC2 query protocol): the actions the shipped fixtures, the
// AWS provider's reads and waiters, and the AWS target's own code use. Every other action answers
// NotEmulatedByLocalTarget naming it. What is and is not modelled: README.md beside this file.
import * as ec2 from '@aws-sdk/client-ec2'
import type { ActionHandler, ServiceDefinition } from '../../server/action-handler.js'
import { describeAccountAttributes, describeManagedPrefixLists, describePrefixLists } from './account-attributes.js'
import { describeAvailabilityZones } from './availability-zones.js'
import { describeInstanceTypeOfferings, describeInstanceTypes } from './instance-types.js'
import { describeInstanceAttribute, describeInstanceCreditSpecifications, describeInstances, modifyInstanceAttribute, runInstances, terminateInstances } from './instances.js'
import { describeNetworkAcls } from './network-acls.js'
import { deleteNetworkInterfaceAction, describeNetworkInterfaces } from './network-interfaces.js'
import { acceptVpcPeeringConnection, createVpcPeeringConnection, deleteVpcPeeringConnection, describeVpcPeeringConnections, modifyVpcPeeringConnectionOptions } from './peering.js'
import { associateRouteTable, createRoute, createRouteTable, deleteRoute, deleteRouteTable, describeRouteTables, disassociateRouteTable, replaceRoute, replaceRouteTableAssociation } from './route-tables.js'
import { authorizeSecurityGroupEgress, authorizeSecurityGroupIngress, describeSecurityGroupRules, revokeSecurityGroupEgress, revokeSecurityGroupIngress } from './security-group-rules.js'
import { createSecurityGroup, deleteSecurityGroup, describeSecurityGroups } from './security-groups.js'
import { createSubnet, deleteSubnet, describeSubnets, modifySubnetAttribute } from './subnets.js'
import { createTags, deleteTags, describeTags } from './tags.js'
import { createVpcEndpoint, deleteVpcEndpoints, describeVpcEndpoints, modifyVpcEndpoint } from './vpc-endpoints.js'
import {
  acceptVpcEndpointConnections,
  createVpcEndpointServiceConfiguration,
  deleteVpcEndpointServiceConfigurations,
  describeVpcEndpointConnections,
  describeVpcEndpointServiceConfigurations,
  describeVpcEndpointServicePermissions,
  describeVpcEndpointServices,
  modifyVpcEndpointServiceConfiguration,
  modifyVpcEndpointServicePermissions,
  rejectVpcEndpointConnections,
} from './vpc-endpoint-services.js'
import { createVpc, deleteVpc, describeVpcAttribute, describeVpcs, modifyVpcAttribute } from './vpcs.js'

const handlers: Record<string, ActionHandler> = {
  CreateVpc: createVpc,
  DescribeVpcs: describeVpcs,
  DeleteVpc: deleteVpc,
  DescribeVpcAttribute: describeVpcAttribute,
  ModifyVpcAttribute: modifyVpcAttribute,
  CreateSubnet: createSubnet,
  DescribeSubnets: describeSubnets,
  DeleteSubnet: deleteSubnet,
  ModifySubnetAttribute: modifySubnetAttribute,
  DescribeNetworkAcls: describeNetworkAcls,
  CreateRouteTable: createRouteTable,
  DescribeRouteTables: describeRouteTables,
  DeleteRouteTable: deleteRouteTable,
  AssociateRouteTable: associateRouteTable,
  DisassociateRouteTable: disassociateRouteTable,
  ReplaceRouteTableAssociation: replaceRouteTableAssociation,
  CreateRoute: createRoute,
  ReplaceRoute: replaceRoute,
  DeleteRoute: deleteRoute,
  CreateSecurityGroup: createSecurityGroup,
  DescribeSecurityGroups: describeSecurityGroups,
  DeleteSecurityGroup: deleteSecurityGroup,
  AuthorizeSecurityGroupIngress: authorizeSecurityGroupIngress,
  AuthorizeSecurityGroupEgress: authorizeSecurityGroupEgress,
  RevokeSecurityGroupIngress: revokeSecurityGroupIngress,
  RevokeSecurityGroupEgress: revokeSecurityGroupEgress,
  DescribeSecurityGroupRules: describeSecurityGroupRules,
  DescribeAvailabilityZones: describeAvailabilityZones,
  DescribeInstanceTypes: describeInstanceTypes,
  DescribeInstanceTypeOfferings: describeInstanceTypeOfferings,
  RunInstances: runInstances,
  DescribeInstances: describeInstances,
  TerminateInstances: terminateInstances,
  DescribeInstanceAttribute: describeInstanceAttribute,
  ModifyInstanceAttribute: modifyInstanceAttribute,
  DescribeInstanceCreditSpecifications: describeInstanceCreditSpecifications,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  DeleteNetworkInterface: deleteNetworkInterfaceAction,
  CreateTags: createTags,
  DeleteTags: deleteTags,
  DescribeTags: describeTags,
  CreateVpcEndpoint: createVpcEndpoint,
  DescribeVpcEndpoints: describeVpcEndpoints,
  ModifyVpcEndpoint: modifyVpcEndpoint,
  DeleteVpcEndpoints: deleteVpcEndpoints,
  CreateVpcEndpointServiceConfiguration: createVpcEndpointServiceConfiguration,
  DescribeVpcEndpointServiceConfigurations: describeVpcEndpointServiceConfigurations,
  ModifyVpcEndpointServiceConfiguration: modifyVpcEndpointServiceConfiguration,
  DeleteVpcEndpointServiceConfigurations: deleteVpcEndpointServiceConfigurations,
  DescribeVpcEndpointServicePermissions: describeVpcEndpointServicePermissions,
  ModifyVpcEndpointServicePermissions: modifyVpcEndpointServicePermissions,
  DescribeVpcEndpointServices: describeVpcEndpointServices,
  DescribeVpcEndpointConnections: describeVpcEndpointConnections,
  AcceptVpcEndpointConnections: acceptVpcEndpointConnections,
  RejectVpcEndpointConnections: rejectVpcEndpointConnections,
  CreateVpcPeeringConnection: createVpcPeeringConnection,
  AcceptVpcPeeringConnection: acceptVpcPeeringConnection,
  DescribeVpcPeeringConnections: describeVpcPeeringConnections,
  DeleteVpcPeeringConnection: deleteVpcPeeringConnection,
  ModifyVpcPeeringConnectionOptions: modifyVpcPeeringConnectionOptions,
  DescribeAccountAttributes: describeAccountAttributes,
  DescribePrefixLists: describePrefixLists,
  DescribeManagedPrefixLists: describeManagedPrefixLists,
}

export const ec2Service: ServiceDefinition = {
  signingName: 'ec2',
  displayName: 'EC2',
  protocol: 'ec2',
  xmlNamespace: 'http://ec2.amazonaws.com/doc/2016-11-15/',
  schemas: ec2 as unknown as Record<string, unknown>,
  handlers,
}
