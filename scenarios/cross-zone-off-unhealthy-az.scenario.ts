import { defineScenario, probe } from '../harness/index.js'

export default defineScenario({
  name: 'cross-zone-off-unhealthy-az',
  fixture: 'same-region-cross-account',
  description: 'With cross-zone load balancing off, the only target in us-east-1a fails its health checks: that AZ\'s zonal name goes nowhere, the other AZ\'s zonal name and the regional name still answer.',
  proves: 'with cross-zone load balancing off, a zonal name whose AZ has no healthy target fails while the regional name still works',
  assumes: 'the regional name leaves out the endpoint ENI whose AZ has no healthy target (one public answer on AWS re:Post says so; no AWS document was found; docs/emulator.md)',
  // the producers stay SSM-managed (the default): on AWS, set-target-health stops their service through SSM
  vars: { cross_zone_load_balancing: false, az_count: 2, producer_ssm: true },
  steps: [
    { kind: 'set-target-health', title: 'the target in us-east-1a fails its health checks', az: 'us-east-1a', healthy: false },
    probe({
      title: 'the zonal name of the AZ without a healthy target goes nowhere',
      names: ['zonal'],
      zonal_azs: ['us-east-1a'],
      samples: 2,
      connect_timeout_s: 1,
      timeout_s: 2,
      expect: { failure: 'timeout' },
    }),
    probe({ title: 'the other AZ\'s zonal name answers', names: ['zonal'], zonal_azs: ['us-east-1b'], samples: 5, expect: { status: 200 } }),
    probe({ title: 'the regional name still answers (DNS leaves out the failed AZ)', names: ['regional'], samples: 6, expect: { status: 200 } }),
  ],
})
