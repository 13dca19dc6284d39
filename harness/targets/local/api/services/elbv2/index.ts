// ELBv2 as the local API serves it (query protocol): network load balancers with their node ENIs,
// TCP/TLS/UDP target groups with instance and IP targets, listeners, attributes and tags. What is
// not emulated is listed in README.md; those actions answer NotEmulatedByLocalTarget.
import * as elbv2 from '@aws-sdk/client-elastic-load-balancing-v2'
import type { ServiceDefinition } from '../../server/action-handler.js'
import { createListener, deleteListener, describeListenerAttributes, describeListeners, modifyListener, modifyListenerAttributes } from './listeners.js'
import {
  createLoadBalancer,
  deleteLoadBalancer,
  describeCapacityReservation,
  describeLoadBalancerAttributes,
  describeLoadBalancers,
  modifyLoadBalancerAttributes,
} from './load-balancers.js'
import { addTags, describeTags, removeTags } from './tags.js'
import {
  createTargetGroup,
  deleteTargetGroup,
  describeTargetGroupAttributes,
  describeTargetGroups,
  modifyTargetGroup,
  modifyTargetGroupAttributes,
} from './target-groups.js'
import { deregisterTargets, describeTargetHealth, registerTargets } from './targets.js'

export const elbv2Service: ServiceDefinition = {
  signingName: 'elasticloadbalancing',
  displayName: 'ELBv2',
  protocol: 'query',
  xmlNamespace: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
  schemas: elbv2 as unknown as Record<string, unknown>,
  handlers: {
    CreateLoadBalancer: createLoadBalancer,
    DescribeLoadBalancers: describeLoadBalancers,
    DeleteLoadBalancer: deleteLoadBalancer,
    DescribeLoadBalancerAttributes: describeLoadBalancerAttributes,
    ModifyLoadBalancerAttributes: modifyLoadBalancerAttributes,
    DescribeCapacityReservation: describeCapacityReservation,
    CreateTargetGroup: createTargetGroup,
    DescribeTargetGroups: describeTargetGroups,
    ModifyTargetGroup: modifyTargetGroup,
    DeleteTargetGroup: deleteTargetGroup,
    DescribeTargetGroupAttributes: describeTargetGroupAttributes,
    ModifyTargetGroupAttributes: modifyTargetGroupAttributes,
    RegisterTargets: registerTargets,
    DeregisterTargets: deregisterTargets,
    DescribeTargetHealth: describeTargetHealth,
    CreateListener: createListener,
    DescribeListeners: describeListeners,
    ModifyListener: modifyListener,
    DeleteListener: deleteListener,
    DescribeListenerAttributes: describeListenerAttributes,
    ModifyListenerAttributes: modifyListenerAttributes,
    DescribeTags: describeTags,
    AddTags: addTags,
    RemoveTags: removeTags,
  },
}
