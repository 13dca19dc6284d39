import { defineScenario, probe } from '../harness/index.js'

export default defineScenario({
  name: 'cross-zone-off-deregistered-az',
  fixture: 'same-region-cross-account',
  description:
    'With cross-zone load balancing off, the only target in us-east-1a is deregistered (not failing its health checks: ELB reports it unused): that AZ\'s zonal name goes nowhere while the other AZ\'s answers; registered again, it is initial until its health checks pass, then its zonal name answers again.',
  proves: 'a deregistered target takes no traffic, and a target registered again takes none until its health checks pass',
  assumes: 'the regional name leaves out the endpoint ENI whose AZ has no registered healthy target, as for an unhealthy one (docs/emulator.md)',
  vars: { cross_zone_load_balancing: false, az_count: 2 },
  steps: [
    { kind: 'set-target-registration', title: 'the target in us-east-1a is deregistered', az: 'us-east-1a', registered: false },
    probe({
      title: 'the zonal name of the AZ without a registered target goes nowhere',
      names: ['zonal'],
      zonal_azs: ['us-east-1a'],
      samples: 2,
      connect_timeout_s: 1,
      timeout_s: 2,
      expect: { failure: 'timeout' },
    }),
    probe({ title: 'the other AZ\'s zonal name answers', names: ['zonal'], zonal_azs: ['us-east-1b'], samples: 3, expect: { status: 200 } }),
    probe({ title: 'the regional name still answers', names: ['regional'], samples: 4, expect: { status: 200 } }),
    { kind: 'set-target-registration', title: 'the target in us-east-1a is registered again (and waited for until healthy)', az: 'us-east-1a', registered: true },
    probe({ title: 'the zonal name of us-east-1a answers again', names: ['zonal'], zonal_azs: ['us-east-1a'], samples: 3, expect: { status: 200 } }),
  ],
})
