// GetResources over the wire, with what the ELBv2 and IAM services put in the store, read the way
// the janitor reads it (tag key filter, 100 per page, every page).
import * as elbv2 from '@aws-sdk/client-elastic-load-balancing-v2'
import * as iam from '@aws-sdk/client-iam'
import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { elbv2Service } from '../elbv2/index.js'
import { seedTestNetwork } from '../elbv2/test-network.js'
import { iamService } from '../iam/index.js'
import { createTestContext, startTestApi } from '../test-request-context.js'
import { taggingService } from './index.js'

let setup: Awaited<ReturnType<typeof startTestApi>>
beforeAll(async () => {
  setup = await startTestApi([elbv2Service, iamService, taggingService])
})
afterAll(async () => {
  await setup?.api.close()
})

describe('tagging through the SDK client', () => {
  it("lists a run's tagged resources across services by the run tag", async () => {
    const run = [{ Key: 'plh:run-id', Value: 'r1' }]
    const network = seedTestNetwork(createTestContext(setup.store))
    const lb = (await new elbv2.ElasticLoadBalancingV2Client(setup.clientConfig()).send(new elbv2.CreateLoadBalancerCommand({ Name: 'plh', Type: 'network', Subnets: network.subnetIds, Tags: run }))).LoadBalancers![0]!
    await new iam.IAMClient(setup.clientConfig()).send(new iam.CreateRoleCommand({ RoleName: 'plh-ssm', AssumeRolePolicyDocument: '{"Statement":[]}', Tags: run }))
    const client = new ResourceGroupsTaggingAPIClient(setup.clientConfig())
    const out = await client.send(new GetResourcesCommand({ TagFilters: [{ Key: 'plh:run-id' }], ResourcesPerPage: 100 }))
    expect(out.ResourceTagMappingList).toEqual([
      { ResourceARN: lb.LoadBalancerArn, Tags: run },
      { ResourceARN: 'arn:aws:iam::111111111111:role/plh-ssm', Tags: run },
    ])
    expect(out.PaginationToken).toBe('')
  })
})
