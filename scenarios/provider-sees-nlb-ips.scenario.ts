import { defineScenario, probe } from '../harness/index.js'

export default defineScenario({
  name: 'provider-sees-nlb-ips',
  fixture: 'same-region-cross-account',
  description: 'The producer\'s service answers /whoami with the source address it saw: always one of the NLB\'s own private IPs, never the consumer\'s.',
  proves: 'the provider sees connections from the NLB\'s own private IPs',
  steps: [
    probe({
      title: 'the service names its source',
      names: ['regional', 'zonal'],
      path: '/whoami',
      samples: 5,
      expect: { status: 200, body: '^\\d+\\.\\d+\\.\\d+\\.\\d+', source_is_nlb: true },
    }),
  ],
})
