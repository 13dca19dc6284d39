import { defineScenario } from '../harness/index.js'

export default defineScenario({
  name: 'peering-overlap-refused',
  fixture: 'peered-outpost-relay',
  description: 'The outpost VPC uses the provider VPC\'s CIDR, so the inter-region peering between them fails and the apply with it.',
  proves: 'VPC peering refuses overlapping CIDRs',
  vars: { provider_cidr: '10.0.0.0/16', outpost_cidr: '10.0.0.0/16' },
  expect_apply_error: 'Overlapping CIDR',
})
