// The one API call that deletes each kind of resource the janitor plans for, with retries on the
// errors that only mean "something still uses it" (its dependants are going away).
import {
  DeleteNetworkInterfaceCommand,
  DeleteRouteTableCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DeleteVpcEndpointServiceConfigurationsCommand,
  DeleteVpcEndpointsCommand,
  DeleteVpcPeeringConnectionCommand,
  TerminateInstancesCommand,
  type UnsuccessfulItem,
} from '@aws-sdk/client-ec2'
import { DeleteLoadBalancerCommand, DeleteTargetGroupCommand } from '@aws-sdk/client-elastic-load-balancing-v2'
import type { Logger } from '../../../core/target.js'
import type { AwsClients } from '../aws-clients.js'
import { awsErrorName, callAws } from '../aws-call.js'
import type { PlannedResource } from './plan-janitor.js'

/** error name → why waiting helps: a dependant (ENI, connection, association) is still on its way out. */
export const DEPENDENCY_ERRORS: Readonly<Record<string, string>> = {
  DependencyViolation: 'something still depends on it (an ENI, a route, a security group reference) and is being deleted',
  ResourceInUse: 'the load balancer that uses it is still being deleted',
  'InvalidNetworkInterface.InUse': 'the ENI is still attached to a terminating instance',
  ExistingVpcEndpointConnections: 'its endpoint connections are still being deleted',
  IncorrectState: 'it is between states',
}

export interface DeleteOptions {
  clients: AwsClients
  /** first backoff between attempts (default 5000); attempts grow ×2 up to 8× */
  minDelayMs?: number
  /** default 8: about four minutes in all, enough for instances to terminate and ENIs to go */
  retries?: number
  signal?: AbortSignal
  log?: Logger
}

/** Deletes one resource: 'deleted', or 'gone' when AWS no longer knows it. Throws InfrastructureError otherwise. */
export async function deleteTaggedResource(resource: PlannedResource, options: DeleteOptions): Promise<'deleted' | 'gone'> {
  const { clients } = options
  const { alias, region, id } = resource
  const ec2 = () => clients.ec2(alias, region)
  const elbv2 = () => clients.elbv2(alias, region)
  const calls: Record<PlannedResource['kind'], [string, () => Promise<unknown>]> = {
    'vpc-endpoint': ['ec2:DeleteVpcEndpoints', async () => failOnUnsuccessful((await ec2().send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [id] }))).Unsuccessful)],
    'vpc-endpoint-service': [
      'ec2:DeleteVpcEndpointServiceConfigurations',
      async () => failOnUnsuccessful((await ec2().send(new DeleteVpcEndpointServiceConfigurationsCommand({ ServiceIds: [id] }))).Unsuccessful),
    ],
    loadbalancer: ['elasticloadbalancing:DeleteLoadBalancer', () => elbv2().send(new DeleteLoadBalancerCommand({ LoadBalancerArn: id }))],
    targetgroup: ['elasticloadbalancing:DeleteTargetGroup', () => elbv2().send(new DeleteTargetGroupCommand({ TargetGroupArn: id }))],
    instance: ['ec2:TerminateInstances', () => ec2().send(new TerminateInstancesCommand({ InstanceIds: [id] }))],
    'network-interface': ['ec2:DeleteNetworkInterface', () => ec2().send(new DeleteNetworkInterfaceCommand({ NetworkInterfaceId: id }))],
    subnet: ['ec2:DeleteSubnet', () => ec2().send(new DeleteSubnetCommand({ SubnetId: id }))],
    'route-table': ['ec2:DeleteRouteTable', () => ec2().send(new DeleteRouteTableCommand({ RouteTableId: id }))],
    'vpc-peering-connection': ['ec2:DeleteVpcPeeringConnection', () => ec2().send(new DeleteVpcPeeringConnectionCommand({ VpcPeeringConnectionId: id }))],
    'security-group': ['ec2:DeleteSecurityGroup', () => ec2().send(new DeleteSecurityGroupCommand({ GroupId: id }))],
    vpc: ['ec2:DeleteVpc', () => ec2().send(new DeleteVpcCommand({ VpcId: id }))],
  }
  const [operation, call] = calls[resource.kind]
  try {
    await callAws({ alias, region }, operation, call, {
      minDelayMs: options.minDelayMs ?? 5000,
      retries: options.retries ?? 8,
      alsoRetry: DEPENDENCY_ERRORS,
      code: 'TEARDOWN_INCOMPLETE',
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.log ? { log: options.log } : {}),
    })
    return 'deleted'
  } catch (error) {
    if (isNotFound(awsErrorName((error as Error).cause))) return 'gone'
    throw error
  }
}

/** Already deleted (by terraform, by an earlier janitor, or with its load balancer). */
function isNotFound(name: string): boolean {
  return /NotFound/.test(name)
}

/** EC2's batch deletes answer 200 with per-item errors: raise the first as an error the retry table can read. */
function failOnUnsuccessful(items: UnsuccessfulItem[] | undefined): void {
  const first = items?.[0]
  if (!first) return
  const error = new Error(`${first.ResourceId}: ${first.Error?.Message ?? 'not deleted'}`)
  error.name = first.Error?.Code ?? 'Unsuccessful'
  throw error
}
