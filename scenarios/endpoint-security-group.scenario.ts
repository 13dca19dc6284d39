import { defineScenario, probe } from '../harness/index.js'

export default defineScenario({
  name: 'endpoint-security-group',
  fixture: 'same-region-cross-account',
  description: 'The endpoint\'s security group admits another CIDR only, so the consumers\' connections are dropped: a timeout, not a reset.',
  proves: 'security groups on the endpoint ENIs filter by source',
  vars: { endpoint_ingress_cidrs: ['192.168.0.0/16'] },
  steps: [
    probe({
      title: 'consumers outside the admitted CIDR time out',
      names: ['regional', 'zonal'],
      samples: 2,
      connect_timeout_s: 1,
      timeout_s: 2,
      expect: { failure: 'timeout' },
    }),
  ],
})
