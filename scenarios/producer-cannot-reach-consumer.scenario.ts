import { defineScenario, probe } from '../harness/index.js'

export default defineScenario({
  name: 'producer-cannot-reach-consumer',
  fixture: 'same-region-cross-account',
  description: 'The producer VPC cannot open a connection to a consumer instance: PrivateLink is consumer-initiated only.',
  proves: 'connections are consumer-initiated only',
  steps: [
    probe({
      title: 'producers try the consumers\' private IPs',
      from: 'producers',
      names: ['consumer-ips'],
      samples: 3,
      connect_timeout_s: 1,
      timeout_s: 2,
      expect: { failure: 'timeout' },
    }),
  ],
})
