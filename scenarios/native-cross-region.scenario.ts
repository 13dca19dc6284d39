import { defineScenario, probe } from '../harness/index.js'

export default defineScenario({
  name: 'native-cross-region',
  fixture: 'native-cross-region',
  description: 'A consumer in eu-west-2 reaches a service in us-east-1 through a cross-region interface endpoint (service_region on the endpoint, supported_regions on the service); CIDRs overlap on purpose.',
  proves: 'native cross-region PrivateLink answers on the regional and zonal names, and the cross-region path costs the inter-region round trip that an in-region client does not pay (on the local target: the round trip of the emulator\'s latency model, whose sources docs/emulator.md cites)',
  assumes: 'cross-region endpoints get zonal names for the consumer\'s AZs, in the same format as same-region ones (AWS\'s documentation does not settle it)',
  steps: [
    probe({
      title: 'in-region baseline: producers call their own NLB',
      from: 'producers',
      names: ['nlb-ips'],
      samples: 10,
      expect: { status: 200, latency: { timing: 'time_starttransfer', p95: 50 } },
    }),
    probe({
      title: 'regional and zonal names from every consumer, across regions',
      names: ['regional', 'zonal'],
      samples: 10,
      expect: {
        status: 200,
        resolves_to_own_az: true,
        latency: { timing: 'time_starttransfer', p95: 400 },
        // us-east-1 ↔ eu-west-2 is 76 ms p50 (cloudping): two round trips before the first byte
        median_exceeds: { step: 1, by_ms: 120 },
      },
    }),
  ],
})
