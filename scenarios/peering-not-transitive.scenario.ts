import { defineScenario, probe } from '../harness/index.js'

export default defineScenario({
  name: 'peering-not-transitive',
  fixture: 'peered-outpost-relay',
  description: 'A third VPC peered with the outpost reaches the outpost NLB, but not the provider VPC behind the outpost\'s other peering, even with routes and security groups that would allow it.',
  proves: 'VPC peering is not transitive',
  vars: { third_vpc: true },
  steps: [
    probe({
      title: 'the third VPC reaches the outpost NLB',
      from: 'bystanders',
      names: ['nlb-ips'],
      samples: 3,
      expect: { status: 200 },
    }),
    probe({
      title: 'the third VPC cannot reach the provider through the outpost',
      from: 'bystanders',
      names: ['producer-ips'],
      samples: 2,
      connect_timeout_s: 1,
      timeout_s: 2,
      expect: { failure: 'timeout' },
    }),
  ],
})
